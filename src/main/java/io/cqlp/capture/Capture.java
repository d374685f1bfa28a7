package io.cqlp.capture;

import io.cqlp.command.Options;
import io.cqlp.format.csv.CsvOptions;
import io.cqlp.rows.ResultColumns;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.s3.S3Settings;
import io.cqlp.transfer.TargetLocations;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One running CAPTURE: every query result the shell shows is also written, page by page, to a
 * target file in one format. PARQUET, JSON, XLSX and CSV go through the sinks of COPY TO (the same
 * {@link SinkFactory}, so the same files and value spellings), one sink for the whole capture: its
 * first result opens it, each later one is {@link RowSink#beginResult begun} in it. TEXT is a copy
 * of the screen's text ({@link #tee}), as cqlsh's CAPTURE writes. The target appears, whole and
 * valid, when the capture ends ({@link #finish()}: CAPTURE OFF, a new CAPTURE, EXIT, end of input,
 * SIGTERM); until then it is written under a staging name. Methods are synchronized so a shutdown
 * hook can finish the capture while the shell thread is between rows.
 */
public final class Capture {

  /** Options of every format: FORMAT, OVERWRITE and the object-store settings. */
  private static final Set<String> TARGET_OPTIONS =
      Options.union(Set.of("FORMAT", "OVERWRITE"), S3Settings.OPTIONS);

  /** Options of a Parquet capture: COPY TO's Parquet ones, datasets included. */
  private static final Set<String> PARQUET_OPTIONS =
      Options.union(
          Options.union(
              TARGET_OPTIONS,
              Set.of(
                  "COMPRESSION",
                  "COMPRESSION_LEVEL",
                  "CHUNKSIZE",
                  "PARTITION",
                  "MAX_FILE_SIZE",
                  "MAX_OPEN_FILES",
                  "APPEND",
                  "UUID_TYPE",
                  "DECIMAL_TYPE",
                  "TIME_UNIT")),
          io.cqlp.format.parquet.write.ParquetTuning.OPTION_NAMES);

  /** Options of a CSV capture: COPY TO's CSV ones ({@link CsvOptions#COPY_TO}). */
  private static final Set<String> CSV_OPTIONS = Options.union(TARGET_OPTIONS, CsvOptions.COPY_TO);

  /** Options of a JSON capture: JSON_ARRAY, as COPY TO. */
  private static final Set<String> JSON_OPTIONS =
      Options.union(TARGET_OPTIONS, Set.of("JSON_ARRAY"));

  /** Every option CAPTURE accepts with WITH, whatever the format (for completion). */
  public static final Set<String> OPTIONS =
      Options.union(Options.union(PARQUET_OPTIONS, CSV_OPTIONS), JSON_OPTIONS);

  private final String path;
  private final Location target;
  private final CaptureFormat format;
  private final Options options;
  private final SinkFactory sinks;
  private final ScreenText text;
  private RowSink sink;
  private List<ColumnSpec> schema;
  private long rows;
  private long results;
  private boolean inResult;
  private boolean finished;

  private Capture(
      String path,
      Location target,
      CaptureFormat format,
      Options options,
      SinkFactory sinks,
      ScreenText text) {
    this.path = path;
    this.target = target;
    this.format = format;
    this.options = options;
    this.sinks = sinks;
    this.text = text;
  }

  /**
   * Starts a capture. A TEXT capture creates its staging file now; the other formats open their
   * sink at the first result (they need its columns).
   *
   * @param path the target path as typed
   * @param formatName the format named by keyword or FORMAT option, or {@code null} for the
   *     extension's
   * @param options the WITH options: COPY TO's options of the format (CSV's, JSON_ARRAY,
   *     Parquet's); a CSV capture has HEADER=true unless told otherwise
   * @param sinks opens the sinks (the same as COPY TO)
   * @return the running capture
   * @throws CaptureException for an unknown format or option, a target directory that does not
   *     exist, or an object that exists already without OVERWRITE
   * @throws IOException if the staging file cannot be created
   */
  public static Capture start(String path, String formatName, Options options, SinkFactory sinks)
      throws IOException {
    String named = formatName != null ? formatName : options.getString("FORMAT", null);
    CaptureFormat format =
        named != null ? CaptureFormat.parse(named) : CaptureFormat.fromPath(path);
    options.requireKnown(
        switch (format) {
          case PARQUET -> PARQUET_OPTIONS;
          case CSV -> CSV_OPTIONS;
          case JSON -> JSON_OPTIONS;
          case XLSX, TEXT -> TARGET_OPTIONS;
        },
        "CAPTURE " + format);
    Location target = TargetLocations.resolve(path, options);
    if (target.isLocal()) {
      Path dir = target.localPath().toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new CaptureException(
            "Cannot capture to '" + path + "': directory '" + dir + "' does not exist.");
      }
    } else if (!options.getBoolean("OVERWRITE", false) && target.isFile()) {
      throw new CaptureException(
          "Cannot capture to '"
              + path
              + "': it exists already; add OVERWRITE=true to"
              + " replace it.");
    }
    if (format == CaptureFormat.TEXT) {
      return new Capture(path, target, format, options, sinks, ScreenText.open(target));
    }
    // the sinks read the format from FORMAT: the format keyword wins over a FORMAT option
    Options effective =
        Options.builder().add("FORMAT", format.name()).build().withDefaults(options);
    if (format == CaptureFormat.CSV) {
      // every result of a capture starts with its names unless HEADER=false
      effective = effective.withDefaults(Options.builder().add("HEADER", "true").build());
    }
    return new Capture(path, target, format, effective, sinks, null);
  }

  /** Whether this capture copies the screen's text ({@link #tee}) instead of taking rows. */
  public boolean isText() {
    return text != null;
  }

  /**
   * Starts capturing one result (not for TEXT). The first result opens the sink; a later one is
   * begun in it ({@link RowSink#beginResult}).
   *
   * @param result the result's columns, and the keyspace and table they come from (in a Parquet
   *     file's footer, as COPY TO's)
   * @throws CaptureException if the sink refuses these columns (Parquet's one schema; nothing of
   *     the result is written; the capture stays on)
   * @throws TransferException for a bad option value at the first result (nothing is written; the
   *     capture stays on)
   * @throws IOException if the target cannot be opened or written
   */
  public synchronized void beginResult(TableSchema result) throws IOException {
    if (finished || text != null) {
      return;
    }
    if (sink == null) {
      sink = TargetLocations.open(sinks, path, result, options);
      schema = List.copyOf(result.columns());
    } else {
      try {
        sink.beginResult(result.columns());
      } catch (TransferException e) {
        throw new CaptureException(
            "Result not captured: " + e.getMessage() + ". Start another CAPTURE for this result.");
      }
    }
    inResult = true;
  }

  /** Captures one row of the current result (values in the driver's Java types). */
  public synchronized void write(Object[] row) throws IOException {
    if (finished || !inResult) {
      return;
    }
    sink.write(row);
    rows++;
  }

  /** Ends the current result. */
  public synchronized void endResult() {
    if (finished || !inResult) {
      return;
    }
    inResult = false;
    results++;
  }

  /**
   * A TEXT capture's copy of the screen: what is written to the returned writer goes to {@code
   * screen} and, without colours, to the target. Flushing and closing reach {@code screen} only
   * (closing flushes it and leaves it open). Call {@link #textResult} once the result is printed.
   *
   * @param screen the shell's output
   * @return a writer for printing one result
   * @throws IllegalStateException if this is not a TEXT capture
   */
  public Writer tee(Writer screen) {
    if (text == null) {
      throw new IllegalStateException("not a TEXT capture");
    }
    return new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) throws IOException {
        screen.write(chars, offset, length);
        copy(chars, offset, length);
      }

      @Override
      public void flush() throws IOException {
        screen.flush();
      }

      @Override
      public void close() throws IOException {
        screen.flush();
      }
    };
  }

  private synchronized void copy(char[] chars, int offset, int length) {
    if (!finished) {
      text.write(chars, offset, length);
    }
  }

  /** Counts a result printed through {@link #tee} and its rows. */
  public synchronized void textResult(long printed) {
    if (!finished) {
      rows += printed;
      results++;
    }
  }

  /**
   * Ends the capture: publishes the target. Safe to call more than once. A capture of another
   * format than TEXT that saw no result writes no file.
   *
   * @throws IOException if the target cannot be finished; nothing is left at the target then
   */
  public synchronized void finish() throws IOException {
    if (finished) {
      return;
    }
    try {
      if (inResult) {
        results++;
      }
      if (text != null) {
        text.commit();
      } else if (sink != null) {
        sink.commit();
      }
    } catch (IOException | RuntimeException e) {
      if (text != null) {
        text.abort();
      } else if (sink != null) {
        sink.abort();
      }
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
    String fixed =
        format == CaptureFormat.PARQUET && schema != null
            ? "; schema: " + ResultColumns.describe(schema)
            : "";
    long files = text != null ? 1 : sink == null ? 0 : sink.filesWritten();
    return String.format(
        Locale.ROOT,
        "Capturing %s to '%s': %d rows from %d results in %d files%s.",
        format,
        target,
        rows,
        results,
        files,
        fixed);
  }
}
