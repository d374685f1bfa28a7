package io.cqlp.capture;

import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The target of a TEXT capture: a copy of the text the screen shows of each result (cqlsh's CAPTURE
 * writes the query output, without colours), in UTF-8, under a staging name ({@link StagedFile})
 * until {@link #commit()}. ANSI colour sequences ({@code ESC [ ... m}, and any other CSI sequence)
 * are left out, also when one is split across calls. Not thread-safe: {@link Capture} serialises
 * calls.
 */
final class ScreenText {
  private static final char ESC = '\u001b';

  private final StagedFile file;
  private final Writer out;

  /** 0 in text, 1 after ESC, 2 inside a CSI sequence (after {@code ESC [}). */
  private int escape;

  /** The first write that failed: the screen goes on, {@link #commit()} reports it. */
  private IOException failure;

  private ScreenText(StagedFile file) {
    this.file = file;
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 16 * 1024);
  }

  /**
   * Creates the staging file.
   *
   * @throws IOException if the staging file cannot be created
   */
  static ScreenText open(Location target) throws IOException {
    return new ScreenText(target.create());
  }

  /**
   * Copies screen text, without its colour sequences. Never throws: a failed write is kept and
   * reported by {@link #commit()}, so the screen still shows the result.
   */
  void write(char[] text, int offset, int length) {
    if (failure != null) {
      return;
    }
    try {
      copy(text, offset, length);
    } catch (IOException e) {
      failure = e;
    }
  }

  private void copy(char[] text, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      char c = text[i];
      if (escape == 0) {
        if (c == ESC) {
          out.write(text, start, i - start);
          escape = 1;
        }
      } else if (escape == 1) {
        escape = c == '[' ? 2 : 0;
        start = i + 1;
      } else {
        if (c >= '@' && c <= '~') {
          escape = 0;
        }
        start = i + 1;
      }
    }
    if (escape == 0 && start < end) {
      out.write(text, start, end - start);
    }
  }

  /**
   * Flushes, closes and publishes the file.
   *
   * @throws IOException if a write failed or the file cannot be published; nothing is published
   */
  void commit() throws IOException {
    if (failure != null) {
      throw failure;
    }
    out.close();
    file.publish();
  }

  /** Drops the file; the target is left as it was. Never throws. */
  void abort() {
    file.discard();
  }
}
