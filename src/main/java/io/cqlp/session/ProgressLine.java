package io.cqlp.session;

import io.cqlp.transfer.RowEstimate;
import io.cqlp.transfer.TransferProgress;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a COPY or CAPTURE has come, on standard error: {@code Processed: 120,000 rows;
 * Rate: 45,210 rows/s; Elapsed: 0:02}, then {@code ; 40% of ~300,000; ETA 0:04} when the total
 * can be estimated ({@link RowEstimate}).
 *
 * <p>At the prompt it is one live line, rewritten in place (carriage return) at most five times
 * a second, and erased by {@link #close()} before the summary line. In scripts it is a line of
 * its own every ten seconds at most, the first after ten seconds, so short jobs print none.
 */
public final class ProgressLine implements TransferProgress, AutoCloseable {
  private static final long LIVE_EVERY_NANOS = 200_000_000L;
  private static final long SCRIPT_EVERY_NANOS = 10_000_000_000L;

  private final ErrorReporter terminal;
  private final boolean live;
  private final String verb;
  private final long total;
  private final LongSupplier clock;
  private final long started;
  private long lastShown;
  private int shownWidth;
  private long everyNanos = -1;

  /**
   * @param terminal where the line goes (standard error)
   * @param live true at the prompt (a terminal): one line rewritten in place
   * @param verb the line's first word, e.g. {@code Processed} or {@code Captured}
   * @param total the estimated total of rows, or {@link RowEstimate#UNKNOWN}
   * @param clock nanosecond clock ({@code System::nanoTime}; tests pass their own)
   */
  ProgressLine(ErrorReporter terminal, boolean live, String verb, long total, LongSupplier clock) {
    this.terminal = terminal;
    this.live = live;
    this.verb = verb;
    this.total = total;
    this.clock = clock;
    this.started = clock.getAsLong();
    this.lastShown = started;
  }

  /** Progress of a transfer on the real clock; see the class comment for where it shows. */
  static ProgressLine start(ErrorReporter terminal, boolean live, String verb, long total) {
    return new ProgressLine(terminal, live, verb, total, System::nanoTime);
  }

  @Override
  public void rowsDone(long rows) {
    long now = clock.getAsLong();
    long every = everyNanos >= 0 ? everyNanos : live ? LIVE_EVERY_NANOS : SCRIPT_EVERY_NANOS;
    if (now - lastShown < every) {
      return;
    }
    lastShown = now;
    String text = text(rows, (now - started) / 1e9, total);
    if (live) {
      String pad = " ".repeat(Math.max(0, shownWidth - text.length()));
      terminal.status("\r" + text + pad);
      shownWidth = text.length();
    } else {
      terminal.note(text);
    }
  }

  /** REPORTFREQUENCY: shows the line every {@code interval}, at the prompt and in scripts alike. */
  @Override
  public void reportEvery(java.time.Duration interval) {
    everyNanos = interval.toNanos();
  }

  /** Erases the live line, if one is showing, so the summary line starts at the margin. */
  @Override
  public void close() {
    if (live && shownWidth > 0) {
      terminal.status("\r" + " ".repeat(shownWidth) + "\r");
      shownWidth = 0;
    }
  }

  /**
   * The progress text.
   *
   * @param rows rows so far
   * @param seconds elapsed seconds
   * @param total estimated total rows or {@link RowEstimate#UNKNOWN}; the percentage and ETA are
   *     left out when unknown or already passed
   */
  String text(long rows, double seconds, long total) {
    double rate = seconds > 0 ? rows / seconds : 0;
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "%s: %,d rows; Rate: %,.0f rows/s; Elapsed: %s", verb, rows, rate, clock(seconds)));
    if (total > 0 && rows <= total) {
      line.append(String.format(Locale.ROOT, "; %d%% of ~%,d", rows * 100 / total, total));
      if (rate > 0) {
        line.append("; ETA ").append(clock((total - rows) / rate));
      }
    }
    return line.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
