package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Partitioned datasets of tables made for the purpose, through the real shell: time parts of
 * timeuuid keys, more partitions than open writers, and partition values that would break a naive
 * path (slashes, equals signs, dot-dot, spaces, unicode, NULL).
 */
@ExtendWith(CassandraExtension.class)
class PartitionedDatasetIT {
  private static String keyspace;
  private static LocalCassandra node;
  private static CqlSession session;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    keyspace = CassandraExtension.createKeyspace(PartitionedDatasetIT.class);
    node = CassandraExtension.node();
    session = CassandraExtension.session();
    dir = Shell.home().resolve("target/it/partitioned-datasets");
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  private static Shell.Result shell(String statements) throws Exception {
    Shell.Result result = Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statements);
    assertThat(result.err()).as(statements).isEmpty();
    assertThat(result.exitCode()).isZero();
    return result;
  }

  @Test
  void should_put_each_row_under_the_utc_date_of_its_own_timeuuid() throws Exception {
    session.execute("CREATE TABLE " + keyspace + ".events (id timeuuid PRIMARY KEY, v int)");
    PreparedStatement insert =
        session.prepare("INSERT INTO " + keyspace + ".events (id, v) VALUES (?, ?)");
    Random random = new Random(42);
    long from = Instant.parse("2019-01-01T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2025-12-31T00:00:00Z").toEpochMilli();
    Set<Long> millis =
        new HashSet<>(
            List.of(
                Instant.parse("2024-12-31T23:59:59.999Z").toEpochMilli(),
                Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2020-02-29T12:00:00Z").toEpochMilli()));
    while (millis.size() < 400) {
      millis.add(from + (long) (random.nextDouble() * (to - from)));
    }
    Map<String, String> expected = new HashMap<>();
    int v = 0;
    List<BoundStatement> writes = new ArrayList<>();
    for (long ms : millis) {
      UUID id = Uuids.startOf(ms);
      writes.add(insert.bind(id, v++));
      LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
      expected.put(
          id.toString(),
          String.format(
              "id.year=%d/id.month=%02d/id.day=%02d",
              t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
    }
    write(writes);
    Path out = dir.resolve("events");
    shell("COPY events TO '" + out + "/' WITH PARTITION='id.year,id.month,id.day'");
    try (DuckDb duck = new DuckDb()) {
      List<List<Object>> found =
          duck.rows(
              "SELECT CAST(id AS VARCHAR), filename FROM read_parquet("
                  + DuckDb.literal(out + "/**/*.parquet")
                  + ", filename = true, hive_partitioning = false)");
      assertThat(found).hasSize(expected.size());
      for (List<Object> row : found) {
        String id = (String) row.get(0);
        String directory = out.relativize(Path.of((String) row.get(1)).getParent()).toString();
        assertThat(directory).as(id).isEqualTo(expected.get(id));
      }
      assertThat(found).extracting(r -> r.get(0)).doesNotHaveDuplicates();
      assertThat(
              duck.rows(
                  "SELECT DISTINCT name FROM parquet_schema("
                      + DuckDb.literal(out + "/**/*.parquet")
                      + ") WHERE num_children IS NULL ORDER BY name"))
          .extracting(r -> r.get(0))
          .containsExactly("id", "v");
    }
  }

  @Test
  void should_keep_every_row_once_when_more_partitions_than_open_writers_arrive_interleaved()
      throws Exception {
    session.execute(
        "CREATE TABLE " + keyspace + ".buckets (id int PRIMARY KEY, bucket int, v text)");
    PreparedStatement insert =
        session.prepare("INSERT INTO " + keyspace + ".buckets (id, bucket, v) VALUES (?, ?, ?)");
    int rows = 600;
    int buckets = 20;
    List<BoundStatement> writes = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      writes.add(insert.bind(i, i % buckets, "value " + i));
    }
    write(writes);
    Path out = dir.resolve("buckets");
    Shell.Result export =
        shell("COPY buckets TO '" + out + "/' WITH PARTITION='bucket' AND MAX_OPEN_FILES=4");
    assertThat(export.out())
        .contains(rows + " rows exported to ")
        .contains(buckets + " partitions");
    int maxParts = 0;
    for (int b = 0; b < buckets; b++) {
      try (Stream<Path> parts = Files.list(out.resolve("bucket=" + b))) {
        List<String> names = parts.map(p -> p.getFileName().toString()).sorted().toList();
        for (int i = 0; i < names.size(); i++) {
          assertThat(names.get(i)).isEqualTo(String.format("part-%05d.parquet", i));
        }
        maxParts = Math.max(maxParts, names.size());
      }
    }
    assertThat(maxParts).as("partitions came back after their writer was closed").isGreaterThan(4);
    try (DuckDb duck = new DuckDb()) {
      String data =
          "read_parquet(" + DuckDb.literal(out + "/**/*.parquet") + ", hive_partitioning = true)";
      assertThat(duck.longValue("SELECT count(*) FROM " + data)).isEqualTo(rows);
      assertThat(duck.longValue("SELECT count(DISTINCT id) FROM " + data)).isEqualTo(rows);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM "
                      + data
                      + " WHERE bucket <> id % "
                      + buckets
                      + " OR v <> 'value ' || id"))
          .isZero();
    }
  }

  @Test
  void
      should_round_trip_partition_values_that_would_break_a_naive_path_and_write_nothing_outside_the_target()
          throws Exception {
    session.execute("CREATE TABLE " + keyspace + ".odd (id int PRIMARY KEY, k text, n int)");
    session.execute("CREATE TABLE " + keyspace + ".odd_back (id int PRIMARY KEY, k text, n int)");
    List<String> values =
        Arrays.asList(
            "a/b",
            "x=y",
            "..",
            ".",
            "../../escaped",
            "with space",
            "ünïcødé 東京",
            "%41",
            "",
            "__HIVE_DEFAULT_PARTITION__",
            null,
            "tab\there",
            "quo'te\"",
            "back\\slash",
            "a/../..",
            "*?[]{}^:#");
    PreparedStatement insert =
        session.prepare("INSERT INTO " + keyspace + ".odd (id, k, n) VALUES (?, ?, ?)");
    for (int i = 0; i < values.size(); i++) {
      session.execute(insert.bind(i, values.get(i), i % 3 == 0 ? null : i));
    }
    Path parent = Files.createDirectories(dir.resolve("odd-parent"));
    Path out = parent.resolve("odd");
    Set<Path> outside = outside(out);
    shell("COPY odd TO '" + out + "/' WITH PARTITION='k,n'");
    assertThat(outside(out)).as("nothing new outside the target").isEqualTo(outside);
    try (Stream<Path> top = Files.list(parent)) {
      assertThat(top.map(p -> p.getFileName().toString())).containsExactly("odd");
    }
    try (Stream<Path> levels = Files.list(out)) {
      assertThat(levels.filter(Files::isDirectory).count()).isEqualTo(values.size());
    }
    shell("COPY odd_back FROM '" + out + "/'");
    Map<Integer, List<Object>> before = table("odd");
    assertThat(before).hasSize(values.size());
    assertThat(table("odd_back")).isEqualTo(before);
    try (DuckDb duck = new DuckDb()) {
      List<List<Object>> read =
          duck.rows(
              "SELECT id, k FROM read_parquet("
                  + DuckDb.literal(out + "/**/*.parquet")
                  + ", hive_partitioning = true, hive_types_autocast = false) ORDER BY id");
      for (List<Object> row : read) {
        String expected = values.get(((Number) row.get(0)).intValue());
        assertThat(row.get(1)).as("id %s", row.get(0)).isEqualTo(expected);
      }
    }
  }

  /** Runs the writes, 64 at a time. */
  private static void write(List<BoundStatement> writes) {
    for (int i = 0; i < writes.size(); i += 64) {
      List<CompletableFuture<?>> batch = new ArrayList<>();
      for (BoundStatement w : writes.subList(i, Math.min(writes.size(), i + 64))) {
        batch.add(session.executeAsync(w).toCompletableFuture());
      }
      CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
    }
  }

  /** Every path under the repository's target directory but those under {@code out}. */
  private static Set<Path> outside(Path out) throws IOException {
    try (Stream<Path> all = Files.walk(Shell.home().resolve("target"))) {
      return new HashSet<>(
          all.filter(p -> !p.startsWith(out))
              .filter(p -> !p.startsWith(Shell.home().resolve("target/it-node")))
              .toList());
    }
  }

  private static Map<Integer, List<Object>> table(String name) {
    Map<Integer, List<Object>> rows = new HashMap<>();
    for (Row row : session.execute("SELECT id, k, n FROM " + keyspace + "." + name)) {
      rows.put(
          row.getInt("id"), new ArrayList<>(Arrays.asList(row.getString("k"), row.getObject("n"))));
    }
    return rows;
  }

  @Test
  void should_refuse_a_non_empty_target_and_then_overwrite_or_append_when_told() throws Exception {
    session.execute("CREATE TABLE " + keyspace + ".small (id int PRIMARY KEY, g text)");
    for (int i = 0; i < 10; i++) {
      session.execute(
          "INSERT INTO "
              + keyspace
              + ".small (id, g) VALUES ("
              + i
              + ", '"
              + (i % 2 == 0 ? "even" : "odd")
              + "')");
    }
    Path out = dir.resolve("small");
    shell("COPY small TO '" + out + "/' WITH PARTITION='g'");
    Shell.Result refused =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "COPY small TO '" + out + "/' WITH PARTITION='g'");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.errLines()).hasSize(1);
    assertThat(refused.err()).contains("is not empty", "OVERWRITE=true", "APPEND=true");
    shell("COPY small TO '" + out + "/' WITH PARTITION='g' AND APPEND=true");
    assertThat(out.resolve("g=even/part-00001.parquet")).exists();
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM read_parquet("
                      + DuckDb.literal(out + "/**/*.parquet")
                      + ")"))
          .isEqualTo(20);
    }
    session.execute("CREATE TABLE " + keyspace + ".small_back (id int PRIMARY KEY, g text)");
    Shell.Result more =
        shell(
            "COPY small TO '"
                + out
                + "/' WITH PARTITION='g' AND OVERWRITE=true;\n"
                + "COPY small_back FROM '"
                + out
                + "/' WITH SKIPROWS=3 AND MAXROWS=5 AND CHUNKSIZE=2;\n"
                + "COPY small TO '"
                + dir.resolve("flat")
                + "/'");
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM read_parquet("
                      + DuckDb.literal(out + "/**/*.parquet")
                      + ")"))
          .isEqualTo(10);
    }
    assertThat(more.out())
        .contains("5 rows imported from 2 files")
        .contains("(3 skipped")
        .contains("2 partitions");
    List<Row> back = session.execute("SELECT id, g FROM " + keyspace + ".small_back").all();
    assertThat(back).hasSize(5);
    assertThat(back).filteredOn(r -> r.getString("g").equals("even")).hasSize(2);
    assertThat(back)
        .allSatisfy(
            r -> assertThat(r.getString("g")).isEqualTo(r.getInt("id") % 2 == 0 ? "even" : "odd"));
    assertThat(more.out()).contains("10 rows exported to 1 files");
    assertThat(dir.resolve("flat/part-00000.parquet")).exists();
    assertThat(dir.resolve("flat/_SUCCESS")).exists();
  }
}
