package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.Options;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.dataset.DatasetSource;
import io.cqlp.transfer.load.AsyncLoader;
import io.cqlp.transfer.load.ErrorBudget;
import io.cqlp.transfer.load.ErrorFile;
import io.cqlp.transfer.load.ImportErrors;
import io.cqlp.transfer.load.IngestRate;
import io.cqlp.transfer.load.PartitionBatcher;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * COPY FROM: reads a file or a dataset directory ({@link DatasetSource}: a source ending with
 * {@code /}, a directory or a glob), converts each value to its column's CQL type, and writes the
 * rows with prepared INSERTs, asynchronously, with a bound on requests in flight.
 *
 * <p>Plan, then execute: {@link ImportPlan} checks the options ({@link ImportSettings}), looks up
 * the table and resolves the input before anything is written or sent; then the source is opened,
 * {@link ImportWrites} prepares the statements ({@link io.cqlp.transfer.load.InsertStatements}),
 * and a short loop hands each row's writes to the {@link PartitionBatcher}.
 *
 * <p>A NULL value is left unset in the INSERT (as DSBulk does by default), so an import writes no
 * tombstones; the row reads back with that column NULL all the same.
 */
public final class CopyFromWorkflow {

  private static final Set<String> OWN_OPTIONS =
      Set.of(
          "FORMAT",
          "MAXREQUESTS",
          "MAXATTEMPTS",
          "SKIPROWS",
          "MAXROWS",
          "MAXBATCHSIZE",
          "CHUNKSIZE",
          "PARTITION_FILTER",
          "INGESTRATE",
          "IGNORE_UNKNOWN_KEYS",
          "MAXPARSEERRORS",
          "MAXINSERTERRORS",
          "ERRFILE",
          io.cqlp.format.PrecisionLoss.OPTION,
          CellTimes.WRITETIME);

  /**
   * Every option COPY FROM accepts: its own and the CSV ones ({@link
   * io.cqlp.format.csv.CsvOptions#COPY_FROM}).
   */
  public static final Set<String> OPTIONS =
      Options.union(
          Options.union(
              Options.union(OWN_OPTIONS, io.cqlp.storage.s3.S3Settings.OPTIONS),
              io.cqlp.format.csv.CsvOptions.COPY_FROM),
          CopyRunOptions.COMMON);

  /**
   * Default rows per second at most (INGESTRATE): no limit, as DSBulk's default ({@code
   * executor.maxPerSecond = -1}); the writes in flight (MAXREQUESTS) bound the load on the cluster.
   * cqlsh's default, 100,000, held 3,000,000-row imports by origin at 99K rows/s on one node where
   * they ran at 127-133K without it (bench/run's write ceiling there: 134K).
   */
  public static final long DEFAULT_INGEST_RATE = Long.MAX_VALUE;

  /**
   * Default MINBATCHSIZE, cqlsh's: partitions with this many rows or fewer in a CHUNKSIZE window
   * are pooled by replica into batches of several partitions, at most {@link
   * PartitionBatcher#MAX_POOLED_PARTITIONS} a batch (see {@link PartitionBatcher}). Lowered to
   * MAXBATCHSIZE when that is smaller.
   */
  public static final int DEFAULT_MIN_BATCH_SIZE = 10;

  /**
   * Default rows per UNLOGGED batch of one partition (MAXBATCHSIZE): 100, where cqlsh's is 20. A
   * batch also stops at 4 KiB of values ({@code MAX_BATCH_BYTES}), under Cassandra's batch size
   * warning. 300,000-row imports by origin ran 1.5 times as fast with 100 as with 20 on one node
   * (alternating runs), and bench's bare write was fastest with batches of 100.
   */
  public static final int DEFAULT_MAX_BATCH_SIZE = 100;

  /** Bytes of values per batch at most: under Cassandra's 5 KiB batch size warning. */
  static final int MAX_BATCH_BYTES = 4 * 1024;

  /**
   * Default CHUNKSIZE: rows read ahead and grouped by partition key into batches, cqlsh's default
   * chunk of 5,000 rows.
   */
  public static final int DEFAULT_CHUNK_SIZE = 5000;

  /**
   * Default writes in flight (MAXREQUESTS). 256 against 64 made 300,000-row imports 20-40% faster
   * on one node on both table shapes of bench/run (single-row partitions, and batches of one
   * partition's rows); BareWrite found 512 no faster than 256.
   */
  public static final int DEFAULT_MAX_REQUESTS = 256;

  /** Default tries per write (MAXATTEMPTS), cqlsh's default. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  private final CqlSession session;
  private final ConsistencyLevel consistency;
  private final SourceFactory sources;
  private TransferProgress progress = TransferProgress.NONE;
  private final Consumer<String> errorLines;
  private java.util.function.Supplier<java.io.Reader> stdin;

  /**
   * @param session the session to write with
   * @param consistency consistency level of the writes (the shell's CONSISTENCY)
   * @param sources opens the file source
   */
  public CopyFromWorkflow(CqlSession session, ConsistencyLevel consistency, SourceFactory sources) {
    this(session, consistency, sources, System.err::println);
  }

  /**
   * @param session the session to write with
   * @param consistency consistency level of the writes (the shell's CONSISTENCY)
   * @param sources opens the file source
   * @param errorLines receives the one-line reason of each failed row and the closing line about
   *     the ERRFILE (standard error); called from several threads
   */
  public CopyFromWorkflow(
      CqlSession session,
      ConsistencyLevel consistency,
      SourceFactory sources,
      Consumer<String> errorLines) {
    this.session = session;
    this.consistency = consistency;
    this.sources = sources;
    this.errorLines = errorLines;
  }

  /**
   * Reports the rows read for import so far to {@code listener} while {@link #run} runs; returns
   * this.
   */
  public CopyFromWorkflow progress(TransferProgress listener) {
    this.progress = listener;
    return this;
  }

  /**
   * Sets what {@code COPY ... FROM STDIN} reads.
   *
   * @param stdin opens the CSV text of STDIN (called once per COPY FROM STDIN)
   * @return this workflow
   */
  public CopyFromWorkflow withStdin(java.util.function.Supplier<java.io.Reader> stdin) {
    this.stdin = stdin;
    return this;
  }

  /**
   * Runs the import.
   *
   * @param command the parsed COPY FROM
   *     <p>A row whose value does not convert (parse error) or whose write fails for good (insert
   *     error, after MAXATTEMPTS for a retryable error) is written to the ERRFILE and the import
   *     goes on, until MAXPARSEERRORS or MAXINSERTERRORS is exceeded ({@link ErrorBudget}, cqlsh's
   *     rules and defaults). Then the import stops: the rows read but not sent, and the rest of the
   *     input, go to the ERRFILE too, so that it holds every row not imported and importing it
   *     finishes the job.
   * @return rows imported, files read, rows skipped, failed rows, elapsed time
   * @throws TransferException for an unknown table, column or option, an unreadable file, a file
   *     whose columns cannot convert at all, or an exceeded error maximum: the message has cqlsh's
   *     words, the counts and how to resume
   * @throws InterruptedException if the shell thread is interrupted (Ctrl-C)
   */
  public TransferSummary run(CopyFrom command) throws InterruptedException {
    long started = System.nanoTime();
    command.options().requireKnown(OPTIONS, "COPY FROM");
    ImportPlan plan = ImportPlan.of(command, session, stdin != null);
    return RateMeter.measure(
        progress, command.options(), meter -> execute(plan, meter, started, true).summary());
  }

  /**
   * Imports one task's share of a distributed import ({@link io.cqlp.transfer.job.ImportJob}): the
   * plan's files, rejected rows to the plan's ERRFILE. An exceeded MAXPARSEERRORS or
   * MAXINSERTERRORS stops the task as it stops the shell's import (the rest of its files go to its
   * ERRFILE), but is reported in the result rather than thrown, and no closing line about the
   * task's ERRFILE is printed: the job sums the tasks' counts and speaks of its own ERRFILE.
   *
   * @param plan the task's plan ({@link ImportPlan#part})
   * @return the task's counts
   * @throws TransferException for an unreadable file, or a file whose columns cannot convert
   * @throws InterruptedException if the thread is interrupted
   */
  public PartResult importPart(ImportPlan plan) throws InterruptedException {
    return execute(plan, progress, System.nanoTime(), false);
  }

  /**
   * What one task of a distributed import did.
   *
   * @param summary rows imported, files, bytes, skipped rows and failed rows
   * @param errRows rows written to the task's ERRFILE
   * @param notAttempted of those, rows never sent (after an exceeded error budget)
   */
  public record PartResult(TransferSummary summary, long errRows, long notAttempted) {}

  /** Reads the rows, sends their writes and sums up. */
  private PartResult execute(
      ImportPlan plan, TransferProgress progress, long started, boolean failWhenExceeded)
      throws InterruptedException {
    ImportSettings settings = plan.settings();
    try (RowSource source = plan.open(sources, stdin)) {
      List<ColumnSpec> columns = source.columns();
      FileSources.requireKeyColumns(plan.schema(), columns, plan.file());
      ImportWrites writes =
          ImportWrites.prepare(plan, columns, plan.appliesTimes(source), session, consistency);
      ErrorBudget budget = new ErrorBudget(settings.maxParseErrors(), settings.maxInsertErrors());
      ErrorFile errFile =
          new ErrorFile(plan.errFile(), columns.stream().map(ColumnSpec::name).toList());
      ImportErrors errors = new ImportErrors(budget, errFile, errorLines);
      AsyncLoader loader =
          new AsyncLoader(session, settings.requestsInFlight(), settings.maxAttempts(), errors);
      PartitionBatcher batcher =
          new PartitionBatcher(
              loader,
              writes.counters() ? 1 : settings.maxBatchSize(),
              MAX_BATCH_BYTES,
              settings.chunkSize(),
              consistency,
              settings.minBatchSize(),
              replicas(plan.schema().keyspace()));
      try (errFile) {
        Counts counts = send(source, writes, batcher, loader, errors, settings, progress);
        TransferSummary summary =
            finish(plan, source, batcher, loader, errors, counts, started, failWhenExceeded);
        return new PartResult(summary, errors.file().rows(), errors.notAttempted());
      }
    } catch (IOException | UncheckedIOException e) {
      throw new TransferException(e.getMessage(), e);
    } catch (ConversionException e) {
      throw new TransferException(e.getMessage(), e);
    }
  }

  /** Rows taken from the source (sent or rejected), skipped, and writes beyond rows' first. */
  private record Counts(long taken, long skipped, long extraWrites) {}

  /**
   * The execute loop: reads rows until the end, MAXROWS or an exceeded error budget, and hands each
   * row's writes to the batcher at no more than INGESTRATE rows a second.
   */
  private static Counts send(
      RowSource source,
      ImportWrites writes,
      PartitionBatcher batcher,
      AsyncLoader loader,
      ImportErrors errors,
      ImportSettings settings,
      TransferProgress progress)
      throws IOException, InterruptedException {
    ErrorBudget budget = errors.budget();
    IngestRate rate = new IngestRate(settings.ingestRate());
    long taken = 0;
    long skipped = 0;
    long extraWrites = 0;
    while (settings.maxRows() < 0 || taken < settings.maxRows()) {
      Object[] row;
      try {
        row = source.next();
      } catch (ConversionException e) {
        String record = source.lastRecord();
        if (record == null && e.values() == null) {
          batcher.flush();
          long rows = loader.finish() - extraWrites;
          throw new TransferException(
              e.getMessage() + " (" + rows + " rows were imported before it)", e);
        }
        if (skipped < settings.skipRows()) {
          skipped++;
          continue;
        }
        taken++;
        errors.parseError(e, record);
        if (budget.exceeded()) {
          break;
        }
        continue;
      }
      if (row == null) {
        break;
      }
      if (skipped < settings.skipRows()) {
        skipped++;
        continue;
      }
      rate.acquire();
      extraWrites += writes.add(row, source.lastRecord(), batcher);
      taken++;
      progress.rowsDone(taken);
      if (budget.exceeded()) {
        break;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    return new Counts(taken, skipped, extraWrites);
  }

  /**
   * Waits for the writes in flight and sums up; after an exceeded error budget, the rows not sent
   * and the rest of the input go to the ERRFILE and the import fails with cqlsh's words.
   */
  private TransferSummary finish(
      ImportPlan plan,
      RowSource source,
      PartitionBatcher batcher,
      AsyncLoader loader,
      ImportErrors errors,
      Counts counts,
      long started,
      boolean failWhenExceeded)
      throws IOException, InterruptedException {
    ErrorBudget budget = errors.budget();
    if (!budget.exceeded()) {
      batcher.flush();
    } else {
      loader.stop();
      batcher.discard(r -> errors.notAttempted(r.values(), r.record()));
    }
    long rows = loader.finish() - counts.extraWrites();
    long maxRows = plan.settings().maxRows();
    if (budget.exceeded()) {
      loader.stop();
      ImportStop.keepRest(source, errors, maxRows < 0 ? -1 : maxRows - counts.taken());
    }
    TransferSummary summary =
        new TransferSummary(
            rows,
            source.filesRead(),
            counts.skipped(),
            Duration.ofNanos(System.nanoTime() - started),
            source.partitionsRead(),
            plan.bytesRead(source),
            budget.parseErrors(),
            budget.insertErrors());
    if (budget.exceeded() && failWhenExceeded) {
      throw new TransferException(
          ImportStop.message(budget, summary, errors, plan.command(), plan.schema()));
    }
    long failed = errors.file().rows();
    if (failed > 0 && failWhenExceeded) {
      // (a distributed import's job says it once, of the ERRFILE it gathers)
      errorLines.accept(
          "Failed to process " + failed + " rows; failed rows written to " + plan.errFile());
    }
    return summary;
  }

  /**
   * Gives, when called, the lookup of a partition key's first replica in the driver's current token
   * map; the lookup answers null for every key when the map is not known (MINBATCHSIZE then leaves
   * batches to one partition).
   */
  private Supplier<Function<ByteBuffer, Object>> replicas(String keyspace) {
    CqlIdentifier id = CqlIdentifier.fromInternal(keyspace);
    return () ->
        session
            .getMetadata()
            .getTokenMap()
            .<Function<ByteBuffer, Object>>map(map -> key -> firstOf(map.getReplicas(id, key)))
            .orElse(key -> null);
  }

  private static Object firstOf(Set<?> replicas) {
    java.util.Iterator<?> first = replicas.iterator();
    return first.hasNext() ? first.next() : null;
  }
}
