package io.cqlp.capture;

import io.cqlp.command.Options;
import io.cqlp.rows.SinkFactory;
import io.cqlp.storage.Location;
import io.cqlp.storage.s3.S3Settings;
import io.cqlp.transfer.TargetLocations;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One running CAPTURE: every query result the shell shows is also written, page by page, to a
 * target file in one format. The target appears, whole and valid, when the capture ends ({@link
 * #finish()}: CAPTURE OFF, a new CAPTURE, EXIT, end of input, SIGTERM); until then it is written
 * under a staging name. Methods are synchronized so a shutdown hook can finish the capture while
 * the shell thread is between rows.
 */
public final class Capture {

  /** Options CAPTURE accepts with WITH (Parquet's; the FORMAT option names the format). */
  public static final Set<String> OPTIONS =
      Options.union(
          Set.of(
              "FORMAT",
              "COMPRESSION",
              "COMPRESSION_LEVEL",
              "CHUNKSIZE",
              "PARTITION",
              "MAX_FILE_SIZE",
              "MAX_OPEN_FILES",
              "OVERWRITE",
              "APPEND",
              "UUID_TYPE",
              "DECIMAL_TYPE",
              "TIME_UNIT"),
          Options.union(
              S3Settings.OPTIONS, io.cqlp.format.parquet.write.ParquetTuning.OPTION_NAMES));

  /**
   * Options of a capture in another format than Parquet: FORMAT, the object-store settings,
   * OVERWRITE.
   */
  private static final Set<String> TEXT_OPTIONS =
      Options.union(Set.of("FORMAT", "OVERWRITE"), S3Settings.OPTIONS);

  private final Location target;
  private final CaptureFormat format;
  private final ResultWriter writer;
  private long rows;
  private long results;
  private boolean inResult;
  private boolean finished;

  private Capture(Location target, CaptureFormat format, ResultWriter writer) {
    this.target = target;
    this.format = format;
    this.writer = writer;
  }

  /**
   * Starts a capture.
   *
   * @param path the target path as typed
   * @param formatName the format named by keyword or FORMAT option, or {@code null} for the
   *     extension's
   * @param options the WITH options (Parquet's options for a Parquet capture)
   * @param sinks opens Parquet sinks (the same as COPY TO)
   * @return the running capture
   * @throws CaptureException for an unknown format or option, or a target directory that does not
   *     exist
   * @throws IOException if the staging file cannot be created
   */
  public static Capture start(String path, String formatName, Options options, SinkFactory sinks)
      throws IOException {
    String named = formatName != null ? formatName : options.getString("FORMAT", null);
    CaptureFormat format =
        named != null ? CaptureFormat.parse(named) : CaptureFormat.fromPath(path);
    options.requireKnown(
        format == CaptureFormat.PARQUET ? OPTIONS : TEXT_OPTIONS, "CAPTURE " + format);
    Location target = TargetLocations.resolve(path, options);
    if (target.isLocal()) {
      Path dir = target.localPath().toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new CaptureException(
            "Cannot capture to '" + path + "': directory '" + dir + "' does not exist.");
      }
    } else if (format != CaptureFormat.PARQUET
        && !options.getBoolean("OVERWRITE", false)
        && target.isFile()) {
      throw new CaptureException(
          "Cannot capture to '"
              + path
              + "': it exists already; add OVERWRITE=true to"
              + " replace it.");
    }
    ResultWriter writer =
        switch (format) {
          case PARQUET -> new ParquetResultWriter(path, options, sinks);
          case JSON -> new JsonResultWriter(target);
          case XLSX -> new XlsxResultWriter(target);
          case CSV -> new CsvResultWriter(target);
          case TEXT -> new TextResultWriter(target);
        };
    return new Capture(target, format, writer);
  }

  /**
   * Starts capturing one result.
   *
   * @param columns the result's columns
   * @throws CaptureException if the capture refuses these columns (nothing of the result is
   *     written; the capture stays on)
   */
  public synchronized void beginResult(List<ColumnSpec> columns) throws IOException {
    if (finished) {
      return;
    }
    writer.begin(columns);
    inResult = true;
  }

  /** Captures one row of the current result. */
  public synchronized void write(Object[] row) throws IOException {
    if (finished || !inResult) {
      return;
    }
    writer.write(row);
    rows++;
  }

  /** Ends the current result. */
  public synchronized void endResult() throws IOException {
    if (finished || !inResult) {
      return;
    }
    writer.end();
    inResult = false;
    results++;
  }

  /**
   * Ends the capture: closes the current result, writes the footer and publishes the target. Safe
   * to call more than once.
   *
   * @throws IOException if the target cannot be finished; nothing is left at the target then
   */
  public synchronized void finish() throws IOException {
    if (finished) {
      return;
    }
    try {
      if (inResult) {
        writer.end();
        results++;
      }
      writer.commit();
    } catch (IOException | RuntimeException e) {
      writer.abort();
      throw e;
    } finally {
      finished = true;
    }
  }

  /** The target. */
  public Location target() {
    return target;
  }

  /** Rows captured so far. */
  public synchronized long rows() {
    return rows;
  }

  /**
   * The status line of {@code CAPTURE} alone: target, format, rows, results and files so far, and
   * the fixed schema of a Parquet capture.
   */
  public synchronized String status() {
    String schema = "";
    if (writer instanceof ParquetResultWriter parquet && parquet.schema() != null) {
      schema = "; schema: " + ParquetResultWriter.describe(parquet.schema());
    }
    return String.format(
        Locale.ROOT,
        "Capturing %s to '%s': %d rows from %d results in %d files%s.",
        format,
        target,
        rows,
        results,
        writer.files(),
        schema);
  }
}
