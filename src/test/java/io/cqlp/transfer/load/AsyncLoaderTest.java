package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import io.cqlp.storage.Location;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncLoaderTest {
  @TempDir Path dir;

  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requests = new AtomicInteger();

  private static LoadRow row(int id, boolean bad) {
    SimpleStatement statement =
        SimpleStatement.builder("INSERT " + (bad ? "bad" : "ok") + " " + id)
            .setRoutingKey(ByteBuffer.wrap(new byte[] {1}))
            .build();
    return new LoadRow(statement, new Object[] {id}, "row " + id);
  }

  /** Cassandra's behaviour for a request: refused if any of its statements is a bad one. */
  private CompletionStage<?> server(Statement<?> statement) {
    requests.incrementAndGet();
    List<String> queries =
        statement instanceof BatchStatement b
            ? StreamSupport.stream(b.spliterator(), false)
                .map(s -> ((SimpleStatement) s).getQuery())
                .toList()
            : List.of(((SimpleStatement) statement).getQuery());
    return queries.stream().anyMatch(q -> q.contains("bad"))
        ? CompletableFuture.failedFuture(new InvalidQueryException(null, "Key may not be empty"))
        : CompletableFuture.completedFuture(null);
  }

  private ImportErrors errors(Path file, long maxInsertErrors) {
    return new ImportErrors(
        new ErrorBudget(-1, maxInsertErrors),
        new ErrorFile(Location.local(file), List.of("id")),
        lines::add);
  }

  private static BatchStatement batch(List<LoadRow> rows) {
    List<BatchableStatement<?>> statements =
        rows.stream().<BatchableStatement<?>>map(LoadRow::statement).toList();
    return BatchStatement.newInstance(
        com.datastax.oss.driver.api.core.cql.BatchType.UNLOGGED, statements);
  }

  @Test
  void should_split_a_refused_batch_and_fail_only_its_bad_rows() throws Exception {
    Path file = dir.resolve("e.err");
    ImportErrors errors = errors(file, -1);
    AsyncLoader loader = new AsyncLoader(this::server, 4, 5, errors);
    List<LoadRow> rows = IntStream.range(0, 10).mapToObj(i -> row(i, i == 3 || i == 7)).toList();
    loader.submit(batch(rows), rows);
    assertThat(loader.finish()).isEqualTo(8);
    errors.file().close();
    assertThat(errors.budget().insertErrors()).isEqualTo(2);
    assertThat(Files.readAllLines(file)).containsExactlyInAnyOrder("row 3", "row 7");
    assertThat(requests.get()).isEqualTo(1 + 10);
    assertThat(lines)
        .hasSize(2)
        .allMatch(
            l ->
                l.equals(
                    "Failed to import 1 rows: InvalidRequest - Key may not be empty,  given up"
                        + " after 1 attempt"));
  }

  @Test
  void should_retry_a_retryable_error_up_to_max_attempts_then_fail_the_whole_batch()
      throws Exception {
    Path file = dir.resolve("e.err");
    ImportErrors errors = errors(file, -1);
    Function<Statement<?>, CompletionStage<?>> down =
        s -> {
          requests.incrementAndGet();
          return CompletableFuture.failedFuture(new NoNodeAvailableException());
        };
    AsyncLoader loader = new AsyncLoader(down, 4, 3, errors);
    List<LoadRow> rows = List.of(row(1, false), row(2, false));
    loader.submit(batch(rows), rows);
    assertThat(loader.finish()).isZero();
    errors.file().close();
    assertThat(requests.get()).isEqualTo(3);
    assertThat(errors.budget().insertErrors()).isEqualTo(2);
    assertThat(Files.readAllLines(file)).containsExactly("row 1", "row 2");
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("Failed to import 2 rows: NoHostAvailable - ")
        .endsWith(",  given up after 3 attempts");
  }

  @Test
  void should_succeed_when_a_retry_gets_through() throws Exception {
    ImportErrors errors = errors(dir.resolve("e.err"), -1);
    Function<Statement<?>, CompletionStage<?>> flaky =
        s ->
            requests.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new NoNodeAvailableException())
                : CompletableFuture.completedFuture(null);
    AsyncLoader loader = new AsyncLoader(flaky, 1, 5, errors);
    loader.submit(row(1, false).statement(), List.of(row(1, false)));
    assertThat(loader.finish()).isEqualTo(1);
    assertThat(requests.get()).isEqualTo(3);
    assertThat(errors.budget().insertErrors()).isZero();
    assertThat(dir.resolve("e.err")).doesNotExist();
  }

  @Test
  void should_give_up_retries_once_the_budget_is_exceeded_and_send_nothing_more() throws Exception {
    Path file = dir.resolve("e.err");
    ImportErrors errors = errors(file, 0);
    Function<Statement<?>, CompletionStage<?>> down =
        s -> {
          requests.incrementAndGet();
          return CompletableFuture.failedFuture(new NoNodeAvailableException());
        };
    AsyncLoader loader = new AsyncLoader(down, 1, 5, errors);
    errors.budget().addInsertErrors(1);
    loader.submit(row(1, false).statement(), List.of(row(1, false)));
    assertThat(loader.finish()).isZero();
    errors.file().close();
    assertThat(requests.get()).isZero();
    assertThat(errors.notAttempted()).isEqualTo(1);
    assertThat(errors.budget().insertErrors()).isEqualTo(1);
    assertThat(Files.readAllLines(file)).containsExactly("row 1");
  }

  @Test
  void should_not_retry_a_write_in_flight_once_stopped() throws Exception {
    ImportErrors errors = errors(dir.resolve("e.err"), -1);
    AsyncLoader[] loader = new AsyncLoader[1];
    Function<Statement<?>, CompletionStage<?>> down =
        s -> {
          requests.incrementAndGet();
          loader[0].stop();
          return CompletableFuture.failedFuture(new NoNodeAvailableException());
        };
    loader[0] = new AsyncLoader(down, 1, 5, errors);
    loader[0].submit(row(1, false).statement(), List.of(row(1, false)));
    assertThat(loader[0].finish()).isZero();
    assertThat(requests.get()).isEqualTo(1);
    assertThat(errors.budget().insertErrors()).isEqualTo(1);
  }

  @Test
  void should_send_waiting_rows_as_one_batch_per_partition_and_hand_back_the_rest_on_discard()
      throws Exception {
    List<Statement<?>> sent = Collections.synchronizedList(new ArrayList<>());
    ImportErrors errors = errors(dir.resolve("e.err"), -1);
    AsyncLoader loader =
        new AsyncLoader(
            s -> {
              sent.add(s);
              return CompletableFuture.completedFuture(null);
            },
            4,
            5,
            errors);
    PartitionBatcher batcher =
        new PartitionBatcher(loader, 3, 1 << 20, 100, ConsistencyLevel.ONE, 0, () -> key -> null);
    for (int i = 0; i < 4; i++) {
      batcher.add(row(i, false), 10);
    }
    List<LoadRow> unsent = new ArrayList<>();
    batcher.discard(unsent::add);
    assertThat(loader.finish()).isEqualTo(3);
    assertThat(sent).singleElement().isInstanceOf(BatchStatement.class);
    assertThat(unsent).extracting(LoadRow::record).containsExactly("row 3");
  }
}
