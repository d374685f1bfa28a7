package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.servererrors.CoordinatorException;
import io.cqlp.transfer.plan.ScanRange;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Where the requests of a token-range scan ran, and which ranges had to be retried: what the
 * summary of a COPY TO reports and {@code --debug} logs as it happens.
 *
 * <p>A request is one page of one range; its host is the coordinator the driver reports in the
 * page's {@link ExecutionInfo}. A range counts as retried when an attempt of it failed and the scan
 * went on (from the range's last paging state), whether the driver moved the request to another
 * node itself (the errors of earlier nodes are in the page's execution info) or {@link
 * RangeScanner} started a new attempt. Thread-safe.
 */
public final class ScanStats {
  private final Map<String, LongAdder> requests = new ConcurrentSkipListMap<>();
  private final Set<Integer> retried = ConcurrentHashMap.newKeySet();
  private final Consumer<String> debug;

  /**
   * @param debug where the choices are logged as they happen ({@code --debug}), or null for nowhere
   */
  public ScanStats(Consumer<String> debug) {
    this.debug = debug;
  }

  /** True when choices are logged. */
  public boolean debugging() {
    return debug != null;
  }

  /** Logs {@code line} when debugging. */
  public void debug(String line) {
    if (debug != null) {
      debug.accept(line);
    }
  }

  /**
   * Logs the plan when debugging: how many ranges, and each range's bounds and replicas (the nodes
   * its requests are routed to, in the driver's token-aware order, which it shuffles per request).
   *
   * @param ranges the ranges, by index
   * @param tokenMap the driver's token map, or empty
   * @param keyspace the scanned keyspace, or null when unknown (a query)
   */
  public void plan(List<ScanRange> ranges, Optional<TokenMap> tokenMap, String keyspace) {
    if (debug == null) {
      return;
    }
    debug(
        "scan plan: "
            + ranges.size()
            + (ranges.size() == 1 ? " token range" : " token ranges")
            + ", each routed to a replica of its end token");
    for (int i = 0; i < ranges.size(); i++) {
      ScanRange r = ranges.get(i);
      String replicas =
          r.end() == null || tokenMap.isEmpty() || keyspace == null
              ? "any node"
              : tokenMap.get().getReplicas(CqlIdentifier.fromInternal(keyspace), r.end()).stream()
                  .map(ScanStats::host)
                  .sorted()
                  .collect(Collectors.joining(", "));
      debug(
          "scan range "
              + i
              + " ("
              + (r.start() == null
                  ? "ring start"
                  : tokenMap.map(m -> m.format(r.start())).orElse(String.valueOf(r.start())))
              + ", "
              + (r.end() == null
                  ? "ring end"
                  : tokenMap.map(m -> m.format(r.end())).orElse(String.valueOf(r.end())))
              + "]: replicas "
              + replicas);
    }
  }

  /**
   * Records a page of range {@code range}: its coordinator, and the nodes the driver tried before
   * it for this request, if any (then the range counts as retried).
   *
   * @param range the range's index
   * @param page the number of the page in this attempt, from 1
   * @param info the page's execution info; not null
   * @param previous the coordinator of the range's previous page, or null for its first page
   * @return the coordinator's address, e.g. {@code 127.0.0.2}
   */
  String page(int range, int page, ExecutionInfo info, String previous) {
    String host = host(info.getCoordinator());
    request(host);
    if (!info.getErrors().isEmpty()) {
      retried.add(range);
      for (Map.Entry<Node, Throwable> error : info.getErrors()) {
        debug(
            "scan range "
                + range
                + " page "
                + page
                + ": "
                + host(error.getKey())
                + " failed ("
                + error.getValue().getClass().getSimpleName()
                + "), the driver went on at "
                + host);
      }
    } else if (page == 1 || !host.equals(previous)) {
      debug("scan range " + range + " page " + page + " ran on " + host);
    }
    return host;
  }

  /** Counts one request (page) that ran on {@code host}. */
  void request(String host) {
    requests.computeIfAbsent(host, h -> new LongAdder()).increment();
  }

  /**
   * Records that attempt {@code attempt} of range {@code range} failed with {@code failure} and
   * that the range goes on from its last paging state.
   */
  void retrying(int range, int attempt, Throwable failure, boolean fromPagingState) {
    retried.add(range);
    debug(
        "scan range "
            + range
            + " attempt "
            + attempt
            + " failed on "
            + hostOf(failure)
            + " ("
            + failure.getClass().getSimpleName()
            + "); retrying "
            + (fromPagingState ? "from its paging state" : "it"));
  }

  /** Requests (pages) per coordinator address, by address. */
  public Map<String, Long> requestsByHost() {
    Map<String, Long> copy = new TreeMap<>();
    requests.forEach((host, count) -> copy.put(host, count.sum()));
    return copy;
  }

  /** How many ranges were retried at least once. */
  public int retriedRanges() {
    return retried.size();
  }

  /**
   * The sentence the summary adds when the work ran on more than one host or ranges were retried,
   * else an empty string: e.g. {@code " 1 token range retried; requests by host: 127.0.0.2 41,
   * 127.0.0.3 40, 127.0.0.4 43."}.
   */
  public String summary() {
    Map<String, Long> byHost = requestsByHost();
    int ranges = retriedRanges();
    if (byHost.size() <= 1 && ranges == 0) {
      return "";
    }
    return " "
        + ranges
        + (ranges == 1 ? " token range" : " token ranges")
        + " retried; requests by host: "
        + byHost.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + ".";
  }

  /** The node a failure names (the coordinator, or the first node tried), or {@code "?"}. */
  static String hostOf(Throwable failure) {
    if (failure instanceof CoordinatorException c) {
      return host(c.getCoordinator());
    }
    if (failure instanceof AllNodesFailedException all && !all.getAllErrors().isEmpty()) {
      return all.getAllErrors().keySet().stream()
          .map(ScanStats::host)
          .collect(Collectors.joining(", "));
    }
    return "?";
  }

  private static String host(Node node) {
    if (node == null) {
      return "?";
    }
    return node.getEndPoint().resolve() instanceof InetSocketAddress a
        ? a.getAddress().getHostAddress()
        : node.getEndPoint().toString();
  }
}
