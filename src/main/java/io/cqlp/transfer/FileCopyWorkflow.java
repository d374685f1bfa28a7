package io.cqlp.transfer;

import io.cqlp.command.CopyFileTo;
import io.cqlp.command.Options;
import io.cqlp.format.FileFormat;
import io.cqlp.format.Formats;
import io.cqlp.format.parquet.read.RowGroupPruning;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowFilter;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * {@code COPY 'source' TO 'target' [WITH ...]}: converts a Parquet file, dataset or glob ({@link
 * FileSource}) into any format COPY TO writes, through the same sinks as {@link CopyToWorkflow}
 * ({@link TargetLocations#open}: one file, or a dataset directory with PARTITION and
 * MAX_FILE_SIZE), with every COPY TO target option and the same whole-or-nothing commit. No
 * Cassandra session is involved.
 *
 * <p>Values keep their CQL types ({@link FileSource}): a file cqlp wrote comes back as it was
 * exported (uuid, timeuuid, varint, decimal, duration, collections), a foreign file in the types
 * COPY FROM would load it into.
 *
 * <p>A WHERE keeps the rows that meet its comparisons ({@link RowFilter}); in a single file, the
 * row groups whose statistics rule them out are skipped unread ({@link RowGroupPruning}).
 *
 * <p>INCLUDE_METADATA=true ({@link SourceMetadata}) adds the columns, their types and the source
 * footer's key-value metadata: a sidecar {@code <name>.schema.json} beside a CSV or JSON file, a
 * {@code metadata} sheet in an XLSX file, the source's footer entries in Parquet files.
 */
public final class FileCopyWorkflow {
  /**
   * COPY 'file' TO option: write the source's columns and metadata beside the rows (default false).
   */
  public static final String INCLUDE_METADATA = "INCLUDE_METADATA";

  /** Options of a table's scan, which a file's conversion has no use for. */
  private static final Set<String> SCAN_ONLY =
      Set.of(
          "PAGESIZE",
          "MAXREQUESTS",
          "MAXATTEMPTS",
          "RESUME",
          CellTimes.WRITETIME,
          CellTimes.TTL,
          "VERIFY",
          CopyRunOptions.NUMPROCESSES,
          CopyRunOptions.PAGETIMEOUT,
          io.cqlp.transfer.plan.TokenBounds.BEGINTOKEN,
          io.cqlp.transfer.plan.TokenBounds.ENDTOKEN);

  /**
   * Every option COPY 'file' TO accepts: COPY TO's but the scan's, INCLUDE_METADATA, and COPY
   * FROM's PRECISION_LOSS and PARTITION_FILTER (for a dataset source).
   */
  public static final Set<String> OPTIONS =
      Options.union(
          Set.copyOf(CopyToWorkflow.OPTIONS.stream().filter(o -> !SCAN_ONLY.contains(o)).toList()),
          Set.of(INCLUDE_METADATA, io.cqlp.format.PrecisionLoss.OPTION, "PARTITION_FILTER"));

  private final SinkFactory sinks;
  private final SourceFactory sources;
  private TransferProgress progress = TransferProgress.NONE;
  private Writer stdout;

  /**
   * @param sinks opens the target (as for COPY TO)
   * @param sources opens each Parquet file of the source
   */
  public FileCopyWorkflow(SinkFactory sinks, SourceFactory sources) {
    this.sinks = sinks;
    this.sources = sources;
  }

  /** Reports the rows written so far to {@code listener} while {@link #run} runs; returns this. */
  public FileCopyWorkflow progress(TransferProgress listener) {
    this.progress = listener;
    return this;
  }

  /** Sets where {@code COPY 'file' TO STDOUT} writes (flushed, never closed); returns this. */
  public FileCopyWorkflow withStdout(Writer out) {
    this.stdout = out;
    return this;
  }

  /**
   * Runs the conversion.
   *
   * @param command the parsed COPY 'file' TO
   * @return rows and files written, and the elapsed time
   * @throws TransferException for a missing, unreadable or corrupt source, a column cqlp cannot
   *     read, an unknown or misplaced option, a WHERE it cannot apply, or a failed write; nothing
   *     is then left at the target
   * @throws InterruptedException if the shell thread is interrupted (Ctrl-C); nothing is left
   */
  @SuppressWarnings("try") // the interrupt hook is held for the scope, never referenced
  public TransferSummary run(CopyFileTo command) throws InterruptedException {
    try (InterruptOnExit exit = InterruptOnExit.install()) {
      return RateMeter.measure(progress, command.options(), meter -> convert(command, meter));
    }
  }

  private TransferSummary convert(CopyFileTo command, TransferProgress progress)
      throws InterruptedException {
    long started = System.nanoTime();
    Options options = command.options();
    for (String name : options.names()) {
      if (SCAN_ONLY.contains(name)) {
        throw new TransferException(
            name
                + " applies to the scan of a table; COPY '"
                + command.source()
                + "' TO reads a file: drop "
                + name
                + ".");
      }
    }
    options.requireKnown(OPTIONS, "COPY 'file' TO");
    boolean metadata = options.getBoolean(INCLUDE_METADATA, false);
    if (command.stdout() && (stdout == null || metadata)) {
      throw new TransferException(
          stdout == null
              ? "COPY TO STDOUT has no standard output here."
              : "INCLUDE_METADATA writes beside a file; it cannot go to STDOUT.");
    }
    boolean append = options.getBoolean("APPEND", false);
    // Looked at only when it matters: APPEND needs a dataset, and a dataset gets no metadata.
    boolean dataset =
        !command.stdout()
            && (append || metadata)
            && TargetLocations.isDataset(
                TargetLocations.resolve(command.target(), options), command.target(), options);
    if (append && !command.stdout() && !dataset) {
      throw new TransferException(
          "APPEND adds files to a dataset directory; end the target with '/' (e.g. '"
              + command.target()
              + "/').");
    }
    FileSource source = FileSource.inspect(command.source(), options);
    TableSchema schema = source.schema();
    RowFilter filter =
        command.where() == null ? null : RowFilter.parse(command.where(), schema.columns());
    SinkFactory factory = metadata ? sinks.withFooter(SourceMetadata.footer(source)) : sinks;
    String target = command.stdout() ? "STDOUT" : command.target();
    try (RowSource rows = source.open(sources, options);
        RowSink sink =
            command.stdout()
                ? factory.openStdout(stdout, schema, options)
                : TargetLocations.open(factory, command.target(), schema, options)) {
      if (filter != null) {
        rows.skipUnmatchedBlocks(filter);
      }
      Object[] row;
      long read = 0;
      while ((row = rows.next()) != null) {
        if (filter == null || filter.test(row)) {
          sink.write(row);
        }
        if ((++read & 1023) == 0) {
          progress.rowsDone(sink.rowsWritten());
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
      }
      progress.rowsDone(sink.rowsWritten());
      commit(sink, source, command, options, metadata && !dataset);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      return TransferSummary.exported(sink, elapsed);
    } catch (java.nio.channels.ClosedByInterruptException e) {
      Thread.interrupted();
      throw new TransferException(
          "Interrupted while writing '" + target + "'; nothing was kept.", e);
    } catch (ConversionException e) {
      throw new TransferException(oneLine(e.getMessage()) + " Nothing was written.", e);
    } catch (IOException e) {
      throw IoErrors.writeFailure(e, target);
    }
  }

  /**
   * Commits the sink with the metadata INCLUDE_METADATA asks for (none for a dataset directory): an
   * XLSX file's sheet is written before its commit; a CSV or JSON file's sidecar is staged first,
   * published just before the file, and deleted again if the file cannot be committed.
   */
  private static void commit(
      RowSink sink, FileSource source, CopyFileTo command, Options options, boolean metadata)
      throws IOException {
    if (!metadata || Formats.format(options, command.target()) == FileFormat.PARQUET) {
      sink.commit(); // a Parquet file holds the metadata in its footer (SinkFactory#withFooter)
    } else if (sink.addTextSheet(SourceMetadata.SHEET, SourceMetadata.rows(source))) {
      sink.commit();
    } else {
      Location sidecar = SourceMetadata.sidecar(TargetLocations.resolve(command.target(), options));
      try (StagedFile staged = sidecar.create()) {
        staged.stream().write(SourceMetadata.json(source).getBytes(StandardCharsets.UTF_8));
        staged.publish();
      }
      try {
        sink.commit();
      } catch (IOException | RuntimeException e) {
        try {
          sidecar.delete();
        } catch (IOException ignored) {
          // The commit's failure is what the user needs to hear about.
        }
        throw e;
      }
    }
  }

  private static String oneLine(String message) {
    String m =
        message == null ? "cannot convert the file" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
    return m.endsWith(".") ? m : m + ".";
  }
}
