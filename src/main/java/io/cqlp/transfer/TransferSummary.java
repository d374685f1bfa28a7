package io.cqlp.transfer;

import java.time.Duration;
import java.util.Locale;

/**
 * What a finished COPY did, printed as cqlsh prints its closing line.
 *
 * @param rows rows exported or imported
 * @param files files written or read
 * @param skipped rows skipped (imports), 0 for exports
 * @param elapsed wall time of the whole COPY
 */
public record TransferSummary(long rows, long files, long skipped, Duration elapsed) {

  /** Rows per second over the whole COPY; 0 when nothing was timed. */
  public double rowsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? rows / seconds : 0;
  }

  /** cqlsh's line: {@code 5 rows exported to 1 files in 0.123 seconds (40.6 rows/s).} */
  public String exportLine() {
    return String.format(
        Locale.ROOT,
        "%d rows exported to %d files in %.3f seconds (%,.0f rows/s).",
        rows, files, elapsed.toNanos() / 1e9, rowsPerSecond());
  }

  /** cqlsh's line: {@code 5 rows imported from 1 files in 0.123 seconds (0 skipped).} */
  public String importLine() {
    return String.format(
        Locale.ROOT,
        "%d rows imported from %d files in %.3f seconds (%d skipped, %,.0f rows/s).",
        rows, files, elapsed.toNanos() / 1e9, skipped, rowsPerSecond());
  }
}
