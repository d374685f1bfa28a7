package io.cqlp.transfer;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Locations;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * REPORTFREQUENCY and RATEFILE of a COPY, as cqlsh's {@code RateMeter} ({@code
 * cqlshlib/copyutil.py}): passes the progress on to the shell's progress line (which shows it every
 * REPORTFREQUENCY seconds when that is given, see {@link TransferProgress#reportEvery}), and, with
 * RATEFILE, appends to that file every REPORTFREQUENCY seconds (default 0.25) in which rows came
 * one line in cqlsh's format, {@code Processed: 3000 rows; Rate: 2961 rows/s; Avg. rate: 2961
 * rows/s} followed by {@code \r\n} (cqlsh writes its terminal line, which ends with {@code \r}, and
 * a newline), and one more line when the copy ends. Rate is the rows per second of the last
 * interval averaged with the rate before it; Avg. rate is rows over the seconds since the start.
 * The file is replaced at the start, as cqlsh deletes it. Not thread-safe: called on the thread
 * that runs the copy.
 */
public final class RateMeter implements TransferProgress, AutoCloseable {
  /** cqlsh's default REPORTFREQUENCY, in seconds. */
  public static final double DEFAULT_REPORT_FREQUENCY = 0.25;

  private final TransferProgress screen;
  private final BufferedWriter file;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long started;
  private long lastCheckpoint;
  private long lastRows;
  private long totalRows;
  private double currentRate;

  /** The RATEFILE, removed again at close when no line was written (the copy was refused). */
  private Path path;

  private boolean logged;

  RateMeter(TransferProgress screen, BufferedWriter file, double seconds, LongSupplier clock) {
    this.screen = screen;
    this.file = file;
    this.intervalNanos = (long) (seconds * 1e9);
    this.clock = clock;
    this.started = clock.getAsLong();
    this.lastCheckpoint = started;
  }

  /**
   * Starts measuring a copy: reads REPORTFREQUENCY and passes it to {@code screen} when given, and
   * creates or empties the RATEFILE when given.
   *
   * @param screen the shell's progress, told every call
   * @param options the COPY options
   * @return the meter; close it when the copy ends
   * @throws TransferException when REPORTFREQUENCY is not above 0, or the RATEFILE cannot be
   *     written (one line naming it)
   * @throws io.cqlp.command.CommandException when REPORTFREQUENCY is no number
   */
  public static RateMeter start(TransferProgress screen, Options options) {
    double seconds = DEFAULT_REPORT_FREQUENCY;
    if (options.contains(CopyRunOptions.REPORTFREQUENCY)) {
      String text = options.getString(CopyRunOptions.REPORTFREQUENCY, "");
      try {
        seconds = Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        seconds = Double.NaN;
      }
      if (!(seconds > 0) || seconds > 86_400) {
        throw new TransferException(
            "REPORTFREQUENCY is seconds between progress reports, above 0 and at most a"
                + " day, got '"
                + text
                + "'; e.g. REPORTFREQUENCY=0.25.");
      }
      screen.reportEvery(Duration.ofNanos((long) (seconds * 1e9)));
    }
    String name = options.getString(CopyRunOptions.RATEFILE, "");
    BufferedWriter file = null;
    if (!name.isBlank()) {
      Path path = Locations.expandUser(name.strip(), System.getProperty("user.home"));
      try {
        file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        String reason = IoErrors.describe(e);
        throw new TransferException(
            "Cannot write RATEFILE "
                + (reason.startsWith("'") ? reason : "'" + name + "': " + reason)
                + ".",
            e);
      }
    }
    RateMeter meter = new RateMeter(screen, file, seconds, System::nanoTime);
    meter.path =
        file == null ? null : Locations.expandUser(name.strip(), System.getProperty("user.home"));
    return meter;
  }

  /** A copy that reports its progress to the listener it is given. */
  @FunctionalInterface
  public interface Copy {
    /**
     * @param progress where the copy reports the rows done so far
     * @return the copy's summary
     */
    TransferSummary run(TransferProgress progress) throws InterruptedException;
  }

  /**
   * Runs a copy with a meter ({@link #start}) between it and the shell's progress, and writes the
   * meter's closing line with the rows of the copy's summary when it succeeds.
   *
   * @param screen the shell's progress
   * @param options the COPY options (REPORTFREQUENCY, RATEFILE)
   * @param copy the copy
   * @return the copy's summary
   * @throws TransferException as {@link #start}, or as the copy throws
   * @throws InterruptedException as the copy throws
   */
  public static TransferSummary measure(TransferProgress screen, Options options, Copy copy)
      throws InterruptedException {
    try (RateMeter meter = start(screen, options)) {
      TransferSummary summary = copy.run(meter);
      meter.finish(summary.rows());
      return summary;
    }
  }

  @Override
  public void rowsDone(long rows) {
    screen.rowsDone(rows);
    if (file == null || rows == lastRows) {
      return;
    }
    long now = clock.getAsLong();
    if (now - lastCheckpoint >= intervalNanos) {
      update(rows, now);
      log();
    }
  }

  @Override
  public void reportEvery(Duration interval) {
    screen.reportEvery(interval);
  }

  /**
   * Writes the closing line, as cqlsh does when a copy ends.
   *
   * @param rows the rows of the copy's summary
   */
  public void finish(long rows) {
    if (file != null) {
      update(rows, clock.getAsLong());
      log();
    }
  }

  private void update(long rows, long now) {
    long elapsed = now - lastCheckpoint;
    if (elapsed >= 1) {
      double rate = (rows - lastRows) / (elapsed / 1e9);
      currentRate = currentRate == 0.0 ? rate : (currentRate + rate) / 2.0;
    }
    lastCheckpoint = now;
    totalRows = rows;
    lastRows = rows;
  }

  private void log() {
    double seconds = (clock.getAsLong() - started) / 1e9;
    double average = seconds >= 1e-9 ? totalRows / seconds : 0;
    try {
      file.write(line(totalRows, currentRate, average));
      file.flush();
      logged = true;
    } catch (IOException e) {
      // The statistics are a by-product: the copy goes on without them.
    }
  }

  /**
   * One line of the file: cqlsh's {@code 'Processed: %d rows; Rate: %7.0f rows/s; Avg. rate: %7.0f
   * rows/s\r'} and a newline; the rates rounded half to even, as Python's {@code %.0f}.
   */
  static String line(long rows, double rate, double average) {
    return "Processed: "
        + rows
        + " rows; Rate: "
        + whole(rate)
        + " rows/s; Avg. rate: "
        + whole(average)
        + " rows/s\r\n";
  }

  private static String whole(double value) {
    return String.format(
        "%7s", new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).toPlainString());
  }

  @Override
  public void close() {
    if (file != null) {
      try {
        file.close();
        if (!logged && path != null) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        // Nothing more to write.
      }
    }
  }
}
