package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import io.cqlp.command.CopyTo;
import io.cqlp.command.Options;
import io.cqlp.format.FileFormat;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.checkpoint.ResumableExport;
import io.cqlp.transfer.dataset.DatasetWriteOptions;
import io.cqlp.transfer.dataset.PartitionedSink;
import io.cqlp.transfer.plan.ScanRange;
import io.cqlp.transfer.plan.TokenRangePlanner;
import io.cqlp.transfer.scan.RangeRetry;
import io.cqlp.transfer.scan.RangeScanner;
import io.cqlp.transfer.scan.RowDecoder;
import io.cqlp.transfer.scan.ScanException;
import io.cqlp.transfer.scan.ScanFailureMessage;
import io.cqlp.transfer.scan.ScanPage;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * COPY TO: scans a table by token range (or runs the user's SELECT) and streams the rows into a
 * file sink, or into a dataset directory ({@link PartitionedSink}: a target ending with {@code /}
 * or an existing directory, PARTITION, MAX_FILE_SIZE), which appears at its target only when
 * complete.
 *
 * <p>Data flow: table metadata → {@link TokenRangePlanner} ranges → {@link RangeScanner} pages
 * (bounded queue) → {@link RowSink} → commit (rename into place) → {@link TransferSummary}.
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
    command.options().requireKnown(OPTIONS, "COPY TO");
    try (InterruptOnExit exit = InterruptOnExit.install()) {
      return RateMeter.measure(progress, command.options(), meter -> export(command, meter));
    }
  }

  @SuppressWarnings("try") // the scanner is closed early on a failure, before the sink is kept
  private TransferSummary export(CopyTo command, TransferProgress progress)
      throws InterruptedException {
    long started = System.nanoTime();
    Options options = command.options();
    options.requireKnown(OPTIONS, "COPY TO");
    int pageSize = options.getInt("PAGESIZE", DEFAULT_PAGE_SIZE);
    int maxRequests = options.getInt("MAXREQUESTS", DEFAULT_MAX_REQUESTS);
    if (pageSize < 1 || maxRequests < 1) {
      throw new TransferException("PAGESIZE and MAXREQUESTS must be at least 1.");
    }
    RangeRetry retry = retryOf(options);
    int inFlight = CopyRunOptions.requestsInFlight(options, maxRequests);
    Duration pageTimeout =
        CopyRunOptions.pageTimeout(
            options,
            pageSize,
            session
                .getContext()
                .getConfig()
                .getDefaultProfile()
                .getDuration(
                    com.datastax.oss.driver.api.core.config.DefaultDriverOption.REQUEST_TIMEOUT,
                    null));
    ScanPlan plan =
        command.selectQuery() != null ? forSelect(command) : forTable(command, inFlight);
    Location target =
        command.stdout()
            ? Location.local(Path.of("STDOUT"))
            : TargetLocations.resolve(command.target(), options);
    if (command.stdout() && stdout == null) {
      throw new TransferException("COPY TO STDOUT has no standard output here.");
    }
    RowDecoder decoder =
        new RowDecoder(
            plan.scanColumns(),
            session.getContext().getCodecRegistry(),
            session.getContext().getProtocolVersion());
    boolean dataset;
    try {
      dataset =
          !command.stdout() && DatasetWriteOptions.isDataset(target, command.target(), options);
    } catch (IOException e) {
      throw new TransferException("Cannot write '" + target + "': " + e.getMessage() + ".", e);
    }
    ResumableExport resumable = resumable(command, plan, dataset, target);
    List<ScanRange> ranges = resumable == null ? plan.ranges : resumable.ranges();
    IntFunction<BoundStatement> statements =
        i -> {
          // Token-aware: routed to a replica of the range's end (the driver spreads requests over
          // the replicas); a read may be moved to another replica, from its paging state.
          BoundStatement s =
              plan.statement
                  .apply(ranges.get(i))
                  .setPageSize(pageSize)
                  .setConsistencyLevel(consistency)
                  .setRoutingToken(ranges.get(i).end())
                  .setIdempotent(true)
                  .setTimeout(pageTimeout);
          return resumable == null || resumable.startState(i) == null
              ? s
              : s.setPagingState(resumable.startState(i));
        };
    if (!dataset && options.getBoolean("APPEND", false)) {
      throw new TransferException(
          "APPEND adds files to a dataset directory; end the target with '/' (e.g. '"
              + target
              + "/').");
    }
    boolean finished = false;
    try (RowSink sink =
            command.stdout()
                ? sinks.openStdout(stdout, plan.schema, options)
                : TargetLocations.open(
                    sinks,
                    resumable == null ? command.target() : resumable.partFile().toString(),
                    plan.schema,
                    options);
        RangeScanner scanner =
            new RangeScanner(session, statements, ranges.size(), inFlight, inFlight * 2, decoder)) {
      scanStats.plan(
          ranges,
          session.getMetadata().getTokenMap(),
          command.selectQuery() == null ? plan.schema.keyspace() : null);
      if (scanStats.debugging() && !ranges.isEmpty()) {
        scanStats.debug(
            "scans at once: "
                + inFlight
                + " (NUMPROCESSES × MAXREQUESTS); page timeout: "
                + statements.apply(0).getTimeout().toMillis() / 1000.0
                + " s");
      }
      scanner.retry(retry).stats(scanStats).start();
      try {
        if (resumable != null) {
          resumable.copyEarlierRows(sink, sources);
        }
        ScanPage page;
        while ((page = scanner.nextPage()) != null) {
          for (Object[] row : page.rows()) {
            sink.write(plan.timesOf == null ? row : CellTimes.collapse(plan.timesOf, row));
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
                + plan.schema.keyspace()
                + "."
                + plan.schema.table()
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
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      return TransferSummary.exported(sink, elapsed);
    } catch (java.nio.channels.ClosedByInterruptException e) {
      // Ctrl-C while a row group was being written: the file channel closes itself.
      Thread.interrupted();
      throw new TransferException(
          "Interrupted while writing '" + target + "'; nothing was kept.", e);
    } catch (IOException e) {
      throw IoErrors.writeFailure(e, target);
    } finally {
      if (resumable != null && !finished) {
        resumable.discard();
      }
    }
  }

  /**
   * The token ranges a table scan with {@code maxRequests} scans in flight uses: about 64, or 8 per
   * scan in flight if more, so that a slow range does not leave the others idle at the end; ranges
   * of the same replicas are merged first (see {@link TokenRangePlanner}).
   *
   * @param tokenMap the driver's token map, or empty (one full scan then)
   * @param keyspace the table's keyspace (its replication decides the replicas)
   * @param maxRequests scans in flight, {@code >= 1}
   * @return the ranges, in token order; never empty
   */
  public static List<ScanRange> planRanges(
      Optional<TokenMap> tokenMap, String keyspace, int maxRequests) {
    return planRanges(tokenMap, keyspace, maxRequests, io.cqlp.transfer.plan.TokenBounds.ALL);
  }

  /**
   * The token ranges of a table scan within BEGINTOKEN and ENDTOKEN: as {@link
   * #planRanges(Optional, String, int)}, about as many within the bounds, cut to them.
   *
   * @param bounds the part of the ring to scan
   * @return the ranges, in token order; never empty
   */
  public static List<ScanRange> planRanges(
      Optional<TokenMap> tokenMap,
      String keyspace,
      int maxRequests,
      io.cqlp.transfer.plan.TokenBounds bounds) {
    return bounds.clip(
        TokenRangePlanner.plan(
            tokenMap,
            CqlIdentifier.fromInternal(keyspace),
            bounds.rangesToPlan(Math.max(64, maxRequests * 8))));
  }

  private static RangeRetry retryOf(Options options) {
    int attempts = options.getInt("MAXATTEMPTS", RangeRetry.DEFAULT_MAX_ATTEMPTS);
    if (attempts < 1) {
      throw new TransferException("MAXATTEMPTS must be at least 1.");
    }
    return RangeRetry.of(attempts);
  }

  /**
   * A single-file Parquet export of a table goes through a checkpoint directory, so that a failed
   * or interrupted export can be resumed (RESUME=true); datasets, queries, STDOUT and the text
   * formats cannot (a CSV file may be split by MAXOUTPUTSIZE, and XLSX is not read back).
   */
  private ResumableExport resumable(
      CopyTo command, ScanPlan plan, boolean dataset, Location target) {
    boolean resume = command.options().getBoolean("RESUME", false);
    if (!command.stdout() && !target.isLocal()) {
      if (resume) {
        throw new TransferException(
            "RESUME works for a local Parquet file; an export to "
                + target
                + " is whole or nothing: run it again.");
      }
      return null;
    }
    if (dataset || command.isQuery() || command.stdout() || sources == null || !parquet(command)) {
      if (resume) {
        throw new TransferException(
            "RESUME works for a COPY TO of a table into one Parquet file;"
                + " this export cannot be resumed.");
      }
      return null;
    }
    try {
      return ResumableExport.start(
          Path.of(command.target()),
          plan.schema,
          command.where(),
          command.options(),
          session.getMetadata().getTokenMap(),
          plan.ranges,
          resume);
    } catch (IOException e) {
      throw new TransferException(
          "Cannot write '" + command.target() + "': " + IoErrors.describe(e) + ".", e);
    }
  }

  private static boolean parquet(CopyTo command) {
    try {
      return FileFormat.of(command.options().getString("FORMAT", null), command.target())
          == FileFormat.PARQUET;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private String formatToken(Token token) {
    return session
        .getMetadata()
        .getTokenMap()
        .map(m -> m.format(token))
        .orElse(String.valueOf(token));
  }

  /**
   * The scan statements and the schema of the rows written.
   *
   * @param timesOf the table's columns when the scan selects their write times and TTLs (rows then
   *     go through {@link CellTimes#collapse}), else null
   */
  private record ScanPlan(
      TableSchema schema,
      Function<ScanRange, BoundStatement> statement,
      List<ScanRange> ranges,
      List<ColumnSpec> timesOf) {
    ScanPlan(
        TableSchema schema, Function<ScanRange, BoundStatement> statement, List<ScanRange> ranges) {
      this(schema, statement, ranges, null);
    }

    /** The columns the scan returns. */
    List<ColumnSpec> scanColumns() {
      return timesOf == null ? schema.columns() : CellTimes.scanColumns(timesOf);
    }
  }

  private ScanPlan forTable(CopyTo command, int maxRequests) {
    TableSchema schema =
        TableLookup.resolve(
            session, command.table().keyspace(), command.table().table(), command.columns());
    String token =
        "token("
            + schema.partitionKey().stream()
                .map(TableSchema::quote)
                .collect(Collectors.joining(", "))
            + ")";
    boolean times = CellTimes.requested(command.options());
    String select =
        "SELECT "
            + (times ? CellTimes.selectList(schema.columns()) : schema.columnList())
            + " FROM "
            + schema.qualifiedName();
    List<ColumnSpec> timesOf = times ? schema.columns() : null;
    if (times) {
      schema =
          new TableSchema(
              schema.keyspace(),
              schema.table(),
              CellTimes.exportColumns(schema.columns()),
              schema.partitionKey(),
              schema.clusteringNeverNull());
    }
    String extra = io.cqlp.transfer.scan.ScanFilter.andCondition(command.where());
    String where = io.cqlp.transfer.scan.ScanFilter.whereClause(command.where());
    List<ScanRange> ranges =
        planRanges(
            session.getMetadata().getTokenMap(),
            schema.keyspace(),
            maxRequests,
            io.cqlp.transfer.plan.TokenBounds.of(
                command.options(), session.getMetadata().getTokenMap()));
    String both = select + " WHERE " + token + " > ? AND " + token + " <= ?" + extra;
    String from = select + " WHERE " + token + " > ?" + extra;
    String to = select + " WHERE " + token + " <= ?" + extra;
    Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();
    Function<ScanRange, BoundStatement> statements =
        r -> {
          if (r.start() != null && r.end() != null) {
            return prepared
                .computeIfAbsent(both, session::prepare)
                .bind()
                .setToken(0, r.start())
                .setToken(1, r.end());
          } else if (r.start() != null) {
            return prepared.computeIfAbsent(from, session::prepare).bind().setToken(0, r.start());
          } else if (r.end() != null) {
            return prepared.computeIfAbsent(to, session::prepare).bind().setToken(0, r.end());
          }
          return prepared.computeIfAbsent(select + where, session::prepare).bind();
        };
    // Prepared up front, so a bad WHERE fails before the target file is created.
    statements.apply(ranges.get(0));
    return new ScanPlan(schema, statements, ranges, timesOf);
  }

  private ScanPlan forSelect(CopyTo command) {
    if (CellTimes.requested(command.options())) {
      throw new TransferException(
          "WRITETIME and TTL apply to a table's export; in COPY (SELECT ...) TO,"
              + " select WRITETIME(c) and TTL(c) in the query.");
    }
    if (!io.cqlp.transfer.plan.TokenBounds.of(
            command.options(), session.getMetadata().getTokenMap())
        .isAll()) {
      throw new TransferException(
          "BEGINTOKEN and ENDTOKEN bound a table's token ranges; in COPY (SELECT ...) TO,"
              + " put token(...) > ... AND token(...) <= ... in the query.");
    }
    PreparedStatement query = session.prepare(command.selectQuery());
    List<ColumnSpec> columns = new ArrayList<>();
    String keyspace = "";
    String table = "";
    for (ColumnDefinition column : query.getResultSetDefinitions()) {
      columns.add(
          new ColumnSpec(column.getName().asInternal(), column.getType(), ColumnKind.REGULAR));
      keyspace = column.getKeyspace().asInternal();
      table = column.getTable().asInternal();
    }
    if (columns.isEmpty()) {
      throw new TransferException("COPY (query) TO needs a SELECT that returns columns.");
    }
    TableSchema schema = new TableSchema(keyspace, table, List.copyOf(columns), List.of());
    return new ScanPlan(schema, r -> query.bind(), List.of(ScanRange.all()));
  }
}
