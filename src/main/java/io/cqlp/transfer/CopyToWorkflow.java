package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import io.cqlp.command.CopyTo;
import io.cqlp.command.Options;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.checkpoint.ResumableExport;
import io.cqlp.transfer.dataset.PartitionedSink;
import io.cqlp.transfer.plan.ScanRange;
import io.cqlp.transfer.scan.RangeScanner;
import io.cqlp.transfer.scan.RowDecoder;
import io.cqlp.transfer.scan.ScanException;
import io.cqlp.transfer.scan.ScanFailureMessage;
import io.cqlp.transfer.scan.ScanPage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * COPY TO: scans a table by token range (or runs the user's SELECT) and streams the rows into a
 * file sink, or into a dataset directory ({@link PartitionedSink}: a target ending with {@code /}
 * or an existing directory, PARTITION, MAX_FILE_SIZE), which appears at its target only when
 * complete.
 *
 * <p>Plan, then execute: {@link ExportPlan} checks the options, looks up the table, plans the token
 * ranges ({@link io.cqlp.transfer.plan.TokenRangePlanner}) and prepares the scan statements before
 * the target is touched; then {@link RangeScanner} pages (bounded queue) → {@link RowSink} → commit
 * (rename into place) → {@link TransferSummary}.
 */
public final class CopyToWorkflow {

  private static final Set<String> OWN_OPTIONS =
      Set.of(
          "FORMAT",
          "COMPRESSION",
          "COMPRESSION_LEVEL",
          "CHUNKSIZE",
          "PAGESIZE",
          "MAXREQUESTS",
          "PARTITION",
          "MAX_FILE_SIZE",
          "MAX_OPEN_FILES",
          "OVERWRITE",
          "APPEND",
          "UUID_TYPE",
          "DECIMAL_TYPE",
          "TIME_UNIT",
          "JSON_ARRAY",
          "MAXATTEMPTS",
          "RESUME",
          CellTimes.WRITETIME,
          CellTimes.TTL,
          "VERIFY");

  /**
   * Every option COPY TO accepts: its own, the CSV ones ({@link
   * io.cqlp.format.csv.CsvOptions#COPY_TO}) and the Parquet writer's ({@link
   * io.cqlp.format.parquet.write.ParquetTuning#OPTION_NAMES}).
   */
  public static final Set<String> OPTIONS =
      Options.union(
          Options.union(
              Options.union(
                  Options.union(OWN_OPTIONS, io.cqlp.storage.s3.S3Settings.OPTIONS),
                  io.cqlp.format.csv.CsvOptions.COPY_TO),
              io.cqlp.format.parquet.write.ParquetTuning.OPTION_NAMES),
          CopyRunOptions.COPY_TO);

  /**
   * Default rows per driver page (PAGESIZE); DSBulk and the scans of docs/measurements.md use
   * 5,000.
   */
  public static final int DEFAULT_PAGE_SIZE = 5000;

  /** Default token-range scans in flight (MAXREQUESTS). */
  public static final int DEFAULT_MAX_REQUESTS = 6;

  private final CqlSession session;
  private final ConsistencyLevel consistency;
  private final SinkFactory sinks;
  private TransferProgress progress = TransferProgress.NONE;
  private final SourceFactory sources;
  private java.io.Writer stdout;
  private io.cqlp.transfer.scan.ScanStats scanStats = new io.cqlp.transfer.scan.ScanStats(null);

  /**
   * @param session the session to scan with
   * @param consistency consistency level of the scan queries (the shell's CONSISTENCY)
   * @param sinks opens the file sink for the target
   */
  public CopyToWorkflow(CqlSession session, ConsistencyLevel consistency, SinkFactory sinks) {
    this(session, consistency, sinks, null);
  }

  /**
   * @param session the session to scan with
   * @param consistency consistency level of the scan queries (the shell's CONSISTENCY)
   * @param sinks opens the file sink for the target
   * @param sources reads a checkpoint's part file back on RESUME; {@code null} refuses RESUME
   */
  public CopyToWorkflow(
      CqlSession session, ConsistencyLevel consistency, SinkFactory sinks, SourceFactory sources) {
    this.session = session;
    this.consistency = consistency;
    this.sinks = sinks;
    this.sources = sources;
  }

  /** Reports the rows exported so far to {@code listener} while {@link #run} runs; returns this. */
  public CopyToWorkflow progress(TransferProgress listener) {
    this.progress = listener;
    return this;
  }

  /**
   * Sets where {@code COPY ... TO STDOUT} writes.
   *
   * @param out the shell's output; flushed, never closed
   * @return this workflow
   */
  public CopyToWorkflow withStdout(java.io.Writer out) {
    this.stdout = out;
    return this;
  }

  /**
   * Logs the scan's choices (ranges and their replicas, the host of each range's pages, retries) to
   * {@code debug} as they happen ({@code --debug}).
   *
   * @param debug where the lines go; null logs nothing (the default)
   * @return this workflow
   */
  public CopyToWorkflow debug(java.util.function.Consumer<String> debug) {
    this.scanStats = new io.cqlp.transfer.scan.ScanStats(debug);
    return this;
  }

  /**
   * What the summary line adds about the last {@link #run}: the token ranges retried and the
   * requests per host, when the scan ran on more than one host or retried a range; else empty. See
   * {@link io.cqlp.transfer.scan.ScanStats#summary()}.
   */
  public String scanSummary() {
    return scanStats.summary();
  }

  /**
   * Runs the export.
   *
   * @param command the parsed COPY TO
   * @return rows and files written, and the elapsed time
   * @throws TransferException for an unknown table, column or option, a missing directory, or a
   *     failed scan or write; nothing is then left at the target
   * @throws InterruptedException if the shell thread is interrupted (Ctrl-C); nothing is left
   */
  @SuppressWarnings("try") // the interrupt hook is held for the scope, never referenced
  public TransferSummary run(CopyTo command) throws InterruptedException {
    long started = System.nanoTime();
    command.options().requireKnown(OPTIONS, "COPY TO");
    ExportPlan plan = ExportPlan.of(command, session, stdout != null, sources != null);
    try (InterruptOnExit exit = InterruptOnExit.install()) {
      return RateMeter.measure(progress, command.options(), meter -> execute(plan, meter, started));
    }
  }

  /**
   * Exports some of a planned export's token ranges into a dataset directory of their own: one task
   * of an export split over several processes ({@link io.cqlp.transfer.job.ExportJob}), which
   * publishes the directory whole when every range is written, or leaves nothing.
   *
   * @param plan the export, planned by {@link ExportPlan#of} in this process or another
   * @param ranges the ranges to scan, in token order; a subset of the plan's
   * @param directory the dataset directory to write; it must not exist yet, its parent must
   * @param options the options of the part files written (FORMAT, PARTITION, MAX_FILE_SIZE, the
   *     codec, ...)
   * @return rows, files, partitions and bytes written, and the elapsed time
   * @throws TransferException for a failed scan or write; nothing is then left at {@code directory}
   * @throws InterruptedException if the calling thread is interrupted; nothing is left
   */
  public TransferSummary exportRanges(
      ExportPlan plan, List<ScanRange> ranges, String directory, Options options)
      throws InterruptedException {
    long started = System.nanoTime();
    return scan(
        plan,
        ranges,
        null,
        () -> TargetLocations.open(sinks, directory, plan.schema(), options),
        progress,
        started);
  }

  /** Opens the sink of one export. */
  @FunctionalInterface
  private interface SinkOpener {
    RowSink open() throws IOException;
  }

  /** Executes the plan: all its ranges, or those its checkpoint has yet to scan. */
  private TransferSummary execute(ExportPlan plan, TransferProgress progress, long started)
      throws InterruptedException {
    ResumableExport resumable = plan.resumable() ? startCheckpoint(plan) : null;
    List<ScanRange> ranges = resumable == null ? plan.ranges() : resumable.ranges();
    return scan(plan, ranges, resumable, () -> openSink(plan, resumable), progress, started);
  }

  /** Scans the ranges into the sink and commits it; on a failure nothing stays at the target. */
  @SuppressWarnings("try") // the scanner is closed early on a failure, before the sink is kept
  private TransferSummary scan(
      ExportPlan plan,
      List<ScanRange> ranges,
      ResumableExport resumable,
      SinkOpener sinkOpener,
      TransferProgress progress,
      long started)
      throws InterruptedException {
    CopyTo command = plan.command();
    ExportSettings settings = plan.settings();
    RowDecoder decoder =
        new RowDecoder(
            plan.scanColumns(),
            session.getContext().getCodecRegistry(),
            session.getContext().getProtocolVersion());
    IntFunction<BoundStatement> statements =
        i -> {
          // Token-aware: routed to a replica of the range's end (the driver spreads requests over
          // the replicas); a read may be moved to another replica, from its paging state.
          BoundStatement s =
              plan.statement()
                  .apply(ranges.get(i))
                  .setPageSize(settings.pageSize())
                  .setConsistencyLevel(consistency)
                  .setRoutingToken(ranges.get(i).end())
                  .setIdempotent(true)
                  .setTimeout(settings.pageTimeout());
          return resumable == null || resumable.startState(i) == null
              ? s
              : s.setPagingState(resumable.startState(i));
        };
    int inFlight = settings.requestsInFlight();
    scanStats.plan(
        ranges,
        session.getMetadata().getTokenMap(),
        command.selectQuery() == null ? plan.schema().keyspace() : null);
    if (scanStats.debugging() && !ranges.isEmpty()) {
      scanStats.debug(
          "scans at once: "
              + inFlight
              + " (NUMPROCESSES × MAXREQUESTS); page timeout: "
              + settings.pageTimeout().toMillis() / 1000.0
              + " s");
    }
    boolean finished = false;
    // The scans start before the sink opens, so that the first pages are on their way while the
    // file, checkpoint directory or upload is created; a sink that fails to open stops them.
    try (RangeScanner scanner =
            new RangeScanner(session, statements, ranges.size(), inFlight, inFlight * 2, decoder)
                .retry(settings.retry())
                .stats(scanStats)
                .start();
        RowSink sink = sinkOpener.open()) {
      try {
        if (resumable != null) {
          resumable.copyEarlierRows(sink, sources);
        }
        ScanPage page;
        while ((page = scanner.nextPage()) != null) {
          for (Object[] row : page.rows()) {
            sink.write(plan.timesOf() == null ? row : CellTimes.collapse(plan.timesOf(), row));
          }
          if (resumable != null) {
            resumable.written(page);
          }
          progress.rowsDone(sink.rowsWritten());
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
      } catch (ScanException e) {
        scanner.close();
        finished = resumable != null;
        throw new TransferException(
            "COPY TO "
                + plan.schema().keyspace()
                + "."
                + plan.schema().table()
                + " failed: "
                + ScanFailureMessage.describe(e, ranges, this::formatToken).replaceAll("\\.$", "")
                + "."
                + (resumable == null ? " Nothing was written." : resumable.keep(sink)),
            e);
      } catch (InterruptedException e) {
        scanner.close();
        if (resumable == null) {
          throw e;
        }
        finished = true;
        throw new TransferException("Interrupted." + resumable.keep(sink));
      }
      sink.commit();
      if (resumable != null) {
        resumable.publish();
      }
      finished = true;
      return TransferSummary.exported(sink, Duration.ofNanos(System.nanoTime() - started));
    } catch (java.nio.channels.ClosedByInterruptException e) {
      // Ctrl-C while a row group was being written: the file channel closes itself.
      Thread.interrupted();
      throw new TransferException(
          "Interrupted while writing '" + plan.target() + "'; nothing was kept.", e);
    } catch (IOException e) {
      throw IoErrors.writeFailure(e, plan.target());
    } finally {
      if (resumable != null && !finished) {
        resumable.discard();
      }
    }
  }

  /** The sink of the plan's target: STDOUT, the checkpoint's part file, or the target. */
  private RowSink openSink(ExportPlan plan, ResumableExport resumable) throws IOException {
    CopyTo command = plan.command();
    return command.stdout()
        ? sinks.openStdout(stdout, plan.schema(), command.options())
        : TargetLocations.open(
            sinks,
            resumable == null ? command.target() : resumable.partFile().toString(),
            plan.schema(),
            command.options());
  }

  /** Starts or picks up (RESUME=true) the checkpoint of a resumable export. */
  private ResumableExport startCheckpoint(ExportPlan plan) {
    CopyTo command = plan.command();
    try {
      return ResumableExport.start(
          Path.of(command.target()),
          plan.schema(),
          command.where(),
          command.options(),
          session.getMetadata().getTokenMap(),
          plan.ranges(),
          plan.settings().resume());
    } catch (IOException e) {
      throw new TransferException(
          "Cannot write '" + command.target() + "': " + IoErrors.describe(e) + ".", e);
    }
  }

  private String formatToken(Token token) {
    return session
        .getMetadata()
        .getTokenMap()
        .map(m -> m.format(token))
        .orElse(String.valueOf(token));
  }
}
