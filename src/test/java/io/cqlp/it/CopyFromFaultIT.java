package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node goes down in the middle of a COPY FROM of 200,000 rows: the shell gives up once
 * MAXINSERTERRORS is exceeded with one clear line and exit status 2, the ERRFILE holds every row
 * that was not acknowledged, and once the node is back, importing the ERRFILE leaves the table with
 * exactly the input's rows.
 *
 * <p>The test starts and stops a node of its own (the run's shared node is never stopped).
 */
class CopyFromFaultIT {
  private static final int ROWS = 200_000;
  private static final Pattern EXCEEDED =
      Pattern.compile(
          "^<stdin>:1:Exceeded maximum number of insert errors 100; (\\d+) rows imported from 1"
              + " files in [0-9.]+ seconds \\(0 skipped, 0 parse errors, (\\d+) insert errors,"
              + " .*\\)\\. (\\d+) rows not imported \\((\\d+) of them never sent\\) are in (.+):"
              + " fix the cause, then COPY fault\\.t FROM '(.+)' WITH FORMAT='json'\\.$");

  private static LocalCassandra node;
  private static Path dir;
  private static Path input;

  @BeforeAll
  static void setUp() throws Exception {
    dir = Shell.home().resolve("target/it/copy-from-fault");
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    Files.createDirectories(dir);
    node =
        LocalCassandra.start(
            dir.resolve("node"), LocalCassandra.defaultLibDir(), Duration.ofMinutes(5));
    try (CqlSession session = node.openSession()) {
      session.execute(
          "CREATE KEYSPACE fault WITH replication = {'class': 'SimpleStrategy',"
              + " 'replication_factor': 1}");
      session.execute("CREATE TABLE fault.t (id int PRIMARY KEY, v text, n bigint)");
    }
    input = dir.resolve("input.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT i::INTEGER AS id, 'v' || i AS v, i * 3 AS n FROM range("
              + ROWS
              + ") r(i))"
              + " TO "
              + DuckDb.literal(input)
              + " (FORMAT parquet)");
    }
  }

  @AfterAll
  static void tearDown() {
    if (node != null) {
      node.stop();
    }
  }

  private static BitSet ids(CqlSession session) {
    BitSet ids = new BitSet(ROWS);
    for (Row row :
        session.execute(SimpleStatement.newInstance("SELECT id FROM fault.t").setPageSize(5000))) {
      ids.set(row.getInt(0));
    }
    return ids;
  }

  @Test
  void should_stop_with_one_line_when_the_node_goes_down_and_finish_from_the_errfile()
      throws Exception {
    Path errFile = dir.resolve("t.err");
    CompletableFuture<Shell.Result> copy =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Shell.run(
                    node.host(),
                    node.port(),
                    "-e",
                    "COPY fault.t FROM '"
                        + input
                        + "' WITH MAXINSERTERRORS=100 AND ERRFILE='"
                        + errFile
                        + "'");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try (CqlSession session = node.openSession()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (session.execute("SELECT id FROM fault.t LIMIT 1").one() == null) {
        assertThat(System.nanoTime()).as("the import writes within 60 s").isLessThan(deadline);
        assertThat(copy).isNotDone();
        Thread.sleep(100);
      }
    }
    Thread.sleep(1500);
    assertThat(copy).as("the import is still running when the node stops").isNotDone();
    node.stop();
    Shell.Result result = copy.get(5, TimeUnit.MINUTES);

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("\tat ", "Exception in thread");
    List<String> lines = result.errLines();
    assertThat(lines.subList(0, lines.size() - 1))
        .isNotEmpty()
        .allMatch(
            l ->
                l.matches("Failed to import \\d+ rows: \\w+ - .*,  given up after \\d+ attempts?")
                    || l.startsWith("More rows failed; "));
    String last = lines.get(lines.size() - 1);
    Matcher m = EXCEEDED.matcher(last);
    assertThat(m.matches()).as(last).isTrue();
    long imported = Long.parseLong(m.group(1));
    long insertErrors = Long.parseLong(m.group(2));
    long notImported = Long.parseLong(m.group(3));
    long neverSent = Long.parseLong(m.group(4));
    assertThat(m.group(5)).isEqualTo(errFile.toString());
    assertThat(imported).isBetween(1L, ROWS - 1L);
    assertThat(insertErrors).isGreaterThan(100);
    assertThat(imported + notImported).isEqualTo(ROWS);
    assertThat(insertErrors + neverSent).isEqualTo(notImported);
    assertThat(Files.readAllLines(errFile)).hasSize((int) notImported);

    node.startAgain();
    Path resume = dir.resolve("resume.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT * FROM read_json("
              + DuckDb.literal(errFile)
              + ", format = 'newline_delimited',"
              + " columns = {id: 'INTEGER', v: 'VARCHAR', n: 'BIGINT'})) TO "
              + DuckDb.literal(resume)
              + " (FORMAT parquet)");
      assertThat(duck.longValue("SELECT count(DISTINCT id) FROM " + DuckDb.literal(resume)))
          .isEqualTo(notImported);
    }
    try (CqlSession session = node.openSession()) {
      BitSet before = ids(session);
      BitSet fromErrFile = new BitSet(ROWS);
      try (DuckDb duck = new DuckDb()) {
        for (List<Object> row : duck.rows("SELECT id FROM " + DuckDb.literal(resume))) {
          fromErrFile.set((Integer) row.get(0));
        }
      }
      // Every acknowledged row is in the table; a write whose answer was lost with the node may be
      // there too, and is also in the ERRFILE (writing it again is harmless).
      assertThat(before.cardinality()).isBetween((int) imported, (int) imported + 64);
      BitSet union = (BitSet) before.clone();
      union.or(fromErrFile);
      assertThat(union.cardinality()).isEqualTo(ROWS);
    }

    Shell.Result resumed =
        Shell.run(node.host(), node.port(), "-e", "COPY fault.t FROM '" + resume + "'");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.out()).startsWith(notImported + " rows imported from 1 files in ");

    try (CqlSession session = node.openSession()) {
      BitSet after = new BitSet(ROWS);
      long rows = 0;
      for (Row row :
          session.execute(
              SimpleStatement.newInstance("SELECT id, v, n FROM fault.t").setPageSize(5000))) {
        int id = row.getInt("id");
        assertThat(row.getString("v")).isEqualTo("v" + id);
        assertThat(row.getLong("n")).isEqualTo(id * 3L);
        after.set(id);
        rows++;
      }
      assertThat(rows).isEqualTo(ROWS);
      assertThat(after.cardinality()).isEqualTo(ROWS);
      assertThat(after.nextSetBit(ROWS)).isEqualTo(-1);
    }
  }
}
