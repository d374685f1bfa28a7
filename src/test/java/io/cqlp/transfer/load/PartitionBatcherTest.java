package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.cqlp.storage.Location;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MINBATCHSIZE: small partitions pooled by replica, as cqlsh's split_into_batches does. */
class PartitionBatcherTest {
  @TempDir Path dir;

  private final List<List<String>> sent = new ArrayList<>();

  private static LoadRow row(int partition, int n) {
    SimpleStatement statement =
        SimpleStatement.builder("p" + partition + " r" + n)
            .setRoutingKey(ByteBuffer.wrap(new byte[] {(byte) partition}))
            .build();
    return new LoadRow(statement, new Object[] {partition, n}, null);
  }

  private AsyncLoader loader() {
    ImportErrors errors =
        new ImportErrors(
            new ErrorBudget(-1, -1),
            new ErrorFile(Location.local(dir.resolve("err.csv")), List.of("p", "n")),
            line -> {});
    return new AsyncLoader(this::record, 1, 1, errors);
  }

  private CompletableFuture<?> record(Statement<?> statement) {
    sent.add(
        statement instanceof BatchStatement b
            ? StreamSupport.stream(b.spliterator(), false)
                .map(s -> ((SimpleStatement) s).getQuery())
                .toList()
            : List.of(((SimpleStatement) statement).getQuery()));
    return CompletableFuture.completedFuture(null);
  }

  /** Partitions 0-5 with 1 row each and partition 9 with 4 rows; replica = partition % 2. */
  private void load(int minBatchRows) throws InterruptedException {
    AsyncLoader loader = loader();
    PartitionBatcher batcher =
        new PartitionBatcher(
            loader,
            3,
            1 << 20,
            100,
            ConsistencyLevel.ONE,
            minBatchRows,
            () -> key -> minBatchRows == 0 ? null : "node" + (key.get(0) % 2));
    for (int p = 0; p < 6; p++) {
      batcher.add(row(p, 0), 10);
    }
    for (int n = 0; n < 4; n++) {
      batcher.add(row(9, n), 10);
    }
    batcher.flush();
    assertThat(loader.finish()).isEqualTo(10);
  }

  @Test
  void should_keep_one_partition_per_batch_without_minbatchsize() throws InterruptedException {
    load(0);
    // partition 9 reached MAXBATCHSIZE=3 at add time; the rest go one partition each at flush
    assertThat(sent)
        .containsExactly(
            List.of("p9 r0", "p9 r1", "p9 r2"),
            List.of("p0 r0"),
            List.of("p1 r0"),
            List.of("p2 r0"),
            List.of("p3 r0"),
            List.of("p4 r0"),
            List.of("p5 r0"),
            List.of("p9 r3"));
  }

  @Test
  void should_pool_partitions_of_at_most_minbatchsize_rows_by_replica_up_to_maxbatchsize()
      throws InterruptedException {
    load(1);
    assertThat(sent)
        .containsExactly(
            List.of("p9 r0", "p9 r1", "p9 r2"),
            // node1's pool (p1, p3, p5) is full when p9's last row comes: sent then
            List.of("p1 r0", "p3 r0", "p5 r0"),
            // at the end of the window: node0's pool, then node1's new one
            List.of("p0 r0", "p2 r0", "p4 r0"),
            List.of("p9 r3"));
  }

  @Test
  void should_pool_at_most_ten_partitions_a_batch_whatever_maxbatchsize_allows()
      throws InterruptedException {
    // 25 single-row partitions on one replica, MAXBATCHSIZE=100: Cassandra warns about unlogged
    // batches across more than 10 partitions, so pools hold 10, 10 and 5
    AsyncLoader loader = loader();
    PartitionBatcher batcher =
        new PartitionBatcher(
            loader, 100, 1 << 20, 1000, ConsistencyLevel.ONE, 10, () -> key -> "node");
    for (int p = 0; p < 25; p++) {
      batcher.add(row(p, 0), 10);
    }
    batcher.flush();
    assertThat(loader.finish()).isEqualTo(25);
    assertThat(sent).extracting(List::size).containsExactly(10, 10, 5);
    assertThat(sent.get(0)).startsWith("p0 r0", "p1 r0").endsWith("p9 r0");
    assertThat(sent.get(2)).containsExactly("p20 r0", "p21 r0", "p22 r0", "p23 r0", "p24 r0");
  }
}
