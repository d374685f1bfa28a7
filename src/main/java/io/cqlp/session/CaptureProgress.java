package io.cqlp.session;

import java.util.Locale;

/**
 * Reports a long capture's progress at the prompt: a line such as {@code Captured page 12,
 * 60,000 rows.} at most every two seconds. Scripts get none, so their output stays what the
 * statements print.
 */
final class CaptureProgress {
  private static final long EVERY_NANOS = 2_000_000_000L;
  private final ErrorReporter terminal;
  private final int pageRows;
  private long rows;
  private long last = System.nanoTime();

  /**
   * @param terminal where progress goes at the prompt, or {@code null} for none (scripts)
   * @param pageRows rows per page of the result
   */
  CaptureProgress(ErrorReporter terminal, int pageRows) {
    this.terminal = terminal;
    this.pageRows = Math.max(1, pageRows);
  }

  /** Counts one captured row, and reports when the last report is two seconds old. */
  void row() {
    rows++;
    if (terminal != null && rows % pageRows == 0 && System.nanoTime() - last >= EVERY_NANOS) {
      last = System.nanoTime();
      terminal.note(String.format(Locale.ROOT, "Captured page %,d, %,d rows.", rows / pageRows, rows));
    }
  }
}
