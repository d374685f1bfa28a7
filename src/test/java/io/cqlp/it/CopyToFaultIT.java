package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * COPY TO when the node goes away in the middle of an export: the scans are retried, then the
 * export stops with one line and exit status 2, nothing at the target and a checkpoint beside it;
 * once the node is back, {@code RESUME=true} finishes the file with every row exactly once. Uses a
 * node of its own (it is stopped and started again), not the shared one.
 */
class CopyToFaultIT {
  private static final int ROWS = 200_000;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void startNode() throws Exception {
    Path home = Shell.home();
    node =
        LocalCassandra.start(
            home.resolve("target/it-fault-node"),
            LocalCassandra.defaultLibDir(),
            LocalCassandra.DEFAULT_START_TIMEOUT,
            768);
    dir = Files.createDirectories(home.resolve("target/it/fault"));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
    try (CqlSession session = node.openSession()) {
      session.execute(
          "CREATE KEYSPACE fault WITH replication = {'class': 'SimpleStrategy',"
              + " 'replication_factor': 1}");
      session.execute("CREATE TABLE fault.t (id bigint PRIMARY KEY, v text)");
      PreparedStatement insert = session.prepare("INSERT INTO fault.t (id, v) VALUES (?, ?)");
      // Unlogged batches of 50 rows (under the 5 KiB batch warning): a 2-core machine loads them
      // far faster than single rows.
      Semaphore inFlight = new Semaphore(32);
      List<CompletableFuture<?>> last = new ArrayList<>();
      for (long id = 0; id < ROWS; id += 50) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        for (long i = id; i < Math.min(ROWS, id + 50); i++) {
          batch.addStatement(insert.bind(i, "value " + i));
        }
        inFlight.acquire();
        CompletableFuture<?> f = session.executeAsync(batch.build()).toCompletableFuture();
        f.whenComplete((r, e) -> inFlight.release());
        if (id >= ROWS - 1600) {
          last.add(f);
        }
      }
      inFlight.acquire(32);
      for (CompletableFuture<?> f : last) {
        f.get();
      }
    }
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.stop();
    }
  }

  @Test
  void should_fail_cleanly_when_the_node_stops_and_resume_without_duplicates() throws Exception {
    Path target = dir.resolve("t.parquet");
    Path checkpoint = dir.resolve("t.parquet.cqlp-checkpoint");
    String copy =
        "COPY fault.t TO '" + target + "' WITH CHUNKSIZE=2000 AND PAGESIZE=500 AND MAXREQUESTS=2";

    Process export = start(copy);
    waitForPartBytes(checkpoint, 40_000, export);
    node.stop();
    assertThat(export.waitFor(60, TimeUnit.SECONDS)).as("cqlp ends after its retries").isTrue();
    String err = new String(export.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    assertThat(export.exitValue()).as(err).isEqualTo(2);
    assertThat(lines).as(err).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("<stdin>:1:COPY TO fault.t failed: ")
        .containsPattern("\\d+ token ranges? failed after 5 attempts, \\(")
        .contains("NoHostAvailable", "kept in '" + checkpoint + "'", "RESUME=true");
    assertThat(err).doesNotContain("\tat ", "Exception in thread");
    assertThat(target).doesNotExist();
    assertThat(checkpoint.resolve("checkpoint.json")).exists();
    try (Stream<Path> files = Files.list(checkpoint)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("checkpoint.json", "part-00000-t.parquet");
    }

    node.startAgain();
    Shell.Result resumed = Shell.run(node.host(), node.port(), "-e", copy + " AND RESUME=true");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.out()).contains(ROWS + " rows exported");
    assertThat(checkpoint).doesNotExist();
    try (DuckDb duck = new DuckDb()) {
      String file = "read_parquet(" + DuckDb.literal(target) + ")";
      assertThat(duck.longValue("SELECT count(*) FROM " + file)).isEqualTo(ROWS);
      assertThat(duck.longValue("SELECT count(DISTINCT id) FROM " + file)).isEqualTo(ROWS);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT range AS id FROM range("
                      + ROWS
                      + ") EXCEPT SELECT id FROM "
                      + file
                      + ")"))
          .isZero();
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT id FROM "
                      + file
                      + " EXCEPT SELECT range FROM range("
                      + ROWS
                      + "))"))
          .isZero();
      assertThat(duck.longValue("SELECT count(*) FROM " + file + " WHERE v <> 'value ' || id"))
          .isZero();
    }
  }

  private static Process start(String statement) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Shell.home().resolve("bin/cqlp").toString(),
                node.host(),
                String.valueOf(node.port()),
                "-e",
                statement)
            .directory(Shell.home().toFile());
    builder.environment().put("HOME", Files.createTempDirectory("cqlp-home").toString());
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return builder.start();
  }

  /**
   * Waits until the staged part file in the checkpoint directory holds at least {@code bytes} (also
   * used by {@link ClusterIT}).
   */
  static void waitForPartBytes(Path checkpoint, long bytes, Process export) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(export.isAlive()).as("the export is still running").isTrue();
      if (Files.isDirectory(checkpoint)) {
        try (Stream<Path> files = Files.list(checkpoint)) {
          long size = files.mapToLong(p -> p.toFile().length()).sum();
          if (size >= bytes) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the export never showed progress in " + checkpoint);
  }
}
