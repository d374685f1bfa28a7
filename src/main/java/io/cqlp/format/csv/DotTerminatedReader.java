package io.cqlp.format.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a reader up to a line holding only {@code \.} (cqlsh's end of COPY FROM STDIN input,
 * as in psql) or the end of the input, whichever comes first; the {@code \.} line itself is
 * consumed and not returned. Lines are read one at a time, so on a terminal nothing after the
 * {@code \.} line is taken from the input. Closing does not close the underlying reader (the
 * shell's standard input stays open). Not thread-safe.
 */
public final class DotTerminatedReader extends Reader {
  /** The line that ends the input. */
  public static final String END = "\\.";

  private final BufferedReader in;
  private String line = "";
  private int pos;
  private boolean ended;

  /**
   * @param in the input, read line by line
   */
  public DotTerminatedReader(BufferedReader in) {
    this.in = in;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (pos >= line.length()) {
      if (ended) {
        return -1;
      }
      String next = in.readLine();
      if (next == null || next.strip().equals(END)) {
        ended = true;
        return -1;
      }
      line = next + "\n";
      pos = 0;
    }
    int n = Math.min(length, line.length() - pos);
    line.getChars(pos, pos + n, buffer, offset);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    ended = true;
  }
}
