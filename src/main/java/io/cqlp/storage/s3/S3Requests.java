package io.cqlp.storage.s3;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The S3 requests this process sent, by operation, for {@code --debug}: each API call counts once,
 * before its first attempt (the SDK's retries are not counted again). Free of SDK classes, so
 * asking costs nothing in a session that never reached an object store.
 */
public final class S3Requests {
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

  private S3Requests() {}

  static void count(String operation) {
    COUNTS.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
  }

  /**
   * The requests sent since the last call, by operation ({@code GetObject}, {@code ListObjectsV2},
   * ...), sorted by name; the counts start again from 0.
   *
   * @return the counts; empty when no request was sent
   */
  public static Map<String, Long> take() {
    Map<String, Long> counts = new TreeMap<>();
    COUNTS.forEach(
        (op, n) -> {
          long v = n.getAndSet(0);
          if (v > 0) {
            counts.put(op, v);
          }
        });
    return counts;
  }
}
