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
 */
public final class PartitionBatcher {
  private final AsyncLoader loader;
  private final int maxBatchRows;
  private final int maxBatchBytes;
  private final int windowRows;
  private final ConsistencyLevel consistency;
  private final Map<ByteBuffer, Group> groups = new LinkedHashMap<>();
  private int buffered;

  /**
   * @param loader where statements go
   * @param maxBatchRows rows per batch at most (cqlsh's MAXBATCHSIZE); 1 disables batching
   * @param maxBatchBytes bytes of bound values per batch at most
   * @param windowRows rows that may wait for their partition's batch to fill
   * @param consistency consistency level of the batches
   */
  public PartitionBatcher(
      AsyncLoader loader, int maxBatchRows, int maxBatchBytes, int windowRows, ConsistencyLevel consistency) {
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

  /** Sends every waiting group. */
  public void flush() throws InterruptedException {
    List<Map.Entry<ByteBuffer, Group>> all = new ArrayList<>(groups.entrySet());
    groups.clear();
    for (Map.Entry<ByteBuffer, Group> entry : all) {
      send(entry.getKey(), entry.getValue());
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
    BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED)
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
  }
}
