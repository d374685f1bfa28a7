package io.cqlp.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The write ceiling for COPY FROM: the fastest plain driver program that inserts the flights rows
 * into {@code (origin text, date timestamp, destination text, delay bigint, distance bigint)}
 * tables, and into tables that add {@code id bigint} (the row's number from 0) as their key:
 * prepared INSERTs, the driver's default (token-aware) routing, cqlp's {@link Connector} session.
 * Not a test; run by hand or by bench scripts.
 *
 * <p>Not timed: reading the rows from the Parquet file (through DuckDB), connecting, preparing the
 * INSERT, binding every row, building every batch, and a full garbage collection so that those
 * statements are settled in the old generation. Timed: from the first {@code executeAsync} to the
 * last write's response; in between the sending threads do nothing but take the next statement, in
 * row order, and send it whenever fewer than {@code inFlight} writes are outstanding.
 *
 * <p>{@code BareWrite host port keyspace table parquet rows inFlight [batchRows [window
 * [senders]]]}: inserts the first {@code rows} rows of {@code parquet} in its order; {@code
 * batchRows} &gt; 1 groups the rows of each window of {@code window} rows (default 5,000, COPY
 * FROM's CHUNKSIZE) by partition (origin) into UNLOGGED batches of at most {@code batchRows} rows,
 * as COPY FROM does (a partition with one row in the window gets a plain INSERT). In the id-keyed
 * table every partition has one row: there {@code batchRows} &gt; 1 pools the rows by their first
 * replica (the driver's token map) into UNLOGGED batches of {@code batchRows} partitions, as COPY
 * FROM's MINBATCHSIZE does (10 at most keeps Cassandra from warning about the batch). {@code
 * senders} (default 1) threads send, sharing the statements and the {@code inFlight} permits; on 2
 * cores shared with the node one thread was as fast as two, and as fast as sending each next write
 * from the previous write's completion. bench/run runs it with {@code -XX:+UseParallelGC
 * -XX:TieredStopAtLevel=1}: on those 2 cores the C2 compiler's threads took more CPU during the run
 * than the driver's I/O thread, and C1 alone was faster. Prints one line: {@code bare write: ROWS
 * rows in SECONDS s (RATE rows/s), N in flight, batches of B, T sending thread(s)}.
 */
public final class BareWrite {
  private BareWrite() {}

  /**
   * Runs the benchmark and prints its line.
   *
   * @param args {@code host port keyspace table parquet rows inFlight [batchRows [window
   *     [senders]]]}
   * @throws Exception if reading the file, connecting or a write fails
   */
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
    int senders = args.length > 9 ? Integer.parseInt(args[9]) : 1;
    if (inFlight < 1 || batchRows < 1 || window < 1 || senders < 1) {
      throw new IllegalArgumentException("inFlight, batchRows, window and senders must be >= 1");
    }
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
      List<Statement<?>> statements =
          idKeyed
              ? pooled(session, keyspace, insert, rows, batchRows)
              : statements(insert, rows, batchRows, window);
      int rowCount = rows.size();
      rows = null; // only the statements stay reachable
      System.gc();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      long started = System.nanoTime();
      send(session, statements, inFlight, senders, failure);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (failure.get() != null) {
        throw new IllegalStateException("a write failed", failure.get());
      }
      System.out.printf(
          Locale.ROOT,
          "bare write: %d rows in %.3f s (%.0f rows/s), %d in flight, batches of %d%s,"
              + " %d sending thread%s%n",
          rowCount,
          seconds,
          rowCount / seconds,
          inFlight,
          batchRows,
          idKeyed && batchRows > 1 ? " partitions" : "",
          senders,
          senders == 1 ? "" : "s");
    }
  }

  /**
   * The statements to send, in row order: a bound INSERT a row, or with {@code batchRows} &gt; 1
   * the rows of each window of {@code window} rows grouped by partition (origin, in the order of
   * each partition's first row in the window) into UNLOGGED batches of at most {@code batchRows}
   * rows, a group of one as its plain INSERT.
   */
  private static List<Statement<?>> statements(
      PreparedStatement insert, List<List<Object>> rows, int batchRows, int window) {
    List<Statement<?>> statements = new ArrayList<>();
    Map<Object, List<BoundStatement>> byPartition = new LinkedHashMap<>();
    int buffered = 0;
    for (List<Object> r : rows) {
      BoundStatement bound = bind(insert, r);
      if (batchRows == 1) {
        statements.add(bound);
        continue;
      }
      byPartition.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(bound);
      if (++buffered == window) {
        group(byPartition, batchRows, statements);
        buffered = 0;
      }
    }
    group(byPartition, batchRows, statements);
    return statements;
  }

  /** One flights row bound to the INSERT (without its id). */
  private static BoundStatement bind(PreparedStatement insert, List<Object> r) {
    return insert.bind(
        r.get(0),
        Instant.ofEpochMilli(((Number) r.get(1)).longValue()),
        r.get(2),
        ((Number) r.get(3)).longValue(),
        ((Number) r.get(4)).longValue());
  }

  /**
   * The id-keyed table's statements, in row order: a bound INSERT a row (id from 0), or with {@code
   * batchRows} &gt; 1 the rows pooled by their partition's first replica into UNLOGGED batches of
   * {@code batchRows} partitions, routed by the first row's key, each sent when full.
   */
  private static List<Statement<?>> pooled(
      CqlSession session,
      String keyspace,
      PreparedStatement insert,
      List<List<Object>> rows,
      int batchRows) {
    List<Statement<?>> statements = new ArrayList<>();
    TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
    Map<Node, List<BoundStatement>> pools = new LinkedHashMap<>();
    long id = 0;
    for (List<Object> r : rows) {
      BoundStatement bound = bind(insert, r).setLong(5, id++);
      if (batchRows == 1) {
        statements.add(bound);
        continue;
      }
      Node replica = tokens.getReplicas(keyspace, bound.getRoutingKey()).iterator().next();
      List<BoundStatement> pool = pools.computeIfAbsent(replica, n -> new ArrayList<>());
      pool.add(bound);
      if (pool.size() == batchRows) {
        statements.add(batchOf(pool));
        pools.remove(replica);
      }
    }
    pools.values().forEach(pool -> statements.add(batchOf(pool)));
    return statements;
  }

  private static Statement<?> batchOf(List<BoundStatement> rows) {
    return rows.size() == 1
        ? rows.get(0)
        : BatchStatement.newInstance(BatchType.UNLOGGED, rows.toArray(new BoundStatement[0]))
            .setRoutingKey(rows.get(0).getRoutingKey());
  }

  /** Adds each partition's rows to {@code out} in batches of at most {@code batchRows}. */
  private static void group(
      Map<Object, List<BoundStatement>> byPartition, int batchRows, List<Statement<?>> out) {
    for (List<BoundStatement> partition : byPartition.values()) {
      for (int from = 0; from < partition.size(); from += batchRows) {
        List<BoundStatement> rows =
            partition.subList(from, Math.min(partition.size(), from + batchRows));
        out.add(batchOf(rows));
      }
    }
    byPartition.clear();
  }

  /**
   * Sends every statement from {@code senders} threads that take them in order and share {@code
   * inFlight} permits; returns once every write has answered.
   */
  private static void send(
      CqlSession session,
      List<Statement<?>> statements,
      int inFlight,
      int senders,
      AtomicReference<Throwable> failure)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    AtomicInteger next = new AtomicInteger();
    Runnable sender =
        () -> {
          try {
            while (true) {
              permits.acquire();
              int index = next.getAndIncrement();
              if (index >= statements.size() || failure.get() != null) {
                permits.release();
                return;
              }
              session
                  .executeAsync(statements.get(index))
                  .whenComplete(
                      (result, error) -> {
                        if (error != null) {
                          failure.compareAndSet(null, error);
                        }
                        permits.release();
                      });
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      Thread thread = new Thread(sender, "bare-write-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    permits.acquire(inFlight);
  }
}
