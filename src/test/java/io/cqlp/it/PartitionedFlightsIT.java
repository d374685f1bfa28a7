package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import io.cqlp.command.CommandParser;
import io.cqlp.command.CopyTo;
import io.cqlp.format.Formats;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import io.cqlp.transfer.CopyToWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Partitioned datasets of real flights through the real shell: 210,000 rows of flights-3m.parquet
 * (70,000 from each of January, February and March 2001) go into Cassandra, out as {@code
 * origin=X/date.month=MM/part-NNNNN.parquet}, and back in with PARTITION_FILTER; DuckDB judges
 * every dataset. Also: MAX_FILE_SIZE rolling, and cancelled exports.
 */
@ExtendWith(CassandraExtension.class)
class PartitionedFlightsIT {
  private static final long SLICE = 70_000;
  private static final FlightSlices SLICES = new FlightSlices(SLICE, FlightSlices.THREE_MONTHS);

  private static String keyspace;
  private static LocalCassandra node;
  private static Path flights;
  private static Path dir;

  @BeforeAll
  static void load() throws Exception {
    flights = FlightSlices.file();
    keyspace = CassandraExtension.createKeyspace(PartitionedFlightsIT.class);
    node = CassandraExtension.node();
    FlightSlices.createTables(keyspace, List.of("flights", "filtered", "from_duckdb"));
    dir = Shell.home().resolve("target/it/partitioned-flights");
    deleteTree(dir);
    Files.createDirectories(dir);
    Shell.Result load = shell(SLICES.loadStatements("flights"));
    assertThat(load.err()).isEmpty();
    assertThat(load.out()).contains(SLICE + " rows imported from 1 files");
  }

  private static Shell.Result shell(String statements) throws Exception {
    return Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statements);
  }

  /** The distinct rows loaded, as DuckDB sees them in the source file. */
  private static void sourceView(DuckDb duck) throws Exception {
    SLICES.sourceView(
        duck, "origin, CAST(date AS TIMESTAMP) AS date, destination, delay, distance");
  }

  private static void datasetView(DuckDb duck, String name, Path dataset) throws Exception {
    duck.execute(
        "CREATE VIEW "
            + name
            + " AS SELECT origin, CAST(date AS TIMESTAMP) AS date, destination, delay,"
            + " distance, \"date.month\" AS vmonth, filename FROM read_parquet("
            + DuckDb.literal(dataset + "/**/*.parquet")
            + ", hive_partitioning = true, filename = true)");
  }

  private static String mismatches(String group, String left, String right) {
    String agg = "SELECT " + group + " AS g, count(*) n, sum(delay) d, sum(distance) m FROM ";
    return "SELECT count(*) FROM ("
        + agg
        + left
        + " GROUP BY g) l FULL OUTER JOIN ("
        + agg
        + right
        + " GROUP BY g) r USING (g) WHERE l.n IS DISTINCT FROM r.n OR l.d IS DISTINCT FROM r.d OR"
        + " l.m IS DISTINCT FROM r.m";
  }

  private static List<Path> dataFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .sorted()
          .toList();
    }
  }

  private static Shell.Result byOriginMonth;

  /** The table exported with PARTITION='origin,date.month', once for the tests that read it. */
  private static synchronized Path exportByOriginMonth() throws Exception {
    Path out = dir.resolve("by-origin-month");
    if (byOriginMonth == null) {
      byOriginMonth = shell("COPY flights TO '" + out + "/' WITH PARTITION='origin,date.month'");
    }
    return out;
  }

  @Test
  void should_export_a_hive_tree_by_origin_and_month_that_duckdb_reads_as_the_table()
      throws Exception {
    Path out = exportByOriginMonth();
    Shell.Result export = byOriginMonth;
    assertThat(export.err()).isEmpty();
    assertThat(out.resolve("_SUCCESS")).exists();
    List<Path> files = dataFiles(out);
    try (DuckDb duck = new DuckDb()) {
      sourceView(duck);
      datasetView(duck, "exported", out);
      long rows = duck.longValue("SELECT count(*) FROM source");
      assertThat(rows).isBetween(3 * SLICE - 100, 3 * SLICE);
      assertThat(export.out()).contains(rows + " rows exported to " + files.size() + " files");
      assertThat(duck.longValue("SELECT count(*) FROM exported")).isEqualTo(rows);
      assertThat(duck.longValue(mismatches("origin", "source", "exported"))).isZero();
      assertThat(duck.longValue(mismatches("month(date)", "source", "exported"))).isZero();
      assertThat(duck.longValue("SELECT count(DISTINCT month(date)) FROM exported")).isEqualTo(3);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM exported WHERE vmonth <> lpad(CAST(month(date) AS VARCHAR),"
                      + " 2, '0')"))
          .isZero();
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT origin, date, destination, delay, distance FROM"
                      + " exported EXCEPT SELECT * FROM source)"))
          .isZero();

      Set<String> tree = new HashSet<>();
      for (Path f : files) {
        tree.add(out.relativize(f.getParent()).toString());
      }
      Set<String> expected = new HashSet<>();
      for (List<Object> r :
          duck.rows(
              "SELECT DISTINCT origin, lpad(CAST(month(date) AS VARCHAR), 2, '0') FROM source")) {
        expected.add("origin=" + r.get(0) + "/date.month=" + r.get(1));
      }
      assertThat(tree).isEqualTo(expected);
      assertThat(export.out()).contains(expected.size() + " partitions");

      String glob = DuckDb.literal(out + "/**/*.parquet");
      assertThat(
              duck.rows(
                  "SELECT DISTINCT name FROM parquet_schema("
                      + glob
                      + ") WHERE num_children IS NULL ORDER BY name"))
          .extracting(r -> r.get(0))
          .containsExactly("date", "delay", "destination", "distance");
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_kv_metadata("
                      + glob
                      + ") WHERE decode(key) = 'cqlp.path_columns' AND decode(value) LIKE"
                      + " '%\"origin\"%'"))
          .isEqualTo(files.size());
    }
  }

  @Test
  void should_roll_files_at_max_file_size_each_readable_and_near_the_limit() throws Exception {
    Path out = dir.resolve("rolled");
    long limit = 256 * 1024;
    Shell.Result export =
        shell(
            "COPY flights TO '" + out + "/' WITH PARTITION='date.month' AND MAX_FILE_SIZE='256KB'");
    assertThat(export.err()).isEmpty();
    try (DuckDb duck = new DuckDb()) {
      sourceView(duck);
      for (String month : List.of("01", "02", "03")) {
        List<Path> parts = dataFiles(out.resolve("date.month=" + month));
        assertThat(parts.size()).as(month).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < parts.size(); i++) {
          Path part = parts.get(i);
          assertThat(part.getFileName().toString())
              .isEqualTo(String.format("part-%05d.parquet", i));
          assertThat(
                  duck.longValue("SELECT count(*) FROM read_parquet(" + DuckDb.literal(part) + ")"))
              .isPositive();
          assertThat(Files.size(part)).as(part.toString()).isLessThanOrEqualTo(limit + 8192);
          if (i < parts.size() - 1) {
            assertThat(Files.size(part)).as(part.toString()).isGreaterThanOrEqualTo(limit * 3 / 4);
          }
        }
      }
      duck.execute(
          "CREATE VIEW rolled AS SELECT origin, CAST(date AS TIMESTAMP) AS date, destination,"
              + " delay, distance FROM read_parquet("
              + DuckDb.literal(out + "/**/*.parquet")
              + ", hive_partitioning = true)");
      assertThat(duck.longValue("SELECT count(*) FROM rolled"))
          .isEqualTo(duck.longValue("SELECT count(*) FROM source"));
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT * FROM source EXCEPT SELECT * FROM rolled)"))
          .isZero();
    }
  }

  @Test
  void should_import_only_the_filtered_partitions_of_its_own_dataset_without_opening_the_others()
      throws Exception {
    Path exported = exportByOriginMonth();
    assertThat(byOriginMonth.err()).isEmpty();
    Path out = dir.resolve("to-filter");
    for (Path file : dataFiles(exported)) {
      Path copy = out.resolve(exported.relativize(file).toString());
      Files.createDirectories(copy.getParent());
      Files.copy(file, copy);
    }
    long expected;
    try (DuckDb duck = new DuckDb()) {
      datasetView(duck, "exported", out);
      expected =
          duck.longValue(
              "SELECT count(*) FROM exported WHERE origin IN ('ORD', 'ATL') AND vmonth = '02'");
    }
    assertThat(expected).isGreaterThan(1000);
    java.util.function.Predicate<String> selected =
        p -> p.startsWith("origin=ORD/date.month=02/") || p.startsWith("origin=ATL/date.month=02/");
    long selectedFiles =
        dataFiles(out).stream().filter(f -> selected.test(out.relativize(f).toString())).count();
    int corrupted = corruptAllBut(out, selected);
    assertThat(corrupted).isGreaterThan(500);

    Shell.Result unfiltered = shell("COPY filtered FROM '" + out + "/'");
    assertThat(unfiltered.err())
        .as("a corrupted file is refused when it is opened")
        .contains("not a Parquet file");

    CassandraExtension.session().execute("TRUNCATE " + keyspace + ".filtered");
    Shell.Result load =
        shell(
            "COPY filtered FROM '"
                + out
                + "/' WITH PARTITION_FILTER='date.month=02,origin=ORD,origin=ATL'");
    assertThat(load.err()).isEmpty();
    assertThat(load.out())
        .contains(expected + " rows imported from " + selectedFiles + " files")
        .contains("2 partitions");
    assertThat(count("filtered")).isEqualTo(expected);
  }

  @Test
  void should_import_a_duckdb_partition_by_dataset_pruned_by_year_and_month() throws Exception {
    Path out = dir.resolve("duckdb");
    long expected;
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT origin, date, destination, delay, distance, year(date) AS year, month(date)"
              + " AS month FROM read_parquet("
              + DuckDb.literal(flights)
              + ", file_row_number = true) WHERE file_row_number < 1100000"
              + " AND origin IN ('ORD', 'ATL', 'DFW', 'LAX')) TO "
              + DuckDb.literal(out)
              + " (FORMAT parquet, PARTITION_BY (year, month, origin))");
      expected =
          duck.longValue(
              "SELECT count(*) FROM (SELECT DISTINCT origin, date, destination, delay, distance"
                  + " FROM read_parquet("
                  + DuckDb.literal(out + "/**/*.parquet")
                  + ", hive_partitioning = true)"
                  + " WHERE year = 2001 AND month = 2 AND origin = 'ORD')");
    }
    assertThat(expected).isGreaterThan(10_000);
    corruptAllBut(out, p -> p.contains("year=2001/month=2/origin=ORD/"));
    Shell.Result load =
        shell(
            "COPY from_duckdb FROM '"
                + out
                + "' WITH PARTITION_FILTER='year=2001,month=02,origin=ORD'");
    assertThat(load.err()).isEmpty();
    assertThat(load.out()).contains(" rows imported from 1 files");
    assertThat(count("from_duckdb")).isEqualTo(expected);
  }

  @Test
  void should_leave_nothing_at_the_target_when_the_export_thread_is_interrupted() throws Exception {
    Path parent = Files.createDirectories(dir.resolve("interrupted"));
    Path target = parent.resolve("cancelled");
    CopyTo copy =
        (CopyTo)
            CommandParser.parse(
                "COPY "
                    + keyspace
                    + ".flights TO '"
                    + target
                    + "/' WITH PARTITION='origin,date.month' AND MAX_OPEN_FILES=4");
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread export =
        new Thread(
            () -> {
              try {
                new CopyToWorkflow(
                        CassandraExtension.session(), ConsistencyLevel.ONE, Formats.sinks())
                    .run(copy);
                outcome.set(new AssertionError("the export finished before it was interrupted"));
              } catch (Throwable t) {
                outcome.set(t);
              }
            });
    export.start();
    awaitPartFiles(parent, 20);
    export.interrupt();
    export.join(TimeUnit.MINUTES.toMillis(1));
    assertThat(export.isAlive()).isFalse();
    assertThat(outcome.get())
        .isInstanceOfAny(InterruptedException.class, io.cqlp.rows.TransferException.class);
    assertThat(list(parent)).isEmpty();
  }

  @Test
  void should_leave_nothing_at_the_target_when_the_shell_gets_sigint_mid_export() throws Exception {
    Path parent = Files.createDirectories(dir.resolve("sigint"));
    Path target = parent.resolve("cancelled");
    ProcessBuilder builder =
        new ProcessBuilder(
                Shell.home().resolve("bin/cqlp").toString(),
                node.host(),
                String.valueOf(node.port()),
                "-k",
                keyspace,
                "-e",
                // one small page at a time: the export lasts long enough for the signal to come
                // mid-way,
                // also on a loaded machine (it once finished before the signal came)
                "COPY flights TO '"
                    + target
                    + "/' WITH PARTITION='origin,date.month' AND MAX_OPEN_FILES=4"
                    + " AND MAXREQUESTS=1 AND PAGESIZE=200")
            .directory(Shell.home().toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("HOME", Files.createTempDirectory("cqlp-home").toString());
    Process process = builder.start();
    try {
      awaitPartFiles(parent, 20);
      Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).isNotZero();
    } finally {
      process.destroyForcibly();
    }
    assertThat(list(parent)).isEmpty();
  }

  /** Waits until a staging directory under the parent holds at least n files. */
  private static void awaitPartFiles(Path parent, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> walk = Files.walk(parent)) {
        if (walk.filter(p -> p.toString().contains(".cqlp-tmp-"))
                .filter(Files::isRegularFile)
                .count()
            >= n) {
          return;
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // the tree changes while it is walked
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no staging directory with " + n + " files appeared under " + parent);
  }

  private static int corruptAllBut(Path root, java.util.function.Predicate<String> keep)
      throws IOException {
    int corrupted = 0;
    for (Path file : dataFiles(root)) {
      if (!keep.test(root.relativize(file).toString())) {
        Files.writeString(file, "not parquet: this partition must never be opened");
        corrupted++;
      }
    }
    return corrupted;
  }

  private static long count(String table) {
    return CassandraExtension.session()
        .execute("SELECT count(*) FROM " + keyspace + "." + table)
        .one()
        .getLong(0);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
