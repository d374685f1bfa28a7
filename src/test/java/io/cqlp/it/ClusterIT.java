package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.local.LocalCluster;
import io.cqlp.testing.DuckDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY on a real three-node cluster (keyspace with replication factor 3, {@value #ROWS} rows):
 * scans spread over the nodes, an export at CONSISTENCY ONE that survives a killed node, an export
 * at CONSISTENCY ALL that fails whole with a node down and resumes once it is back, and an import
 * at CONSISTENCY QUORUM during which a node is killed. Every file is checked with DuckDB against
 * the source file DuckDB wrote (the oracle), which is also what the table was loaded from.
 */
@ExtendWith(ClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final int ROWS = 300_000;
  private static final int PER_PARTITION = 20;

  /** The node that is killed or stopped: not the contact point the shell is given. */
  private static final int VICTIM = 1;

  private static final Pattern BY_HOST = Pattern.compile("requests by host: ([0-9., ]+)\\.");
  private static final Pattern HOST_COUNT = Pattern.compile("(127\\.0\\.0\\.[0-9]+) ([0-9]+)");

  private static Path dir;
  private static Path source;
  private final LocalCluster cluster;

  ClusterIT(LocalCluster cluster) {
    this.cluster = cluster;
  }

  @BeforeAll
  static void load(LocalCluster cluster, CqlSession session) throws Exception {
    dir = Files.createDirectories(Shell.home().resolve("target/it/cluster"));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
    source = dir.resolve("source.parquet");
    try (DuckDb duck = new DuckDb()) {
      // 20 rows per partition, in partition order: COPY FROM writes each partition as one batch.
      duck.execute(
          "COPY (SELECT range // "
              + PER_PARTITION
              + " AS id, (range % "
              + PER_PARTITION
              + ")::INTEGER AS c, 'value ' || range AS v, range * 0.5 AS x FROM range("
              + ROWS
              + ")) TO "
              + DuckDb.literal(source)
              + " (FORMAT parquet)");
    }
    session.execute(
        "CREATE KEYSPACE cl WITH replication = {'class': 'SimpleStrategy', 'replication_factor':"
            + " 3}");
    session.execute(
        "CREATE TABLE cl.src (id bigint, c int, v text, x double, PRIMARY KEY (id, c))");
    session.execute(
        "CREATE TABLE cl.dst (id bigint, c int, v text, x double, PRIMARY KEY (id, c))");
    // Loaded at ALL, so that every replica holds every row whichever one a read at ONE asks.
    Shell.Result loaded = shell(cluster, "CONSISTENCY ALL; COPY cl.src FROM '" + source + "'");
    assertThat(loaded.exitCode()).as(loaded.toString()).isZero();
    assertThat(loaded.out()).contains(ROWS + " rows imported from 1 files");
  }

  @Test
  @Order(1)
  void scans_are_spread_over_all_three_nodes() throws Exception {
    Path target = dir.resolve("spread.parquet");
    Shell.Result export =
        Shell.run(
            cluster.hosts().get(0),
            cluster.port(),
            "--debug",
            "-e",
            "COPY cl.src TO '" + target + "'");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    Map<String, Long> byHost = requestsByHost(export.out());
    assertThat(byHost.keySet())
        .as(export.out())
        .containsExactlyInAnyOrderElementsOf(cluster.hosts());
    long total = byHost.values().stream().mapToLong(Long::longValue).sum();
    System.out.println("requests of a COPY TO by host: " + byHost);
    for (Map.Entry<String, Long> host : byHost.entrySet()) {
      assertThat(host.getValue() * 5)
          .as("%s ran %d of %d requests", host.getKey(), host.getValue(), total)
          .isGreaterThanOrEqualTo(total);
    }
    // --debug logs the plan and where each range ran.
    assertThat(export.err())
        .contains("scan plan: ", "replicas 127.0.0.2, 127.0.0.3, 127.0.0.4", " ran on 127.0.0.");
    assertExactRows(target);
  }

  @Test
  @Order(2)
  void an_export_at_one_survives_a_node_killed_mid_export() throws Exception {
    Path target = dir.resolve("one.parquet");
    Running running =
        start(
            "--debug",
            "COPY cl.src TO '"
                + target
                + "' WITH CHUNKSIZE=2000 AND PAGESIZE=500"
                + " AND MAXREQUESTS=2");
    Process export = running.process();
    CopyToFaultIT.waitForPartBytes(dir.resolve("one.parquet.cqlp-checkpoint"), 40_000, export);
    long killedAt = System.nanoTime();
    cluster.kill(VICTIM);
    try {
      assertThat(export.waitFor(180, TimeUnit.SECONDS)).isTrue();
      String out = running.outText();
      String err = running.errText();
      assertThat(export.exitValue()).as(out + err).isZero();
      assertThat(out)
          .contains(ROWS + " rows exported to 1 files")
          .containsPattern(" [1-9][0-9]* token ranges?" + " retried; requests by host: ");
      // The page in flight on the killed node went on at another replica, from the same paging
      // state.
      assertThat(err)
          .containsPattern(
              "127\\.0\\.0\\.3 failed \\([A-Za-z]+\\), the driver went on at"
                  + " 127\\.0\\.0\\.[24]|attempt 1 failed on [0-9.?, ]+ \\([A-Za-z]+\\); retrying"
                  + " from its paging state");
      assertThat(err).doesNotContain("\tat ");
      System.out.printf(
          "export at ONE went on %.1f s after the kill: %s%n",
          (System.nanoTime() - killedAt) / 1e9, out.trim());
      assertExactRows(target);
    } finally {
      cluster.startAgain(VICTIM);
    }
  }

  @Test
  @Order(3)
  void an_export_at_all_fails_whole_with_a_node_down_and_resumes_once_it_is_back()
      throws Exception {
    Path target = dir.resolve("all.parquet");
    Path checkpoint = dir.resolve("all.parquet.cqlp-checkpoint");
    String copy = "CONSISTENCY ALL; COPY cl.src TO '" + target + "'";
    Path captured = dir.resolve("captured.parquet");
    cluster.stop(VICTIM);
    Shell.Result failed;
    Shell.Result capture;
    try {
      failed = shell(copy);
      // CAPTURE's queries run at the shell's consistency too: ONE answers, ALL cannot.
      capture =
          shell(
              "CAPTURE PARQUET '"
                  + captured
                  + "'; CONSISTENCY ONE; SELECT id, c FROM cl.src WHERE id = 7;"
                  + " CONSISTENCY ALL; SELECT id, c FROM cl.src WHERE id = 8; CAPTURE OFF");
    } finally {
      cluster.startAgain(VICTIM);
    }
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
    System.out.println("export at ALL with a node down: " + failed.err().trim());
    assertThat(failed.errLines()).as(failed.err()).hasSize(1);
    assertThat(failed.errLines().get(0))
        .as(failed.err())
        .contains("COPY TO cl.src failed: ", "ALL", "kept in '" + checkpoint + "'", "RESUME=true");
    assertThat(failed.err()).doesNotContain("\tat ");
    assertThat(target).doesNotExist();
    assertThat(capture.exitCode()).as(capture.toString()).isEqualTo(2);
    assertThat(capture.errLines()).as(capture.err()).hasSize(1);
    assertThat(capture.errLines().get(0)).contains("consistency ALL");
    try (DuckDb duck = new DuckDb()) {
      String file = "read_parquet(" + DuckDb.literal(captured) + ")";
      assertThat(duck.longValue("SELECT count(*) FROM " + file + " WHERE id = 7"))
          .isEqualTo(PER_PARTITION);
      assertThat(duck.longValue("SELECT count(*) FROM " + file)).isEqualTo(PER_PARTITION);
    }

    Shell.Result resumed = shell(copy + " WITH RESUME=true");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.out()).contains(ROWS + " rows exported to 1 files");
    assertThat(checkpoint).doesNotExist();
    assertExactRows(target);
  }

  @Test
  @Order(4)
  void an_import_at_quorum_with_a_node_killed_loses_no_row(CqlSession session) throws Exception {
    Path errFile = dir.resolve("dst.err");
    // One attempt per write: the writes in flight to the killed coordinator fail for good and go to
    // the ERRFILE (with the default five attempts the driver's retries land every row).
    Running running =
        start(
            "CONSISTENCY QUORUM; COPY cl.dst FROM '"
                + source
                + "' WITH MAXINSERTERRORS="
                + ROWS
                + " AND MAXATTEMPTS=1 AND ERRFILE='"
                + errFile
                + "'");
    Process load = running.process();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (session.execute("SELECT id FROM cl.dst LIMIT 1").one() == null) {
      assertThat(load.isAlive()).as("the import is still running").isTrue();
      assertThat(System.nanoTime()).as("the import wrote no row").isLessThan(deadline);
      Thread.sleep(50);
    }
    Thread.sleep(1000);
    assertThat(load.isAlive()).as("the import is still running when the node is killed").isTrue();
    cluster.kill(VICTIM);
    String out;
    String err;
    try {
      assertThat(load.waitFor(300, TimeUnit.SECONDS)).isTrue();
      out = running.outText();
      err = running.errText();
    } finally {
      cluster.startAgain(VICTIM);
    }
    Matcher line =
        Pattern.compile(
                "([0-9]+) rows imported from 1 files in [0-9.]+ seconds \\(0 skipped"
                    + "(?:, ([0-9]+) parse errors, ([0-9]+) insert errors)?")
            .matcher(out);
    assertThat(line.find()).as(out + err).isTrue();
    long imported = Long.parseLong(line.group(1));
    long failed =
        line.group(2) == null ? 0 : Long.parseLong(line.group(2)) + Long.parseLong(line.group(3));
    System.out.println(
        "import at QUORUM with a node killed: " + imported + " imported, " + failed + " failed");
    assertThat(imported + failed).as(out + err).isEqualTo(ROWS);
    assertThat(failed).as("rows whose write failed with the node: " + out + err).isPositive();
    assertThat(load.exitValue()).as(out + err).isEqualTo(2);
    assertThat(Files.readAllLines(errFile)).hasSize((int) failed);
    Shell.Result again =
        shell("CONSISTENCY QUORUM; COPY cl.dst FROM '" + errFile + "' WITH FORMAT='JSON'");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains(failed + " rows imported from 1 files");
    Path target = dir.resolve("dst.parquet");
    Shell.Result export = shell("CONSISTENCY QUORUM; COPY cl.dst TO '" + target + "'");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertExactRows(target);
  }

  /** The table's rows, exactly: the same (id, c, v, x) as the source file, each once. */
  private static void assertExactRows(Path file) throws Exception {
    try (DuckDb duck = new DuckDb()) {
      String got = "read_parquet(" + DuckDb.literal(file) + ")";
      String want = "read_parquet(" + DuckDb.literal(source) + ")";
      assertThat(duck.longValue("SELECT count(*) FROM " + got)).isEqualTo(ROWS);
      assertThat(duck.longValue("SELECT count(DISTINCT (id, c)) FROM " + got)).isEqualTo(ROWS);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT id, c, v, x FROM "
                      + want
                      + " EXCEPT SELECT id, c, v, x FROM "
                      + got
                      + ")"))
          .isZero();
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT id, c, v, x FROM "
                      + got
                      + " EXCEPT SELECT id, c, v, x FROM "
                      + want
                      + ")"))
          .isZero();
    }
  }

  /** The per-host request counts of a COPY TO's summary line. */
  private static Map<String, Long> requestsByHost(String out) {
    Matcher line = BY_HOST.matcher(out);
    assertThat(line.find()).as(out).isTrue();
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher host = HOST_COUNT.matcher(line.group(1));
    while (host.find()) {
      counts.put(host.group(1), Long.parseLong(host.group(2)));
    }
    return counts;
  }

  private Shell.Result shell(String statements) throws Exception {
    return shell(cluster, statements);
  }

  private static Shell.Result shell(LocalCluster cluster, String statements) throws Exception {
    return Shell.run(cluster.hosts().get(0), cluster.port(), "-e", statements);
  }

  /** A shell started in the background, its output going to files. */
  private record Running(Process process, Path out, Path err) {
    String outText() throws java.io.IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    String errText() throws java.io.IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }
  }

  /** Starts the shell on {@code statements} and returns at once. */
  private Running start(String statements) throws Exception {
    return start(null, statements);
  }

  /** Starts the shell with an option (or null) on {@code statements} and returns at once. */
  private Running start(String option, String statements) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Shell.home().resolve("bin/cqlp").toString(),
                cluster.hosts().get(0),
                String.valueOf(cluster.port())));
    if (option != null) {
      command.add(option);
    }
    command.addAll(List.of("-e", statements));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Shell.home().toFile());
    builder.environment().put("HOME", Files.createTempDirectory("cqlp-home").toString());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path out = Files.createTempFile("cqlp-out", ".txt");
    Path err = Files.createTempFile("cqlp-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    out.toFile().deleteOnExit();
    err.toFile().deleteOnExit();
    return new Running(builder.start(), out, err);
  }
}
