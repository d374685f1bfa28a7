package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The prompt's interactive features through a real terminal (tmux), in two runs of the shell: TAB
 * completion of a table and of a COPY option, EXPAND output, the live progress line of a COPY TO,
 * Ctrl-C cancelling a long SELECT without leaving the shell, and history recalled with the Up arrow
 * in the next run.
 */
@ExtendWith(CassandraExtension.class)
class TerminalIT {
  private static final int PARTITIONS = 300;
  private static final int ROWS_PER_PARTITION = 1000;

  @Test
  void should_complete_show_progress_cancel_on_ctrl_c_expand_and_recall_history_in_the_next_run()
      throws Exception {
    String ks = CassandraExtension.createKeyspace(getClass());
    CqlSession session = CassandraExtension.session();
    session.execute("CREATE TABLE " + ks + ".flights (id int PRIMARY KEY, origin text, dest text)");
    session.execute("INSERT INTO " + ks + ".flights (id, origin, dest) VALUES (1, 'JFK', 'LAX')");
    session.execute("INSERT INTO " + ks + ".flights (id, origin, dest) VALUES (2, 'ORD', 'SEA')");
    session.execute(
        "INSERT INTO " + ks + ".flights (id, origin, dest) VALUES (3, 'after-cancel-ok', 'BOS')");
    long loading = System.nanoTime();
    loadBigTable(session, ks);
    System.out.printf(
        "TerminalIT: %,d rows loaded in %.1f s%n",
        PARTITIONS * ROWS_PER_PARTITION, (System.nanoTime() - loading) / 1e9);
    LocalCassandra node = CassandraExtension.node();
    Path home = Files.createTempDirectory("cqlp-terminal-home");
    Path dir = Files.createTempDirectory("cqlp-terminal-files");
    String command =
        "env HOME="
            + home
            + " "
            + Shell.home().resolve("bin/cqlp")
            + " "
            + node.host()
            + " "
            + node.port();
    String lastStatement = "SELECT origin FROM " + ks + ".flights WHERE id = 3;";

    try (Tmux terminal = new Tmux("cqlp-terminal-" + ProcessHandle.current().pid(), command)) {
      terminal.waitFor("cqlp> ", 90);

      terminal.type("SELECT * FROM " + ks + ".fli", "Tab");
      terminal.waitFor("cqlp> SELECT * FROM " + ks + ".flights ", 10);
      terminal.type("WHERE id = 1;", "Enter");
      assertThat(terminal.waitFor("(1 rows)", 30)).contains("JFK", "LAX");

      terminal.type("COPY " + ks + ".flights TO '" + dir + "/x.parquet' WITH COMPRE", "Tab");
      terminal.waitFor("WITH COMPRESSION", 10);
      terminal.press("C-c");
      // Ctrl-C reaches the shell as a signal: keys typed right after it could land on the old line.
      Thread.sleep(1000);

      terminal.type("EXPAND ON;", "Enter");
      terminal.waitFor("EXPAND set to ON", 10);
      terminal.type("SELECT id, origin FROM " + ks + ".flights WHERE id = 2;", "Enter");
      String expanded = terminal.waitFor("| ORD", 30);
      assertThat(expanded)
          .contains("@ Row 1")
          .containsPattern(Pattern.compile("(?m)^\\s*origin \\| ORD\\s*$"));
      terminal.type("EXPAND OFF;", "Enter");
      terminal.waitFor("EXPAND set to OFF", 10);

      Path parquet = dir.resolve("big.parquet");
      terminal.type("COPY " + ks + ".big TO '" + parquet + "';", "Enter");
      String live = terminal.waitFor("Processed: ", 60);
      assertThat(live)
          .containsPattern("Processed: [0-9,]+ rows; Rate: [0-9,]+ rows/s; Elapsed: \\d+:\\d\\d");
      String done = terminal.waitFor(" rows exported to 1 files", 180);
      assertThat(done).contains((PARTITIONS * ROWS_PER_PARTITION) + " rows exported to 1 files");
      try (DuckDb duck = new DuckDb()) {
        assertThat(duck.longValue("SELECT count(*) FROM " + DuckDb.literal(parquet)))
            .isEqualTo(PARTITIONS * ROWS_PER_PARTITION);
      }

      terminal.type("PAGING OFF;", "Enter");
      terminal.waitFor("PAGING set to OFF", 10);
      terminal.type("SELECT * FROM " + ks + ".big;", "Enter");
      terminal.waitFor("value-", 60);
      terminal.press("C-c");
      Thread.sleep(1000);
      terminal.type(lastStatement, "Enter");
      String after = terminal.waitFor("after-cancel-ok", 60);
      assertThat(after).doesNotContain("(" + PARTITIONS * ROWS_PER_PARTITION + " rows)");
      terminal.press("C-d");
      terminal.waitForExit(30);
    }

    try (Tmux terminal = new Tmux("cqlp-terminal-2-" + ProcessHandle.current().pid(), command)) {
      terminal.waitFor("cqlp> ", 90);
      terminal.press("Up");
      terminal.waitFor("cqlp> " + lastStatement, 10);
      terminal.press("C-c");
      Thread.sleep(1000);
      terminal.press("C-d");
      terminal.waitForExit(30);
    }
  }

  /**
   * 300,000 rows in 300 partitions, written as unlogged batches of 100 rows of one partition; a
   * batch that times out on a busy machine is sent again (it is idempotent).
   */
  private static void loadBigTable(CqlSession session, String ks) throws Exception {
    session.execute("CREATE TABLE " + ks + ".big (p int, c int, v text, PRIMARY KEY (p, c))");
    PreparedStatement insert =
        session.prepare("INSERT INTO " + ks + ".big (p, c, v) VALUES (?, ?, ?)");
    Semaphore inFlight = new Semaphore(16);
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      for (int from = 0; from < ROWS_PER_PARTITION; from += 100) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        for (int c = from; c < from + 100; c++) {
          batch.addStatement(insert.bind(p, c, "value-" + p + "-" + c));
        }
        inFlight.acquire();
        writes.add(write(session, batch.build(), 3).whenComplete((r, e) -> inFlight.release()));
      }
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture<?>[]::new)).get();
  }

  private static CompletableFuture<?> write(CqlSession session, BatchStatement batch, int tries) {
    return session
        .executeAsync(batch)
        .toCompletableFuture()
        .handle(
            (r, e) ->
                e == null || tries <= 1
                    ? (e == null
                        ? CompletableFuture.completedFuture(r)
                        : CompletableFuture.failedFuture(e))
                    : write(session, batch, tries - 1))
        .thenCompose(f -> f);
  }
}
