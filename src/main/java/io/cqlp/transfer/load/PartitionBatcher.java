package io.cqlp.transfer.load;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Groups writes that share a partition key into UNLOGGED batches before they go to the {@link
 * AsyncLoader}: one batch for one partition costs Cassandra one mutation, where single writes cost
 * one each (the grouping DSBulk and cqlsh's COPY FROM do too).
 *
 * <p>Writes wait in a window of at most {@code windowRows} rows; when it is full every group is
 * sent, a group of one as a plain write. A group is also sent as soon as it reaches {@code
 * maxBatchRows} rows or {@code maxBatchBytes} bytes of values, which keeps batches under
 * Cassandra's {@code batch_size_warn_threshold} (5 KiB by default). Memory is bounded by the
 * window. Each row travels with its {@link LoadRow}, so a failed batch can be split and its rows
 * written to the ERRFILE. Used from one thread.
 *
 * <p>With a {@code minBatchRows} above 0 (COPY FROM's MINBATCHSIZE), a window's partitions that
 * hold {@code minBatchRows} rows or fewer are not sent one small batch each: they are pooled by
 * their first replica and sent as UNLOGGED batches of several partitions, up to {@code
 * maxBatchRows} rows, {@code maxBatchBytes} and {@link #MAX_POOLED_PARTITIONS} partitions, routed
 * to that replica. This is cqlsh's rule (copyutil.py's {@code split_into_batches}: "if there are at
 * least min_batch_size rows for a ring position ... send a batch for each group, otherwise batch by
 * replica"), with cqlp's cap on partitions. A partition with more rows keeps batches of its own.
 */
public final class PartitionBatcher {
  /**
   * Partitions in one pooled batch at most: Cassandra's default {@code
   * unlogged_batch_across_partitions_warn_threshold} (cassandra.yaml). Beyond it the node logs a
   * warning and returns it with every response, and the driver logs each one on its I/O thread: a
   * 300,000-row import of single-row partitions in pools of 20 spent three times the I/O thread's
   * CPU of pools of 10.
   */
  public static final int MAX_POOLED_PARTITIONS = 10;

  private final AsyncLoader loader;
  private final int maxBatchRows;
  private final int maxBatchBytes;
  private final int windowRows;
  private final ConsistencyLevel consistency;
  private final int minBatchRows;
  private final Supplier<Function<ByteBuffer, Object>> replicas;
  private final Map<ByteBuffer, Group> groups = new LinkedHashMap<>();
  private int buffered;

  /**
   * @param loader where statements go
   * @param maxBatchRows rows per batch at most (cqlsh's MAXBATCHSIZE); 1 disables batching
   * @param maxBatchBytes bytes of bound values per batch at most
   * @param windowRows rows that may wait for their partition's batch to fill
   * @param consistency consistency level of the batches
   * @param minBatchRows partitions with this many rows or fewer in a window are pooled by replica
   *     (cqlsh's MINBATCHSIZE); 0 keeps every batch to one partition
   * @param replicas gives, once per window flushed with {@code minBatchRows > 0}, the lookup of a
   *     partition key's first replica (any object with equals; {@code null} when it is not known:
   *     then that partition keeps a batch of its own). Taken once per window because the driver's
   *     token map is a lookup of its own: a window of single-row partitions asks for thousands of
   *     keys' replicas.
   */
  public PartitionBatcher(
      AsyncLoader loader,
      int maxBatchRows,
      int maxBatchBytes,
      int windowRows,
      ConsistencyLevel consistency,
      int minBatchRows,
      Supplier<Function<ByteBuffer, Object>> replicas) {
    this.minBatchRows = minBatchRows;
    this.replicas = replicas;
    this.loader = loader;
    this.maxBatchRows = maxBatchRows;
    this.maxBatchBytes = maxBatchBytes;
    this.windowRows = windowRows;
    this.consistency = consistency;
  }

  /**
   * Adds one row.
   *
   * @param row the row; its statement's routing key is its partition key
   * @param bytes the size of its bound values
   * @throws InterruptedException if interrupted while waiting for the loader
   */
  public void add(LoadRow row, int bytes) throws InterruptedException {
    ByteBuffer key = row.statement().getRoutingKey();
    if (maxBatchRows <= 1 || key == null) {
      loader.submit(row.statement(), List.of(row));
      return;
    }
    Group group = groups.computeIfAbsent(key, k -> new Group());
    group.rows.add(row);
    group.bytes += bytes;
    buffered++;
    if (group.rows.size() >= maxBatchRows || group.bytes >= maxBatchBytes) {
      groups.remove(key);
      send(key, group);
    }
    if (buffered >= windowRows) {
      flush();
    }
  }

  /** Sends every waiting group; small ones pooled by replica when {@code minBatchRows > 0}. */
  public void flush() throws InterruptedException {
    List<Map.Entry<ByteBuffer, Group>> all = new ArrayList<>(groups.entrySet());
    groups.clear();
    Function<ByteBuffer, Object> replicaOf = minBatchRows > 0 ? replicas.get() : key -> null;
    Map<Object, Group> pools = new LinkedHashMap<>();
    for (Map.Entry<ByteBuffer, Group> entry : all) {
      Group group = entry.getValue();
      Object replica = group.rows.size() <= minBatchRows ? replicaOf.apply(entry.getKey()) : null;
      if (replica == null) {
        send(entry.getKey(), group);
        continue;
      }
      Group pool = pools.computeIfAbsent(replica, r -> new Group());
      if (pool.rows.size() + group.rows.size() > maxBatchRows
          || pool.bytes + group.bytes > maxBatchBytes
          || pool.partitions == MAX_POOLED_PARTITIONS) {
        pools.remove(replica);
        sendPool(pool);
        pool = pools.computeIfAbsent(replica, r -> new Group());
      }
      pool.rows.addAll(group.rows);
      pool.bytes += group.bytes;
      pool.partitions++;
    }
    for (Group pool : pools.values()) {
      sendPool(pool);
    }
  }

  /** Sends rows of several partitions that share a replica, routed by the first row's key. */
  private void sendPool(Group pool) throws InterruptedException {
    if (!pool.rows.isEmpty()) {
      send(pool.rows.get(0).statement().getRoutingKey(), pool);
    }
  }

  /**
   * Hands every waiting row to {@code unsent} instead of sending it (the import stopped), in the
   * order they were added per partition.
   */
  public void discard(Consumer<LoadRow> unsent) {
    for (Group group : groups.values()) {
      group.rows.forEach(unsent);
    }
    groups.clear();
    buffered = 0;
  }

  private void send(ByteBuffer key, Group group) throws InterruptedException {
    buffered -= group.rows.size();
    if (group.rows.size() == 1) {
      loader.submit(group.rows.get(0).statement(), group.rows);
      return;
    }
    // The partition's key routes the batch to a replica of that partition (token-aware), as the
    // key of each bound statement routes a single write.
    BatchStatementBuilder batch =
        BatchStatement.builder(BatchType.UNLOGGED)
            .setConsistencyLevel(consistency)
            .setRoutingKey(key);
    for (LoadRow row : group.rows) {
      batch.addStatement(row.statement());
    }
    loader.submit(batch.build(), group.rows);
  }

  private static final class Group {
    final List<LoadRow> rows = new ArrayList<>();
    int bytes;
    int partitions;
  }
}
