package io.cqlp.format.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Passes characters through and keeps those read since a mark, so that the raw text of a CSV record
 * can be cut out by character position (for {@code RowSource#lastRecord()}). Positions count
 * characters from the start of the stream. Not thread-safe.
 */
final class RecordingReader extends Reader {
  private final Reader in;
  private final StringBuilder kept = new StringBuilder();

  /** Stream position of {@code kept}'s first character. */
  private long base;

  RecordingReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      kept.append(buffer, offset, n);
    }
    return n;
  }

  /** Stream position just after the last character read. */
  long position() {
    return base + kept.length();
  }

  /** Forgets the characters before {@code position}. */
  void discardBefore(long position) {
    int cut = (int) Math.min(kept.length(), Math.max(0, position - base));
    kept.delete(0, cut);
    base += cut;
  }

  /**
   * The kept text from {@code start} to {@code end} (stream positions), without the line breaks and
   * empty lines at its end.
   */
  String text(long start, long end) {
    int from = (int) Math.max(0, start - base);
    int to = (int) Math.min(kept.length(), Math.max(from, end - base));
    int last = to;
    while (last > from && (kept.charAt(last - 1) == '\n' || kept.charAt(last - 1) == '\r')) {
      last--;
    }
    return kept.substring(from, last);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
