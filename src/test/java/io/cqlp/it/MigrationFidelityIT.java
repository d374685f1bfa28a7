package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migration-grade fidelity through bin/cqlp: BROTLI Parquet files both ways (written by cqlp and
 * read by DuckDB, written by DuckDB and imported by cqlp), and COPY TO ... WHERE on a column
 * outside the primary key, as written in the documentation.
 */
@ExtendWith(CassandraExtension.class)
class MigrationFidelityIT {
  private static final int USERS = 3000;

  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void createTables() throws Exception {
    keyspace = CassandraExtension.createKeyspace(MigrationFidelityIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    session.execute("CREATE TABLE " + keyspace + ".events (id int PRIMARY KEY, at timestamp)");
    for (String table : List.of("users", "users_back", "from_duck")) {
      session.execute("CREATE TABLE " + keyspace + "." + table
          + " (id int PRIMARY KEY, name text, status text, score double, tags list<text>)");
    }
    PreparedStatement insert = session.prepare("INSERT INTO " + keyspace
        + ".users (id, name, status, score, tags) VALUES (?, ?, ?, ?, ?)");
    for (int id = 0; id < USERS; id++) {
      session.execute(insert.bind(id, "user " + id, id % 3 == 0 ? "active" : "idle", id / 7.0,
          List.of("t" + id % 5, "u" + id)));
    }
    dir = Files.createDirectories(Shell.home().resolve("target/it/migration"));
  }

  private static Shell.Result cqlp(String statements) throws Exception {
    return Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statements);
  }

  private static TreeMap<Integer, List<Object>> table(String table) {
    TreeMap<Integer, List<Object>> rows = new TreeMap<>();
    for (Row r : CassandraExtension.session().execute("SELECT id, name, status, score, tags FROM "
        + keyspace + "." + table)) {
      rows.put(r.getInt(0), List.of(r.getString(1), r.getString(2), r.getDouble(3),
          r.getList(4, String.class)));
    }
    return rows;
  }

  @Test
  void should_write_brotli_files_duckdb_reads_with_every_row_and_import_duckdb_brotli_files() throws Exception {
    Path file = dir.resolve("users-brotli.parquet");
    Path duckFile = dir.resolve("duck-brotli.parquet");
    Shell.Result export = cqlp("COPY users TO '" + file + "' WITH COMPRESSION='BROTLI' AND COMPRESSION_LEVEL=11;");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains(USERS + " rows exported to 1 files");
    try (DuckDb duck = new DuckDb()) {
      String read = "read_parquet(" + DuckDb.literal(file) + ")";
      assertThat(duck.rows("SELECT DISTINCT compression FROM parquet_metadata(" + DuckDb.literal(file) + ")"))
          .containsExactly(List.of("BROTLI"));
      TreeMap<Integer, List<Object>> expected = table("users");
      TreeMap<Integer, List<Object>> fromDuck = new TreeMap<>();
      for (List<Object> r : duck.rows("SELECT id, name, status, score, to_json(tags)::VARCHAR FROM " + read)) {
        fromDuck.put((Integer) r.get(0), List.of(r.get(1), r.get(2), r.get(3), r.get(4)));
      }
      assertThat(fromDuck).hasSize(USERS);
      expected.forEach((id, row) -> assertThat(fromDuck.get(id)).as("row %d", id).containsExactly(
          row.get(0), row.get(1), row.get(2), "[\"" + String.join("\",\"", (List<String>) row.get(3)) + "\"]"));
      duck.execute("COPY (SELECT id, name, status, score, tags FROM " + read + ") TO "
          + DuckDb.literal(duckFile) + " (FORMAT parquet, COMPRESSION brotli)");
      assertThat(duck.rows("SELECT DISTINCT compression FROM parquet_metadata(" + DuckDb.literal(duckFile) + ")"))
          .containsExactly(List.of("BROTLI"));
    }
    Shell.Result load = cqlp("COPY users_back FROM '" + file + "'; COPY from_duck FROM '" + duckFile + "';");
    assertThat(load.exitCode()).as(load.err()).isZero();
    assertThat(table("users_back")).isEqualTo(table("users"));
    assertThat(table("from_duck")).isEqualTo(table("users"));
  }

  @Test
  void should_refuse_lzo_in_one_line() throws Exception {
    Shell.Result result = cqlp("COPY users TO '" + dir.resolve("lzo.parquet") + "' WITH COMPRESSION='LZO';");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.errLines()).containsExactly(
        "<stdin>:1:Compression LZO is not supported (no Java codec without Hadoop's native libraries);"
            + " use ZSTD, GZIP, BROTLI, SNAPPY or LZ4.");
    assertThat(dir.resolve("lzo.parquet")).doesNotExist();
  }

  @Test
  void should_run_the_where_example_of_the_documentation_verbatim() throws Exception {
    // bin/cqlp runs in the repository root, where the relative target lands.
    Path target = Shell.home().resolve("active_users.parquet");
    try {
      Shell.Result result = cqlp("COPY users TO 'active_users.parquet' WHERE status='active'");
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).contains(ids(USERS) + " rows exported to 1 files");
      try (DuckDb duck = new DuckDb()) {
        List<List<Object>> rows = duck.rows("SELECT count(*), count(DISTINCT id), min(status), max(status),"
            + " sum(id) FROM read_parquet(" + DuckDb.literal(target) + ")");
        long expectedSum = 0;
        List<Object> ids = new ArrayList<>();
        for (int id = 0; id < USERS; id += 3) {
          expectedSum += id;
          ids.add(id);
        }
        assertThat(((Number) rows.get(0).get(0)).longValue()).isEqualTo(ids.size());
        assertThat(((Number) rows.get(0).get(1)).longValue()).isEqualTo(ids.size());
        assertThat(rows.get(0).get(2)).isEqualTo("active");
        assertThat(rows.get(0).get(3)).isEqualTo("active");
        assertThat(((Number) rows.get(0).get(4)).longValue()).isEqualTo(expectedSum);
      }
      Shell.Result already = cqlp("COPY users TO '" + dir.resolve("idle.csv") + "' WHERE status = 'idle' ALLOW FILTERING");
      assertThat(already.exitCode()).as(already.err()).isZero();
      assertThat(Files.readAllLines(dir.resolve("idle.csv"))).hasSize(USERS - ids(USERS));
    } finally {
      Files.deleteIfExists(target);
    }
  }

  @Test
  void should_refuse_sub_millisecond_timestamps_naming_the_option_and_truncate_them_with_it() throws Exception {
    Path file = dir.resolve("ns.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute("COPY (SELECT i::INTEGER AS id, ('2024-05-06 07:08:09.' || (123456789 + i * 1000)::VARCHAR)"
          + "::TIMESTAMP_NS AS at FROM range(100) t(i)) TO " + DuckDb.literal(file) + " (FORMAT parquet)");
      assertThat(duck.describe(file).get("at")).isEqualTo("TIMESTAMP_NS");
    }
    Shell.Result refused = cqlp("COPY events FROM '" + file + "' WITH MAXPARSEERRORS=0"
        + " AND ERRFILE='" + dir.resolve("ns.err") + "';");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("2024-05-06T07:08:09.123456789Z has sub-millisecond digits;"
        + " a CQL timestamp holds milliseconds (PRECISION_LOSS='TRUNCATE' drops them)");
    assertThat(CassandraExtension.session().execute("SELECT count(*) FROM " + keyspace + ".events").one()
        .getLong(0)).isZero();

    Shell.Result truncated = cqlp("COPY events FROM '" + file + "' WITH PRECISION_LOSS='TRUNCATE';");
    assertThat(truncated.exitCode()).as(truncated.err()).isZero();
    assertThat(truncated.out()).contains("100 rows imported from 1 files");
    java.time.Instant base = java.time.Instant.parse("2024-05-06T07:08:09.123456789Z");
    for (Row r : CassandraExtension.session().execute("SELECT id, at FROM " + keyspace + ".events")) {
      java.time.Instant exact = base.plusNanos(r.getInt(0) * 1000L);
      assertThat(r.getInstant(1)).as("id %d", r.getInt(0))
          .isEqualTo(java.time.Instant.ofEpochMilli(exact.toEpochMilli()));
    }
  }

  private static int ids(int users) {
    return (users + 2) / 3;
  }
}
