package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.type.DataType;
import io.cqlp.command.Options;
import io.cqlp.format.Formats;
import io.cqlp.local.LocalCassandra;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.TableSchema;
import io.cqlp.storage.Location;
import io.cqlp.testing.DuckDb;
import io.cqlp.transfer.TableLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY TO as a Spark job, through the real launcher: {@code bin/cqlp-spark --master local[2]}
 * exports 200,000 real flights into one Parquet file and into a {@code PARTITION='origin,
 * date.month'} dataset, and an all-types table into one file; DuckDB finds in each the same rows,
 * column types and {@code cqlp.schema} footer as in the shell's own export of the same table.
 */
@ExtendWith(CassandraExtension.class)
class SparkCopyIT {
  private static final FlightSlices SLICES = new FlightSlices(66_667, FlightSlices.THREE_MONTHS);

  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void load() throws Exception {
    keyspace = CassandraExtension.createKeyspace(SparkCopyIT.class);
    node = CassandraExtension.node();
    FlightSlices.createTables(keyspace, List.of("flights"));
    dir = Shell.home().resolve("target/it/spark-copy");
    ObjectStorageIT.deleteTree(dir);
    Files.createDirectories(dir);
    Shell.Result load = shell(SLICES.loadStatements("flights"));
    assertThat(load.err()).isEmpty();
  }

  private static Shell.Result shell(String statements) throws Exception {
    return Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statements);
  }

  /** Runs {@code bin/cqlp-spark --master local[2] host port -k keyspace args...}. */
  static Shell.Result spark(String... args) throws Exception {
    return spark(Map.of(), args);
  }

  /** As {@link #spark(String...)}, with more environment variables. */
  static Shell.Result spark(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "--master", "local[2]", node.host(), String.valueOf(node.port()), "-k", keyspace));
    command.addAll(List.of(args));
    return Shell.runScript(
        Shell.home().resolve("bin/cqlp-spark"),
        Shell.home(),
        env,
        null,
        command.toArray(String[]::new));
  }

  @Test
  void flights_into_one_file_as_the_shell_writes_them() throws Exception {
    Path mine = dir.resolve("shell.parquet");
    Path theirs = dir.resolve("spark.parquet");
    assertThat(shell("COPY flights TO '" + mine + "'").exitCode()).isZero();
    Shell.Result run = spark("-e", "COPY flights TO '" + theirs + "'");
    assertThat(run.exitCode()).as(run.err()).isZero();
    long rows =
        CassandraExtension.session()
            .execute("SELECT count(*) FROM " + keyspace + ".flights")
            .one()
            .getLong(0);
    assertThat(rows).isGreaterThan(190_000);
    assertThat(run.out())
        .contains(rows + " rows exported to 1 files")
        .contains("Spark tasks, 0 retried.");
    try (DuckDb duck = new DuckDb()) {
      assertSameRows(
          duck,
          "read_parquet(" + DuckDb.literal(mine) + ")",
          "read_parquet(" + DuckDb.literal(theirs) + ")",
          rows);
      assertThat(duck.describe(theirs)).isEqualTo(duck.describe(mine));
      assertThat(duck.keyValues(theirs).get("cqlp.schema"))
          .isNotNull()
          .isEqualTo(duck.keyValues(mine).get("cqlp.schema"));
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
          .as("no job directory is left")
          .isEmpty();
    }
  }

  @Test
  void flights_into_a_partitioned_dataset_as_the_shell_writes_it() throws Exception {
    Path mine = dir.resolve("shell-ds");
    Path theirs = dir.resolve("spark-ds");
    String with = " WITH PARTITION='origin,date.month'";
    assertThat(shell("COPY flights TO '" + mine + "/'" + with).exitCode()).isZero();
    Shell.Result run = spark("-e", "COPY flights TO '" + theirs + "/'" + with);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("rows exported to \\d+ files in .* partitions, ");
    assertThat(theirs.resolve("_SUCCESS")).exists();
    try (DuckDb duck = new DuckDb()) {
      String a =
          "read_parquet(" + DuckDb.literal(mine + "/**/*.parquet") + ", hive_partitioning = true)";
      String b =
          "read_parquet("
              + DuckDb.literal(theirs + "/**/*.parquet")
              + ", hive_partitioning = true)";
      long rows = duck.longValue("SELECT count(*) FROM " + a);
      assertSameRows(duck, a, b, rows);
      assertThat(duck.rows("DESCRIBE SELECT * FROM " + b))
          .isEqualTo(duck.rows("DESCRIBE SELECT * FROM " + a));
      Path oneOfMine = firstParquet(mine.resolve("origin=ATL"));
      Path oneOfTheirs = firstParquet(theirs.resolve("origin=ATL"));
      assertThat(duck.keyValues(oneOfTheirs).get("cqlp.schema"))
          .isNotNull()
          .isEqualTo(duck.keyValues(oneOfMine).get("cqlp.schema"));
      assertThat(duck.keyValues(oneOfTheirs).get("cqlp.path_columns"))
          .isEqualTo(duck.keyValues(oneOfMine).get("cqlp.path_columns"));
    }
    try (Stream<Path> files = Files.walk(theirs)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.startsWith(".") || n.startsWith("_temp")))
          .as("no attempt directory is left")
          .isEmpty();
    }
  }

  /**
   * An object store as the target: the dataset and the single file appear in the bucket with the
   * shell's rows, and neither the job's hidden prefix nor a pending upload is left.
   */
  @Test
  void flights_into_object_storage_as_the_shell_writes_them() throws Exception {
    S3Server s3 = S3Server.shared();
    String bucket = s3.createBucket("spark");
    Path mine = dir.resolve("shell-s3-ds");
    String with = " WITH PARTITION='origin,date.month'";
    assertThat(shell("COPY flights TO '" + mine + "/'" + with).exitCode()).isZero();
    Shell.Result run =
        spark(
            s3.env(),
            "-e",
            "COPY flights TO 's3://"
                + bucket
                + "/ds/'"
                + with
                + "; COPY flights TO 's3://"
                + bucket
                + "/one.parquet'");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("partitions, .*\\n.*rows exported to 1 files");
    Path theirs = dir.resolve("spark-s3");
    s3.download(bucket, "", theirs);
    assertThat(theirs.resolve("ds/_SUCCESS")).exists();
    try (DuckDb duck = new DuckDb()) {
      String a =
          "read_parquet(" + DuckDb.literal(mine + "/**/*.parquet") + ", hive_partitioning = true)";
      String b =
          "read_parquet("
              + DuckDb.literal(theirs.resolve("ds") + "/**/*.parquet")
              + ", hive_partitioning = true)";
      long rows = duck.longValue("SELECT count(*) FROM " + a);
      assertSameRows(duck, a, b, rows);
      String columns = "SELECT origin, date, destination, delay, distance FROM ";
      assertSameRows(
          duck,
          "(" + columns + a + ")",
          "(" + columns + "read_parquet(" + DuckDb.literal(theirs.resolve("one.parquet")) + "))",
          rows);
    }
    assertThat(s3.keys(bucket, ""))
        .noneMatch(k -> k.contains(".cqlp-job-"))
        .contains("one.parquet");
    assertThat(s3.pendingUploads(bucket, "")).isEmpty();
  }

  @Test
  void every_type_gives_the_same_values() throws Exception {
    CqlSession session = CassandraExtension.session();
    EveryTypeTable.create(session, keyspace, "everything");
    Map<String, DataType> columns = EveryTypeTable.columns(session, keyspace, "everything");
    List<Map<String, Object>> rows =
        new ArrayList<>(
            EveryTypeTable.randomRows(columns, new RandomCql(20_261_203L, false), 200, 1));
    rows.addAll(EveryTypeTable.edgeRows(session, keyspace, "everything", false, 100_000));
    EveryTypeTable.insert(session, keyspace, "everything", rows);
    Path mine = dir.resolve("everything-shell.parquet");
    Path theirs = dir.resolve("everything-spark.parquet");
    assertThat(shell("COPY everything TO '" + mine + "'").exitCode()).isZero();
    Shell.Result run = spark("--tasks", "5", "-e", "COPY everything TO '" + theirs + "'");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("5 Spark tasks, 0 retried.");
    TableSchema schema = TableLookup.resolve(session, keyspace, "everything", List.of());
    List<String> expected = values(schema, mine);
    assertThat(expected).hasSizeGreaterThan(200);
    assertThat(values(schema, theirs)).containsExactlyInAnyOrderElementsOf(expected);
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.describe(theirs)).isEqualTo(duck.describe(mine));
      assertThat(duck.keyValues(theirs).get("cqlp.schema"))
          .isEqualTo(duck.keyValues(mine).get("cqlp.schema"));
    }
  }

  /**
   * The rows of a Parquet file as cqlp's reader gives them back, each value in CQL literal form
   * (the driver codec's {@code format}), so every CQL value is compared exactly, beyond what DuckDB
   * reads.
   */
  private static List<String> values(TableSchema schema, Path file) throws Exception {
    List<String> rows = new ArrayList<>();
    try (RowSource source =
        Formats.sources().open(Location.local(file), schema, false, Options.empty())) {
      assertThat(source.columns()).isEqualTo(schema.columns());
      var codecs = CassandraExtension.session().getContext().getCodecRegistry();
      Object[] row;
      while ((row = source.next()) != null) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          text.append(codecs.codecFor(schema.columns().get(i).type()).format(row[i])).append('|');
        }
        rows.add(text.toString());
      }
    }
    return rows;
  }

  @Test
  void a_dataset_of_1_200_000_rows_loads_exactly() throws Exception {
    Path source = dir.resolve("load-source");
    try (DuckDb duck = new DuckDb()) {
      // 1,200,000 real flights, numbered, as a Hive dataset by origin in many files of DuckDB's.
      duck.execute(
          "COPY (SELECT CAST(row_number() OVER () AS BIGINT) AS id, CAST(date AS TIMESTAMP) AS"
              + " date, CAST(delay AS BIGINT) AS delay, CAST(distance AS BIGINT) AS distance,"
              + " origin, destination FROM read_parquet("
              + DuckDb.literal(FlightSlices.file())
              + ") LIMIT 1200000) TO "
              + DuckDb.literal(source)
              + " (FORMAT parquet, PARTITION_BY (origin))");
    }
    CassandraExtension.session()
        .execute(
            "CREATE TABLE "
                + keyspace
                + ".loaded (id bigint PRIMARY KEY, date timestamp, delay bigint, distance bigint,"
                + " origin text, destination text)");
    Shell.Result run = spark("-e", "COPY loaded FROM '" + source + "/'");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("1200000 rows imported from ").contains(" 0 retried.");
    Path back = dir.resolve("loaded.parquet");
    assertThat(shell("COPY loaded TO '" + back + "'").exitCode()).isZero();
    try (DuckDb duck = new DuckDb()) {
      String a =
          "(SELECT id, CAST(date AS TIMESTAMP) AS date, delay, distance, origin, destination FROM"
              + " read_parquet("
              + DuckDb.literal(source + "/**/*.parquet")
              + ", hive_partitioning = true))";
      String b =
          "(SELECT id, CAST(date AS TIMESTAMP) AS date, delay, distance, origin, destination FROM"
              + " read_parquet("
              + DuckDb.literal(back)
              + "))";
      assertSameRows(duck, a, b, 1_200_000);
    }
  }

  /**
   * The self-contained jar for spark-submit: run as spark-submit runs an application (its main
   * class {@code org.apache.spark.deploy.SparkSubmit}, Spark's jars on the class path, the module
   * options Spark's launcher adds on Java 17, which bin/cqlp-spark lists), it exports as
   * bin/cqlp-spark does.
   */
  @Test
  void the_jar_for_spark_submit_runs_a_copy() throws Exception {
    Path spark = Shell.home().resolve("target/spark");
    Path jar =
        Shell.home().resolve("target/cqlp-spark-" + System.getProperty("cqlp.version") + ".jar");
    assertThat(jar).exists();
    Path target = dir.resolve("submitted.parquet");
    List<String> command =
        new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    String launcher = Files.readString(Shell.home().resolve("bin/cqlp-spark"));
    String modules =
        launcher.substring(
            launcher.indexOf("modules=("), launcher.indexOf(")", launcher.indexOf("modules=(")));
    for (String word : modules.substring("modules=(".length()).trim().split("\\s+")) {
      command.add(word);
    }
    command.addAll(
        List.of(
            "-cp",
            spark.resolve("conf") + ":" + spark.resolve("jars") + "/*",
            "org.apache.spark.deploy.SparkSubmit",
            "--class",
            "io.cqlp.spark.CqlpSpark",
            "--master",
            "local[2]",
            jar.toString(),
            node.host(),
            String.valueOf(node.port()),
            "-k",
            keyspace,
            "-e",
            "COPY flights TO '" + target + "'"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("submit.log").toFile())
            .start();
    assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    String log = Files.readString(dir.resolve("submit.log"));
    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log).containsPattern("\\d+ rows exported to 1 files");
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.longValue("SELECT count(*) FROM read_parquet(" + DuckDb.literal(target) + ")"))
          .isGreaterThan(190_000);
    }
  }

  /** Spark and Scala stay off the shell's class path: bin/cqlp's lib holds none of their jars. */
  @Test
  void the_shell_runs_without_spark() throws Exception {
    try (Stream<Path> lib = Files.list(Shell.home().resolve("target/lib"))) {
      List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
      assertThat(jars).anyMatch(n -> n.startsWith("java-driver-core-"));
      assertThat(jars)
          .noneMatch(
              n -> n.startsWith("spark-") || n.startsWith("scala-") || n.startsWith("log4j-"));
    }
    try (Stream<Path> app = Files.list(Shell.home().resolve("target/spark/jars"))) {
      assertThat(app.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("spark-core_2.13-"));
    }
  }

  /** The text formats and a query: the same lines as the shell writes, in any order. */
  @Test
  void csv_json_and_a_query_as_the_shell_writes_them() throws Exception {
    String query = "COPY (SELECT * FROM flights WHERE origin = 'ATL') TO ";
    List<String> statements =
        List.of(
            "COPY flights TO '%s.csv' WITH HEADER=true",
            "COPY flights TO '%s.json'", query + "'%s-query.csv'");
    for (String statement : statements) {
      Path mine = dir.resolve("text-shell");
      Path theirs = dir.resolve("text-spark");
      assertThat(shell(String.format(statement, mine)).exitCode()).isZero();
      Shell.Result run = spark("-e", String.format(statement, theirs));
      assertThat(run.exitCode()).as(run.err()).isZero();
      String suffix = statement.substring(statement.indexOf("%s") + 2, statement.lastIndexOf('\''));
      List<String> expected = Files.readAllLines(Path.of(mine + suffix));
      List<String> actual = Files.readAllLines(Path.of(theirs + suffix));
      assertThat(expected).hasSizeGreaterThan(1000);
      if (statement.contains("HEADER")) {
        assertThat(actual.get(0)).isEqualTo(expected.get(0)).startsWith("origin,");
      }
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void a_bad_statement_is_one_line_and_leaves_nothing() throws Exception {
    Path target = dir.resolve("never.parquet");
    Shell.Result run = spark("-e", "COPY no_such_table TO '" + target + "'");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("no_such_table");
    assertThat(target).doesNotExist();
  }

  /** Both relations hold the same multiset of rows, {@code rows} of them. */
  private static void assertSameRows(DuckDb duck, String a, String b, long rows) throws Exception {
    assertThat(duck.longValue("SELECT count(*) FROM " + b)).isEqualTo(rows);
    assertThat(
            duck.longValue(
                "SELECT count(*) FROM (SELECT * FROM "
                    + a
                    + " EXCEPT ALL SELECT * FROM "
                    + b
                    + ")"))
        .isZero();
    assertThat(
            duck.longValue(
                "SELECT count(*) FROM (SELECT * FROM "
                    + b
                    + " EXCEPT ALL SELECT * FROM "
                    + a
                    + ")"))
        .isZero();
  }

  private static Path firstParquet(Path directory) throws Exception {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(p -> p.toString().endsWith(".parquet"))
          .sorted()
          .findFirst()
          .orElseThrow();
    }
  }
}
