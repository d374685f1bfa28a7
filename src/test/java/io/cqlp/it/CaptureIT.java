package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CAPTURE through the real shell: results of many pages go to Parquet with a fixed schema, the file
 * is whole however the shell ends (CAPTURE OFF, end of input, SIGTERM), and JSON capture takes
 * results of different columns.
 */
@ExtendWith(CassandraExtension.class)
class CaptureIT {
  private static final int ROWS = 60_000;
  private static final String SELECTS =
      "SELECT id, name, score FROM events;\n"
          + "SELECT id, name, score FROM events WHERE token(id) > 0;\n"
          + "SELECT id, name, score FROM events WHERE id IN (1, 2, 3);\n";
  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void loadEvents() throws Exception {
    keyspace = CassandraExtension.createKeyspace(CaptureIT.class);
    node = CassandraExtension.node();
    dir = Files.createDirectories(Shell.home().resolve("target/it/capture"));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    CassandraExtension.session()
        .execute(
            "CREATE TABLE " + keyspace + ".events (id int PRIMARY KEY, name text, score double)");
    Path source = dir.resolve("events-source.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT CAST(i AS INTEGER) AS id, 'name-' || i AS name,"
              + " CASE WHEN i % 7 = 0 THEN NULL ELSE i / 4.0 END AS score FROM range("
              + ROWS
              + ") t(i))"
              + " TO "
              + DuckDb.literal(source)
              + " (FORMAT parquet)");
    }
    Shell.Result load =
        Shell.run(
            node.host(), node.port(), "-k", keyspace, "-e", "COPY events FROM '" + source + "'");
    assertThat(load.err()).isEmpty();
  }

  /** How many times each id comes back from the three SELECTs, asked of Cassandra directly. */
  private static Map<Integer, Integer> expectedIds() {
    Map<Integer, Integer> ids = new TreeMap<>();
    for (String select : SELECTS.split("\n")) {
      for (Row row :
          CassandraExtension.session()
              .execute(
                  select.replace("FROM events", "FROM " + keyspace + ".events").replace(";", ""))) {
        ids.merge(row.getInt("id"), 1, Integer::sum);
      }
    }
    return ids;
  }

  private static Map<Integer, Integer> capturedIds(DuckDb duck, Path file) throws Exception {
    Map<Integer, Integer> ids = new TreeMap<>();
    for (List<Object> row :
        duck.rows(
            "SELECT id, count(*) FROM read_parquet(" + DuckDb.literal(file) + ") GROUP BY id")) {
      ids.put((Integer) row.get(0), ((Number) row.get(1)).intValue());
    }
    return ids;
  }

  @Test
  void should_capture_every_page_of_results_with_one_schema_and_refuse_another() throws Exception {
    Path file = dir.resolve("capture.parquet");
    Path script =
        Files.writeString(
            dir.resolve("capture.cql"),
            "USE "
                + keyspace
                + ";\nCAPTURE PARQUET '"
                + file
                + "' WITH CHUNKSIZE='10K';\n"
                + SELECTS
                + "SELECT id, name FROM events WHERE id = 5;\nCAPTURE\nCAPTURE OFF\n");
    Shell.Result result =
        Shell.runRaw(null, node.host(), String.valueOf(node.port()), "-f", script.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0))
        .startsWith(script + ":6:Result not captured: it has 2 columns (id int, name text), not 3");
    assertThat(result.out())
        .contains("Now capturing query output to '" + file + "'.", "Stopped capture.");
    Map<Integer, Integer> expected = expectedIds();
    long total = expected.values().stream().mapToLong(Integer::longValue).sum();
    assertThat(total).isGreaterThan(ROWS + 3);
    assertThat(result.out())
        .contains(
            "Capturing PARQUET to '"
                + file
                + "': "
                + total
                + " rows from 3 results in 1 files; schema: id int, name text, score double.");
    try (DuckDb duck = new DuckDb()) {
      assertThat(capturedIds(duck, file)).isEqualTo(expected);
      assertThat(
              duck.rows(
                  "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                      + DuckDb.literal(file)
                      + "))"))
          .containsExactly(
              List.of("id", "INTEGER"), List.of("name", "VARCHAR"), List.of("score", "DOUBLE"));
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM read_parquet("
                      + DuckDb.literal(file)
                      + ") WHERE id = 14 AND score IS NULL AND name = 'name-14'"))
          .isEqualTo(2);
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void should_finish_the_file_at_end_of_input_without_capture_off() throws Exception {
    Path file = dir.resolve("eof.parquet");
    String script = "USE " + keyspace + ";\nCAPTURE '" + file + "'\n" + SELECTS;
    Shell.Result result = Shell.runRaw(script, node.host(), String.valueOf(node.port()));
    assertThat(result.err()).isEmpty();
    try (DuckDb duck = new DuckDb()) {
      assertThat(capturedIds(duck, file)).isEqualTo(expectedIds());
    }
  }

  @Test
  void should_leave_a_valid_file_when_killed_with_sigterm_mid_capture() throws Exception {
    Path file = dir.resolve("killed.parquet");
    StringBuilder script =
        new StringBuilder("USE " + keyspace + ";\nCAPTURE '" + file + "' WITH CHUNKSIZE=1000;\n");
    for (int i = 0; i < 200; i++) {
      script.append("SELECT id, name, score FROM events;\n");
    }
    Path scriptFile = Files.writeString(dir.resolve("long.cql"), script);
    Process process =
        new ProcessBuilder(
                Shell.home().resolve("bin/cqlp").toString(),
                node.host(),
                String.valueOf(node.port()),
                "-f",
                scriptFile.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("killed.err").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (stagingBytes() < 512 * 1024 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(stagingBytes()).isGreaterThan(0);
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(file).exists();
    try (DuckDb duck = new DuckDb()) {
      long rows = duck.longValue("SELECT count(*) FROM read_parquet(" + DuckDb.literal(file) + ")");
      assertThat(rows).isGreaterThanOrEqualTo(1000).isLessThan(200L * ROWS);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM read_parquet("
                      + DuckDb.literal(file)
                      + ") WHERE name <> 'name-' || id"))
          .isZero();
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void should_capture_results_of_different_columns_as_typed_json_lines() throws Exception {
    Path file = dir.resolve("capture.jsonl");
    Shell.Result result =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "CAPTURE '"
                + file
                + "';\n"
                + "SELECT id, name, score FROM events WHERE id IN (7, 9);\n"
                + "SELECT id, score FROM events WHERE id = 10;\n"
                + "SELECT count(*) AS n FROM events;\n"
                + "CAPTURE OFF;");
    assertThat(result.err()).isEmpty();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(4);
    ObjectMapper json = new ObjectMapper();
    JsonNode seven = json.readTree(lines.get(0));
    assertThat(seven.get("id").isInt()).isTrue();
    assertThat(seven.get("id").intValue()).isEqualTo(7);
    assertThat(seven.get("name").textValue()).isEqualTo("name-7");
    assertThat(seven.get("score").isNull()).isTrue();
    JsonNode nine = json.readTree(lines.get(1));
    assertThat(nine.get("score").isNumber()).isTrue();
    assertThat(nine.get("score").doubleValue()).isEqualTo(2.25);
    JsonNode ten = json.readTree(lines.get(2));
    assertThat(ten.has("name")).isFalse();
    assertThat(ten.get("score").doubleValue()).isEqualTo(2.5);
    assertThat(json.readTree(lines.get(3)).get("n").longValue()).isEqualTo(ROWS);
  }

  @Test
  void should_capture_two_million_rows_in_a_256_mib_heap() throws Exception {
    CassandraExtension.session()
        .execute("CREATE TABLE " + keyspace + ".big (p int, c int, v text, PRIMARY KEY ((p), c))");
    Path source = dir.resolve("big-source.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT CAST(i % 50 AS INTEGER) AS p, CAST(i AS INTEGER) AS c, 'v' || (i % 1000) AS"
              + " v FROM range(2000000) t(i)) TO "
              + DuckDb.literal(source)
              + " (FORMAT parquet)");
    }
    Shell.Result load =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "COPY big FROM '" + source + "' WITH MAXBATCHSIZE=100");
    assertThat(load.err()).isEmpty();
    Path file = dir.resolve("big.parquet");
    Shell.Result capture =
        Shell.runWithEnv(
            Map.of("CQLP_JAVA_OPTS", "-Xmx256m"),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-k",
            keyspace,
            "-e",
            "CAPTURE '" + file + "'; SELECT p, c, v FROM big; CAPTURE OFF");
    assertThat(capture.err()).isEmpty();
    assertThat(capture.exitCode()).isZero();
    assertThat(capture.out()).contains("Stopped capture. 2000000 rows written");
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.rows(
                      "SELECT count(*), count(DISTINCT c), sum(c) FROM read_parquet("
                          + DuckDb.literal(file)
                          + ")")
                  .get(0))
          .containsExactly(
              2_000_000L, 2_000_000L, java.math.BigInteger.valueOf(1_999_999_000_000L));
    }
  }

  @Test
  void should_capture_into_a_dataset_partitioned_by_timeuuid_year_and_month() throws Exception {
    CassandraExtension.session()
        .execute("CREATE TABLE " + keyspace + ".ticks (id timeuuid PRIMARY KEY, v int)");
    java.util.Map<java.util.UUID, String> expected = new java.util.HashMap<>();
    java.time.Instant start = java.time.Instant.parse("2023-11-15T12:00:00Z");
    for (int i = 0; i < 120; i++) {
      java.time.Instant at = start.plus(java.time.Duration.ofDays(5L * i)).plusMillis(i);
      java.util.UUID id = com.datastax.oss.driver.api.core.uuid.Uuids.startOf(at.toEpochMilli());
      CassandraExtension.session()
          .execute("INSERT INTO " + keyspace + ".ticks (id, v) VALUES (" + id + ", " + i + ")");
      java.time.ZonedDateTime utc = at.atZone(java.time.ZoneOffset.UTC);
      expected.put(
          id, String.format("/id.year=%d/id.month=%02d/", utc.getYear(), utc.getMonthValue()));
    }
    Path target = dir.resolve("ticks");
    Shell.Result result =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "CAPTURE PARQUET '"
                + target
                + "/' WITH PARTITION='id.year,id.month';\nSELECT id, v FROM ticks;\nCAPTURE OFF");
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(target.resolve("_SUCCESS")).exists();
    try (DuckDb duck = new DuckDb()) {
      List<List<Object>> rows =
          duck.rows(
              "SELECT CAST(id AS VARCHAR), filename FROM read_parquet("
                  + DuckDb.literal(target + "/**/*.parquet")
                  + ", filename = true, hive_partitioning = false)");
      assertThat(rows).hasSize(expected.size());
      for (List<Object> row : rows) {
        java.util.UUID id = java.util.UUID.fromString((String) row.get(0));
        assertThat((String) row.get(1)).as("row %s", id).contains(target + expected.get(id));
      }
      assertThat(
              duck.rows(
                  "SELECT name FROM parquet_schema("
                      + DuckDb.literal(target + "/**/*.parquet")
                      + ")"
                      + " WHERE name LIKE 'id.%'"))
          .isEmpty();
    }
  }

  private static long stagingBytes() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().contains("cqlp-tmp"))
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }

  private static List<String> leftovers() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains("cqlp-tmp"))
          .toList();
    }
  }
}
