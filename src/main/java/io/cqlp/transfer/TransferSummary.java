package io.cqlp.transfer;

import io.cqlp.rows.RowSink;
import java.time.Duration;
import java.util.Locale;

/**
 * What a finished COPY did, printed as cqlsh prints its closing line, with the rate, the partition
 * directories (datasets) and the bytes after it.
 *
 * @param rows rows exported or imported
 * @param files files written or read
 * @param skipped rows skipped (imports), 0 for exports
 * @param elapsed wall time of the whole COPY
 * @param partitions partition directories written or read; 0 when not partitioned
 * @param bytes bytes of the files written or read
 * @param parseErrors rows of an import that could not be converted (written to its ERRFILE)
 * @param insertErrors rows of an import whose write failed for good (written to its ERRFILE)
 */
public record TransferSummary(
    long rows,
    long files,
    long skipped,
    Duration elapsed,
    long partitions,
    long bytes,
    long parseErrors,
    long insertErrors) {

  /** A summary without failed rows. */
  public TransferSummary(
      long rows, long files, long skipped, Duration elapsed, long partitions, long bytes) {
    this(rows, files, skipped, elapsed, partitions, bytes, 0, 0);
  }

  /** A summary without partitions or bytes. */
  public TransferSummary(long rows, long files, long skipped, Duration elapsed) {
    this(rows, files, skipped, elapsed, 0, 0);
  }

  /**
   * The summary of an export into a committed sink: its rows, files and bytes, and for a dataset
   * ({@link io.cqlp.transfer.dataset.PartitionedSink}) its partitions.
   *
   * @param sink the committed sink
   * @param elapsed the time the export took
   */
  public static TransferSummary exported(RowSink sink, Duration elapsed) {
    return sink instanceof io.cqlp.transfer.dataset.PartitionedSink d
        ? new TransferSummary(
            d.rowsWritten(), d.filesWritten(), 0, elapsed, d.partitionCount(), d.bytesWritten())
        : new TransferSummary(
            sink.rowsWritten(), sink.filesWritten(), 0, elapsed, 0, sink.bytesWritten());
  }

  /** Rows per second over the whole COPY; 0 when nothing was timed. */
  public double rowsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? rows / seconds : 0;
  }

  /**
   * cqlsh's line and the figures: {@code 5 rows exported to 1 files in 0.123 seconds (40.6 rows/s,
   * 1.2 KiB).}, with {@code , N partitions} before the size for a partitioned dataset.
   */
  public String exportLine() {
    return String.format(
        Locale.ROOT,
        "%d rows exported to %d files in %.3f seconds (%,.0f rows/s%s).",
        rows,
        files,
        elapsed.toNanos() / 1e9,
        rowsPerSecond(),
        figures());
  }

  /**
   * cqlsh's line and the figures: {@code 5 rows imported from 1 files in 0.123 seconds (0 skipped,
   * 40.6 rows/s, 1.2 KiB).}, with {@code , N partitions} before the size for a partitioned dataset,
   * and {@code , N parse errors, M insert errors} after the skipped rows when any row failed.
   */
  public String importLine() {
    String failed =
        parseErrors + insertErrors == 0
            ? ""
            : String.format(
                Locale.ROOT, ", %d parse errors, %d insert errors", parseErrors, insertErrors);
    return String.format(
        Locale.ROOT,
        "%d rows imported from %d files in %.3f seconds (%d skipped%s, %,.0f rows/s%s).",
        rows,
        files,
        elapsed.toNanos() / 1e9,
        skipped,
        failed,
        rowsPerSecond(),
        figures());
  }

  /** Rows of an import that failed, parse and insert errors together. */
  public long failedRows() {
    return parseErrors + insertErrors;
  }

  private String figures() {
    return (partitions > 0 ? String.format(Locale.ROOT, ", %,d partitions", partitions) : "")
        + ", "
        + size(bytes);
  }

  /**
   * A byte count for people: {@code 512 bytes}, {@code 1.5 KiB}, {@code 12.3 MiB}, {@code 2.0 GiB}.
   */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
