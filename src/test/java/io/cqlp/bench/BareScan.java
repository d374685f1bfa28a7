package io.cqlp.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import io.cqlp.config.ConnectionSettings;
import io.cqlp.session.Connector;
import io.cqlp.transfer.CopyToWorkflow;
import io.cqlp.transfer.plan.ScanRange;
import io.cqlp.transfer.plan.TokenBounds;
import io.cqlp.transfer.plan.TokenRangePlanner;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The scan ceiling for bench/run: scans a whole table split into token ranges as COPY TO splits it,
 * {@code maxRequests} ranges at a time, and only counts the rows (no value decoding, no writing).
 * Not a test; run by bench/run.
 *
 * <p>{@code BareScan host port keyspace table [maxRequests] [pageSize] [driver|cqlp]}. With {@code
 * driver} (the default) the session is the driver's own ({@code CqlSession.builder()}, its frame
 * decoding): a plain driver program, the ceiling bench/run compares COPY TO with. With {@code cqlp}
 * it is cqlp's session ({@link Connector#connect}), whose frame codec decodes result pages itself
 * ({@code io.cqlp.session.PageRowsCodec}). Prints one line: {@code bare scan: ROWS rows in SECONDS
 * s (RATE rows/s), ...}.
 */
public final class BareScan {
  private BareScan() {}

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String keyspace = args[2];
    String table = args[3];
    int maxRequests =
        args.length > 4 ? Integer.parseInt(args[4]) : CopyToWorkflow.DEFAULT_MAX_REQUESTS;
    int pageSize = args.length > 5 ? Integer.parseInt(args[5]) : CopyToWorkflow.DEFAULT_PAGE_SIZE;
    boolean cqlp = args.length > 6 && args[6].equals("cqlp");
    try (CqlSession session = cqlp ? cqlpSession(host, port) : driverSession(host, port)) {
      TableMetadata meta =
          session.getMetadata().getKeyspace(keyspace).flatMap(k -> k.getTable(table)).orElseThrow();
      String key =
          meta.getPartitionKey().stream()
              .map(c -> c.getName().asCql(true))
              .collect(Collectors.joining(", "));
      String columns =
          meta.getColumns().values().stream()
              .map(ColumnMetadata::getName)
              .map(n -> n.asCql(true))
              .collect(Collectors.joining(", "));
      String select =
          "SELECT "
              + columns
              + " FROM "
              + meta.getKeyspace().asCql(true)
              + "."
              + meta.getName().asCql(true);
      String token = "token(" + key + ")";
      PreparedStatement both =
          session.prepare(select + " WHERE " + token + " > ? AND " + token + " <= ?");
      PreparedStatement from = session.prepare(select + " WHERE " + token + " > ?");
      PreparedStatement to = session.prepare(select + " WHERE " + token + " <= ?");
      PreparedStatement all = session.prepare(select);
      List<ScanRange> ranges =
          TokenRangePlanner.scanRanges(
              session.getMetadata().getTokenMap(), keyspace, maxRequests, TokenBounds.ALL);
      AtomicInteger next = new AtomicInteger();
      AtomicLong rows = new AtomicLong();
      long started = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(maxRequests);
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (int w = 0; w < maxRequests; w++) {
        workers.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < ranges.size()) {
                    ScanRange r = ranges.get(i);
                    BoundStatement s =
                        r.start() != null && r.end() != null
                            ? both.bind().setToken(0, r.start()).setToken(1, r.end())
                            : r.start() != null
                                ? from.bind().setToken(0, r.start())
                                : r.end() != null ? to.bind().setToken(0, r.end()) : all.bind();
                    AsyncResultSet page =
                        session.executeAsync(s.setPageSize(pageSize)).toCompletableFuture().get();
                    while (true) {
                      CompletableFuture<AsyncResultSet> following =
                          page.hasMorePages() ? page.fetchNextPage().toCompletableFuture() : null;
                      rows.addAndGet(page.remaining());
                      if (following == null) {
                        break;
                      }
                      page = following.get();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "bare scan: %d rows in %.3f s (%.0f rows/s), %d ranges, %d in flight, page %d, %s%n",
          rows.get(),
          seconds,
          rows.get() / seconds,
          ranges.size(),
          maxRequests,
          pageSize,
          cqlp ? "cqlp's session" : "the driver's session");
    }
  }

  /**
   * The driver's own session: its default context and frame codec, the local datacenter inferred
   * from the contact point, and COPY TO's request timeout and connection request limit.
   */
  private static CqlSession driverSession(String host, int port) {
    OptionsMap options = OptionsMap.driverDefaults();
    options.put(TypedDriverOption.LOAD_BALANCING_POLICY_CLASS, "DcInferringLoadBalancingPolicy");
    options.put(TypedDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10));
    options.put(TypedDriverOption.CONNECTION_MAX_REQUESTS, 2048);
    return CqlSession.builder()
        .withConfigLoader(DriverConfigLoader.fromMap(options))
        .addContactPoint(new InetSocketAddress(host, port))
        .build();
  }

  /** cqlp's session, as the shell opens it. */
  private static CqlSession cqlpSession(String host, int port) {
    return Connector.connect(
        new ConnectionSettings(
            host, port, null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(10)));
  }
}
