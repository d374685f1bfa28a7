package io.cqlp.session;

import io.cqlp.output.DisplayWidth;
import io.cqlp.transfer.RowEstimate;
import io.cqlp.transfer.TransferProgress;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Shows how far a COPY or CAPTURE has come, on standard error: {@code Processed: 120,000 rows;
 * Rate: 45,210 rows/s; Elapsed: 0:02}, then {@code ; 40% of ~300,000; ETA 0:04} when the total can
 * be estimated ({@link RowEstimate}).
 *
 * <p>At the prompt it is one live line, rewritten in place (carriage return) at most five times a
 * second, and erased by {@link #close()} before the summary line. In scripts it is a line of its
 * own every ten seconds at most, the first after ten seconds, so short jobs print none.
 *
 * <p>Given the terminal's width, the line never takes more than the width less one cell (so the
 * cursor never reaches the last column, where terminals wrap): parts are left out until it fits,
 * Elapsed first, then the {@code of ~total}, the rate, the ETA and the percentage; the row count
 * stays, cut with {@code …} only on a terminal narrower than itself.
 */
public final class ProgressLine implements TransferProgress, AutoCloseable {
  private static final long LIVE_EVERY_NANOS = 200_000_000L;
  private static final long SCRIPT_EVERY_NANOS = 10_000_000_000L;

  private final ErrorReporter terminal;
  private final boolean live;
  private final String verb;
  private final long total;
  private final LongSupplier clock;
  private final IntSupplier width;
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
    this(terminal, live, verb, total, clock, () -> 0);
  }

  /**
   * As above, fitted to a terminal.
   *
   * @param width the terminal's width in cells, read at every update (it may change); 0 or less for
   *     no limit
   */
  ProgressLine(
      ErrorReporter terminal,
      boolean live,
      String verb,
      long total,
      LongSupplier clock,
      IntSupplier width) {
    this.width = width;
    this.terminal = terminal;
    this.live = live;
    this.verb = verb;
    this.total = total;
    this.clock = clock;
    this.started = clock.getAsLong();
    this.lastShown = started;
  }

  /**
   * Progress of a transfer on the real clock, never wider than the terminal; see the class comment
   * for where it shows.
   *
   * @param width the terminal's width in cells (e.g. {@code Display::width}), 0 for no limit
   */
  public static ProgressLine start(
      ErrorReporter terminal, boolean live, String verb, long total, IntSupplier width) {
    return new ProgressLine(terminal, live, verb, total, System::nanoTime, width);
  }

  @Override
  public void rowsDone(long rows) {
    long now = clock.getAsLong();
    long every = everyNanos >= 0 ? everyNanos : live ? LIVE_EVERY_NANOS : SCRIPT_EVERY_NANOS;
    if (now - lastShown < every) {
      return;
    }
    lastShown = now;
    int room = width.getAsInt() - 1;
    String text = text(rows, (now - started) / 1e9, total, room);
    if (live) {
      int cells = DisplayWidth.of(text);
      // Blank what is left of a longer line shown before, but never past the room.
      String pad =
          " ".repeat(Math.max(0, (room > 0 ? Math.min(shownWidth, room) : shownWidth) - cells));
      terminal.status("\r" + text + pad);
      shownWidth = cells;
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
      int room = width.getAsInt() - 1;
      terminal.status("\r" + " ".repeat(room > 0 ? Math.min(shownWidth, room) : shownWidth) + "\r");
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
    return text(rows, seconds, total, 0);
  }

  /**
   * The progress text in at most {@code room} cells (see the class comment for what goes first).
   *
   * @param room cells available; 0 or less for no limit
   */
  String text(long rows, double seconds, long total, int room) {
    double rate = seconds > 0 ? rows / seconds : 0;
    String count = String.format(Locale.ROOT, "%s: %,d rows", verb, rows);
    String rateText = String.format(Locale.ROOT, "Rate: %,.0f rows/s", rate);
    String elapsed = "Elapsed: " + clock(seconds);
    String percent = null;
    String ofTotal = null;
    String eta = null;
    if (total > 0 && rows <= total) {
      percent = (rows * 100 / total) + "%";
      ofTotal = String.format(Locale.ROOT, " of ~%,d", total);
      if (rate > 0) {
        eta = "ETA " + clock((total - rows) / rate);
      }
    }
    String[][] variants = {
      {count, rateText, elapsed, percent == null ? null : percent + ofTotal, eta},
      {count, rateText, percent == null ? null : percent + ofTotal, eta},
      {count, rateText, percent, eta},
      {count, percent, eta},
      {count, percent},
    };
    for (String[] parts : variants) {
      StringBuilder line = new StringBuilder();
      for (String part : parts) {
        if (part != null) {
          line.append(line.length() == 0 ? "" : "; ").append(part);
        }
      }
      if (room <= 0 || DisplayWidth.of(line.toString()) <= room) {
        return line.toString();
      }
    }
    return DisplayWidth.truncate(count, Math.max(1, room));
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
