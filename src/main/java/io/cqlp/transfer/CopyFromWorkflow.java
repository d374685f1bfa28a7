package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.Options;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.dataset.DatasetSource;
import io.cqlp.transfer.load.AsyncLoader;
import io.cqlp.transfer.load.ErrorBudget;
import io.cqlp.transfer.load.ErrorFile;
import io.cqlp.transfer.load.ImportErrors;
import io.cqlp.transfer.load.IngestRate;
import io.cqlp.transfer.load.LiteralWrite;
import io.cqlp.transfer.load.LoadRow;
import io.cqlp.transfer.load.PartitionBatcher;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * COPY FROM: reads a file or a dataset directory ({@link DatasetSource}: a source ending with
 * {@code /}, a directory or a glob), converts each value to its column's CQL type, and writes the
 * rows with prepared INSERTs, asynchronously, with a bound on requests in flight.
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

  /** Default rows per second at most (INGESTRATE), cqlsh's default. */
  public static final int DEFAULT_INGEST_RATE = 100_000;

  /**
   * cqlsh's default MINBATCHSIZE, used only to check MAXBATCHSIZE against it. cqlp applies
   * MINBATCHSIZE only when it is given (pooling small partitions by replica, see {@link
   * PartitionBatcher}); without it each batch holds one partition's rows.
   */
  public static final int DEFAULT_MIN_BATCH_SIZE = 10;

  /** Default rows per UNLOGGED batch of one partition (MAXBATCHSIZE), cqlsh's default. */
  public static final int DEFAULT_MAX_BATCH_SIZE = 20;

  /** Bytes of values per batch at most: under Cassandra's 5 KiB batch size warning. */
  static final int MAX_BATCH_BYTES = 4 * 1024;

  /**
   * Default CHUNKSIZE: rows read ahead and grouped by partition key into batches, cqlsh's default
   * chunk of 5,000 rows.
   */
  public static final int DEFAULT_CHUNK_SIZE = 5000;

  /** Default writes in flight (MAXREQUESTS). */
  public static final int DEFAULT_MAX_REQUESTS = 64;

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
    command.options().requireKnown(OPTIONS, "COPY FROM");
    return RateMeter.measure(progress, command.options(), meter -> load(command, meter));
  }

  private TransferSummary load(CopyFrom command, TransferProgress progress)
      throws InterruptedException {
    long started = System.nanoTime();
    Options options = command.options();
    options.requireKnown(OPTIONS, "COPY FROM");
    int maxRequests = options.getInt("MAXREQUESTS", DEFAULT_MAX_REQUESTS);
    int maxAttempts = options.getInt("MAXATTEMPTS", DEFAULT_MAX_ATTEMPTS);
    long skipRows = options.getRowCount("SKIPROWS", 0);
    long maxRows = options.getRowCount("MAXROWS", -1);
    int maxBatchSize = options.getInt("MAXBATCHSIZE", DEFAULT_MAX_BATCH_SIZE);
    long chunkSize = options.getRowCount("CHUNKSIZE", DEFAULT_CHUNK_SIZE);
    if (maxRequests < 1
        || maxAttempts < 1
        || maxBatchSize < 1
        || chunkSize < 1
        || chunkSize > 1_000_000) {
      throw new TransferException(
          "MAXREQUESTS, MAXATTEMPTS and MAXBATCHSIZE must be at least 1, CHUNKSIZE from 1 to 1M.");
    }
    boolean forced = CellTimes.requested(options);
    long ttl = CellTimes.flag(options, CellTimes.TTL) ? -1 : options.getLong("TTL", -1);
    long ingestRate = options.getRowCount("INGESTRATE", DEFAULT_INGEST_RATE);
    int minBatchSize =
        options.getInt("MINBATCHSIZE", Math.min(DEFAULT_MIN_BATCH_SIZE, maxBatchSize));
    if (ingestRate < 1) {
      throw new TransferException("INGESTRATE is rows per second and must be at least 1.");
    }
    if (minBatchSize < 1 || minBatchSize > maxBatchSize) {
      throw new TransferException(
          "MINBATCHSIZE must be from 1 to MAXBATCHSIZE (" + maxBatchSize + ").");
    }
    if (command.stdin() && stdin == null) {
      throw new TransferException("COPY FROM STDIN has no standard input here.");
    }
    IngestRate rate = new IngestRate(ingestRate);
    TableSchema table =
        TableLookup.resolve(
            session, command.table().keyspace(), command.table().table(), command.columns());
    FileSources input = command.stdin() ? null : FileSources.of(command.source(), options);
    Location file = command.stdin() ? Location.local(Path.of("STDIN")) : input.location();
    // Time columns are looked for by name unless forced: so that they are applied, or with
    // WRITETIME=false knowingly left out.
    boolean detect =
        !forced
            && CellTimes.mayHoldTimes(command.stdin() ? "STDIN" : command.source(), input, options);
    TableSchema schema =
        !forced && !detect
            ? table
            : new TableSchema(
                table.keyspace(),
                table.table(),
                CellTimes.importColumns(table.columns()),
                table.partitionKey(),
                table.clusteringNeverNull());
    long maxParseErrors = options.getLong("MAXPARSEERRORS", ErrorBudget.DEFAULT_MAX_PARSE_ERRORS);
    long maxInsertErrors =
        options.getLong("MAXINSERTERRORS", ErrorBudget.DEFAULT_MAX_INSERT_ERRORS);
    Location errPath =
        TargetLocations.resolve(
            options.getString(
                "ERRFILE", ErrorFile.defaultPath(schema.keyspace(), schema.table()).toString()),
            options);
    ErrorBudget budget = new ErrorBudget(maxParseErrors, maxInsertErrors);
    long skipped = 0;
    boolean explicit = !command.columns().isEmpty();
    try (RowSource source =
        command.stdin()
            ? sources.openStdin(stdin.get(), schema, options)
            : input.open(schema, explicit, options, sources)) {
      List<ColumnSpec> columns = source.columns();
      FileSources.requireKeyColumns(schema, columns, file);
      boolean times =
          forced
              || (detect
                  && !CellTimes.refused(options)
                  && columns.stream().anyMatch(CellTimes::isTimeColumn));
      if (forced && columns.stream().noneMatch(CellTimes::isTimeColumn)) {
        throw new TransferException(
            "WRITETIME=true, but "
                + file
                + " has no writetime(c) or ttl(c) column;"
                + " export with WITH WRITETIME=true AND TTL=true, or drop the option.");
      }
      ErrorFile errFile = new ErrorFile(errPath, columns.stream().map(ColumnSpec::name).toList());
      ImportErrors errors = new ImportErrors(budget, errFile, errorLines);
      AsyncLoader loader =
          new AsyncLoader(
              session, CopyRunOptions.requestsInFlight(options, maxRequests), maxAttempts, errors);
      boolean counters = columns.stream().anyMatch(c -> c.type() == DataTypes.COUNTER);
      if (counters && ttl > 0) {
        throw new TransferException("TTL cannot be set on counter columns; drop the TTL option.");
      }
      String usingTtl = ttl > 0 ? " USING TTL " + ttl : "";
      CellTimes cellTimes = times ? CellTimes.forRows(columns) : null;
      // Writes beyond a row's first (cells with different write times): not rows of their own.
      long extraWrites = 0;
      String using = times ? " USING TIMESTAMP ? AND TTL ?" : usingTtl;
      PreparedStatement insert =
          session.prepare(insertStatement(schema, CellTimes.tableColumns(columns)) + using);
      Encoder encoder = new Encoder(columns, insert, session);
      StaticOnlyRows staticOnly =
          counters ? null : StaticOnlyRows.of(schema, columns, session, using);
      PartitionBatcher batcher =
          new PartitionBatcher(
              loader,
              counters ? 1 : maxBatchSize,
              MAX_BATCH_BYTES,
              (int) chunkSize,
              consistency,
              options.contains("MINBATCHSIZE") ? minBatchSize : 0,
              replicas(schema.keyspace()));
      long taken = 0;
      // PREPAREDSTATEMENTS=false (cqlsh's option): each write as CQL text with literal values.
      LiteralTarget literals =
          options.getBoolean("PREPAREDSTATEMENTS", true)
              ? null
              : new LiteralTarget(schema.qualifiedName(), counters);
      try (errFile) {
        while (maxRows < 0 || taken < maxRows) {
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
            if (skipped < skipRows) {
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
          if (skipped < skipRows) {
            skipped++;
            continue;
          }
          if (rate != null) {
            rate.acquire();
          }
          boolean partitionOnly = staticOnly != null && staticOnly.matches(row);
          Encoder rowEncoder = partitionOnly ? staticOnly.encoder : encoder;
          if (cellTimes != null) {
            PreparedStatement statement = partitionOnly ? staticOnly.insert : insert;
            List<CellTimes.Write> writes = cellTimes.split(row);
            extraWrites += writes.size() - 1;
            for (CellTimes.Write w : writes) {
              BoundStatementBuilder bound =
                  rowEncoder.bind(statement, w.values()).setConsistencyLevel(consistency);
              int n = statement.getVariableDefinitions().size();
              bound = w.writetime() == null ? bound : bound.setLong(n - 2, w.writetime());
              bound = w.ttl() == null ? bound : bound.setInt(n - 1, w.ttl());
              BatchableStatement<?> write =
                  literals == null
                      ? bound.build()
                      : rowEncoder
                          .literals(literals)
                          .statement(
                              bound.build(), w.values(), usingLiteral(w.writetime(), w.ttl()));
              batcher.add(new LoadRow(write, row, source.lastRecord()), rowEncoder.lastSize());
            }
          } else {
            BoundStatementBuilder bound =
                rowEncoder
                    .bind(partitionOnly ? staticOnly.insert : insert, row)
                    .setConsistencyLevel(consistency);
            BatchableStatement<?> write =
                literals == null
                    ? bound.build()
                    : rowEncoder.literals(literals).statement(bound.build(), row, usingTtl);
            batcher.add(new LoadRow(write, row, source.lastRecord()), rowEncoder.lastSize());
          }
          taken++;
          progress.rowsDone(taken);
          if (budget.exceeded()) {
            break;
          }
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
        if (!budget.exceeded()) {
          batcher.flush();
        } else {
          loader.stop();
          batcher.discard(r -> errors.notAttempted(r.values(), r.record()));
        }
        long rows = loader.finish() - extraWrites;
        if (budget.exceeded()) {
          loader.stop();
          ImportStop.keepRest(source, errors, maxRows < 0 ? -1 : maxRows - taken);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long bytes =
            source.bytesRead() >= 0 ? source.bytesRead() : command.stdin() ? 0 : file.size();
        TransferSummary summary =
            new TransferSummary(
                rows,
                source.filesRead(),
                skipped,
                elapsed,
                source.partitionsRead(),
                bytes,
                budget.parseErrors(),
                budget.insertErrors());
        if (budget.exceeded()) {
          throw new TransferException(ImportStop.message(budget, summary, errors, command, schema));
        }
        if (errFile.rows() > 0) {
          errorLines.accept(
              "Failed to process " + errFile.rows() + " rows; failed rows written to " + errPath);
        }
        return summary;
      }
    } catch (IOException | UncheckedIOException e) {
      throw new TransferException(e.getMessage(), e);
    } catch (ConversionException e) {
      throw new TransferException(e.getMessage(), e);
    }
  }

  /**
   * An INSERT of the columns, or for a counter table an {@code UPDATE ... SET c = c + ?} of its
   * counters keyed by the primary key (counters cannot be inserted), with the markers in the order
   * of {@code columns} either way.
   */
  static String insertStatement(TableSchema schema, List<ColumnSpec> columns) {
    boolean counters = columns.stream().anyMatch(c -> c.type() == DataTypes.COUNTER);
    if (counters) {
      List<String> sets = new java.util.ArrayList<>();
      List<String> keys = new java.util.ArrayList<>();
      for (ColumnSpec c : columns) {
        String name = TableSchema.quote(c.name());
        if (c.kind() == ColumnKind.PARTITION_KEY || c.kind() == ColumnKind.CLUSTERING) {
          keys.add(name + " = ?");
        } else {
          sets.add(name + " = " + name + " + ?");
        }
      }
      return "UPDATE "
          + schema.qualifiedName()
          + " SET "
          + String.join(", ", sets)
          + " WHERE "
          + String.join(" AND ", keys);
    }
    String names =
        columns.stream().map(c -> TableSchema.quote(c.name())).collect(Collectors.joining(", "));
    String markers = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO " + schema.qualifiedName() + " (" + names + ") VALUES (" + markers + ")";
  }

  /**
   * A partition key's first replica from the driver's token map, or null when the map is not known
   * (MINBATCHSIZE then leaves batches to one partition).
   */
  private Function<ByteBuffer, Object> replicas(String keyspace) {
    CqlIdentifier id = CqlIdentifier.fromInternal(keyspace);
    return key ->
        session
            .getMetadata()
            .getTokenMap()
            .map(map -> map.getReplicas(id, key).stream().findFirst().orElse(null))
            .orElse(null);
  }

  /** The USING clause of a literal write with these cell times (each null when unset). */
  static String usingLiteral(Long writetime, Integer ttl) {
    if (writetime == null) {
      return ttl == null ? "" : " USING TTL " + ttl;
    }
    return " USING TIMESTAMP " + writetime + (ttl == null ? "" : " AND TTL " + ttl);
  }

  /** The table literal writes go to (PREPAREDSTATEMENTS=false). */
  private record LiteralTarget(String table, boolean counters) {}

  /**
   * Rows of a partition that holds only static values: a table scan returns them with null
   * clustering and regular columns, and Cassandra refuses an INSERT whose clustering columns are
   * unset, so they are written by an INSERT of the partition key and the static columns alone.
   */
  private static final class StaticOnlyRows {
    final PreparedStatement insert;
    final Encoder encoder;
    private final int[] mustBeNull;

    private StaticOnlyRows(PreparedStatement insert, Encoder encoder, int[] mustBeNull) {
      this.insert = insert;
      this.encoder = encoder;
      this.mustBeNull = mustBeNull;
    }

    /** Null when the columns have no clustering or no static column. */
    static StaticOnlyRows of(
        TableSchema schema, List<ColumnSpec> columns, CqlSession session, String using) {
      boolean clustering = columns.stream().anyMatch(c -> c.kind() == ColumnKind.CLUSTERING);
      boolean statics = columns.stream().anyMatch(c -> c.kind() == ColumnKind.STATIC);
      if (!clustering || !statics) {
        return null;
      }
      List<ColumnSpec> kept =
          columns.stream()
              .filter(c -> c.kind() == ColumnKind.PARTITION_KEY || c.kind() == ColumnKind.STATIC)
              .toList();
      PreparedStatement insert = session.prepare(insertStatement(schema, kept) + using);
      int[] mustBeNull =
          java.util.stream.IntStream.range(0, columns.size())
              .filter(
                  i ->
                      columns.get(i).kind() == ColumnKind.CLUSTERING
                          || columns.get(i).kind() == ColumnKind.REGULAR)
              .toArray();
      return new StaticOnlyRows(insert, new Encoder(columns, insert, session), mustBeNull);
    }

    /** Whether the row's clustering and regular values are all null. */
    boolean matches(Object[] row) {
      for (int i : mustBeNull) {
        if (row[i] != null) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Binds value arrays with codecs looked up once per column, each value to the marker of its
   * column's name; NULLs, and columns the statement does not name, stay unset.
   */
  private static final class Encoder {
    private final List<ColumnSpec> columns;
    private final TypeCodec<Object>[] codecs;
    private final int[] markers;
    private final ProtocolVersion protocolVersion;
    private LiteralWrite literalWrite;

    @SuppressWarnings("unchecked")
    Encoder(List<ColumnSpec> columns, PreparedStatement statement, CqlSession session) {
      CodecRegistry registry = session.getContext().getCodecRegistry();
      this.columns = columns;
      codecs = (TypeCodec<Object>[]) new TypeCodec<?>[columns.size()];
      markers = new int[columns.size()];
      for (int i = 0; i < codecs.length; i++) {
        codecs[i] = registry.codecFor(columns.get(i).type());
        markers[i] =
            statement
                .getVariableDefinitions()
                .firstIndexOf(CqlIdentifier.fromInternal(columns.get(i).name()));
      }
      protocolVersion = session.getContext().getProtocolVersion();
    }

    private int lastSize;

    BoundStatementBuilder bind(PreparedStatement statement, Object[] row) {
      BoundStatementBuilder builder = statement.boundStatementBuilder();
      int size = 0;
      for (int i = 0; i < codecs.length; i++) {
        if (row[i] != null && markers[i] >= 0) {
          ByteBuffer bytes = codecs[i].encode(row[i], protocolVersion);
          size += bytes == null ? 0 : bytes.remaining();
          builder.setBytesUnsafe(markers[i], bytes);
        }
      }
      lastSize = size;
      return builder;
    }

    /** Writes of this encoder's columns as literal text, built once. */
    LiteralWrite literals(LiteralTarget target) {
      if (literalWrite == null) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < markers.length; i++) {
          names.add(markers[i] >= 0 ? TableSchema.quote(columns.get(i).name()) : null);
        }
        literalWrite = new LiteralWrite(target.table(), names, columns, target.counters());
      }
      return literalWrite;
    }

    /** Bytes of values bound by the last {@link #bind} call. */
    int lastSize() {
      return lastSize;
    }
  }
}
