package io.cqlp.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.cqlp.config.ConnectionSettings;
import io.cqlp.session.Connector;
import io.cqlp.testing.DuckDb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The write ceiling for COPY FROM: the plainest fast driver program that inserts the flights rows
 * into {@code (origin text, date timestamp, destination text, delay bigint, distance bigint)}
 * tables, and into tables that add {@code id bigint} (the row's number from 0) as their key. The
 * rows are read from a Parquet file into memory first (through DuckDB), so the timed part does
 * nothing but bind prepared INSERTs and keep a fixed number of writes in flight, token-aware (the
 * driver's default routing). Not a test; run by hand or by bench scripts.
 *
 * <p>{@code BareWrite host port keyspace table parquet rows inFlight [batchRows [window]]}: inserts
 * the first {@code rows} rows of {@code parquet} in its order; {@code batchRows} &gt; 1 groups the
 * rows of each window of {@code window} rows (default 5,000, COPY FROM's CHUNKSIZE) by partition
 * (origin) into UNLOGGED batches of at most {@code batchRows} rows, as COPY FROM does. Prints one
 * line: {@code bare write: ROWS rows in SECONDS s (RATE rows/s), N in flight, batches of B}.
 */
public final class BareWrite {
  private BareWrite() {}

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String keyspace = args[2];
    String table = args[3];
    String parquet = args[4];
    long limit = Long.parseLong(args[5]);
    int inFlight = Integer.parseInt(args[6]);
    int batchRows = args.length > 7 ? Integer.parseInt(args[7]) : 1;
    int window = args.length > 8 ? Integer.parseInt(args[8]) : 5000;
    List<List<Object>> rows;
    try (DuckDb duck = new DuckDb()) {
      rows =
          duck.rows(
              "SELECT origin, epoch_ms(date::TIMESTAMP), destination, delay, distance FROM "
                  + DuckDb.literal(parquet)
                  + " LIMIT "
                  + limit);
    }
    ConnectionSettings settings =
        new ConnectionSettings(
            host, port, null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(30));
    try (CqlSession session = Connector.connect(settings)) {
      boolean idKeyed =
          session
              .getMetadata()
              .getKeyspace(keyspace)
              .flatMap(k -> k.getTable(table))
              .orElseThrow()
              .getColumn("id")
              .isPresent();
      PreparedStatement insert =
          session.prepare(
              "INSERT INTO "
                  + keyspace
                  + "."
                  + table
                  + " (origin, date, destination, delay, distance"
                  + (idKeyed ? ", id) VALUES (?, ?, ?, ?, ?, ?)" : ") VALUES (?, ?, ?, ?, ?)"));
      Semaphore permits = new Semaphore(inFlight);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      long started = System.nanoTime();
      // batches: the rows of a window of `window` rows grouped by partition (origin), at most
      // batchRows a batch; the id-keyed table has one row a partition, so it never batches
      Map<Object, List<BoundStatement>> byPartition = new LinkedHashMap<>();
      int buffered = 0;
      long id = 0;
      for (List<Object> r : rows) {
        BoundStatement bound =
            insert.bind(
                r.get(0),
                Instant.ofEpochMilli(((Number) r.get(1)).longValue()),
                r.get(2),
                ((Number) r.get(3)).longValue(),
                ((Number) r.get(4)).longValue());
        bound = idKeyed ? bound.setLong(5, id++) : bound;
        if (batchRows <= 1 || idKeyed) {
          send(session, bound, permits, failure);
          continue;
        }
        byPartition.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(bound);
        if (++buffered == window) {
          flush(session, byPartition, batchRows, permits, failure);
          buffered = 0;
        }
      }
      flush(session, byPartition, batchRows, permits, failure);
      permits.acquire(inFlight);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (failure.get() != null) {
        throw new IllegalStateException("a write failed", failure.get());
      }
      System.out.printf(
          Locale.ROOT,
          "bare write: %d rows in %.3f s (%.0f rows/s), %d in flight, batches of %d%n",
          rows.size(),
          seconds,
          rows.size() / seconds,
          inFlight,
          batchRows);
    }
  }

  private static void flush(
      CqlSession session,
      Map<Object, List<BoundStatement>> byPartition,
      int batchRows,
      Semaphore permits,
      AtomicReference<Throwable> failure)
      throws InterruptedException {
    for (List<BoundStatement> partition : byPartition.values()) {
      for (int from = 0; from < partition.size(); from += batchRows) {
        List<BoundStatement> rows =
            partition.subList(from, Math.min(partition.size(), from + batchRows));
        send(session, rows.size() == 1 ? rows.get(0) : batch(rows), permits, failure);
      }
    }
    byPartition.clear();
  }

  private static BatchStatement batch(List<BoundStatement> rows) {
    BatchStatementBuilder builder = BatchStatement.builder(BatchType.UNLOGGED);
    rows.forEach(builder::addStatement);
    return builder.build();
  }

  private static void send(
      CqlSession session,
      Statement<?> statement,
      Semaphore permits,
      AtomicReference<Throwable> failure)
      throws InterruptedException {
    permits.acquire();
    session
        .executeAsync(statement)
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
              permits.release();
            });
  }
}
