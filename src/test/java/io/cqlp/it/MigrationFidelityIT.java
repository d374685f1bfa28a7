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
    for (String table :
        List.of("cells", "cells_parquet", "cells_csv", "cells_json", "cells_plain")) {
      session.execute(
          "CREATE TABLE "
              + keyspace
              + "."
              + table
              + " (id int, ck int, a text, b int,"
              + " fl frozen<list<int>>, fm frozen<map<text, int>>, PRIMARY KEY (id, ck))");
    }
    for (String table : List.of("stat", "stat_back")) {
      session.execute(
          "CREATE TABLE "
              + keyspace
              + "."
              + table
              + " (p int, c int, s int static, v int, PRIMARY KEY (p, c))");
    }
    for (String table : List.of("multi", "multi_back")) {
      session.execute(
          "CREATE TABLE "
              + keyspace
              + "."
              + table
              + " (id int PRIMARY KEY, l list<int>, s set<text>, m map<int, text>, v int)");
    }
    for (String table : List.of("users", "users_back", "from_duck")) {
      session.execute(
          "CREATE TABLE "
              + keyspace
              + "."
              + table
              + " (id int PRIMARY KEY, name text, status text, score double, tags list<text>)");
    }
    PreparedStatement insert =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".users (id, name, status, score, tags) VALUES (?, ?, ?, ?, ?)");
    for (int id = 0; id < USERS; id++) {
      session.execute(
          insert.bind(
              id,
              "user " + id,
              id % 3 == 0 ? "active" : "idle",
              id / 7.0,
              List.of("t" + id % 5, "u" + id)));
    }
    dir = Files.createDirectories(Shell.home().resolve("target/it/migration"));
  }

  private static Shell.Result cqlp(String statements) throws Exception {
    return Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statements);
  }

  private static TreeMap<Integer, List<Object>> table(String table) {
    TreeMap<Integer, List<Object>> rows = new TreeMap<>();
    for (Row r :
        CassandraExtension.session()
            .execute("SELECT id, name, status, score, tags FROM " + keyspace + "." + table)) {
      rows.put(
          r.getInt(0),
          List.of(r.getString(1), r.getString(2), r.getDouble(3), r.getList(4, String.class)));
    }
    return rows;
  }

  @Test
  void should_write_brotli_files_duckdb_reads_with_every_row_and_import_duckdb_brotli_files()
      throws Exception {
    Path file = dir.resolve("users-brotli.parquet");
    Path duckFile = dir.resolve("duck-brotli.parquet");
    Shell.Result export =
        cqlp("COPY users TO '" + file + "' WITH COMPRESSION='BROTLI' AND COMPRESSION_LEVEL=11;");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains(USERS + " rows exported to 1 files");
    try (DuckDb duck = new DuckDb()) {
      String read = "read_parquet(" + DuckDb.literal(file) + ")";
      assertThat(
              duck.rows(
                  "SELECT DISTINCT compression FROM parquet_metadata("
                      + DuckDb.literal(file)
                      + ")"))
          .containsExactly(List.of("BROTLI"));
      TreeMap<Integer, List<Object>> expected = table("users");
      TreeMap<Integer, List<Object>> fromDuck = new TreeMap<>();
      for (List<Object> r :
          duck.rows("SELECT id, name, status, score, to_json(tags)::VARCHAR FROM " + read)) {
        fromDuck.put((Integer) r.get(0), List.of(r.get(1), r.get(2), r.get(3), r.get(4)));
      }
      assertThat(fromDuck).hasSize(USERS);
      expected.forEach(
          (id, row) ->
              assertThat(fromDuck.get(id))
                  .as("row %d", id)
                  .containsExactly(
                      row.get(0),
                      row.get(1),
                      row.get(2),
                      "[\"" + String.join("\",\"", (List<String>) row.get(3)) + "\"]"));
      duck.execute(
          "COPY (SELECT id, name, status, score, tags FROM "
              + read
              + ") TO "
              + DuckDb.literal(duckFile)
              + " (FORMAT parquet, COMPRESSION brotli)");
      assertThat(
              duck.rows(
                  "SELECT DISTINCT compression FROM parquet_metadata("
                      + DuckDb.literal(duckFile)
                      + ")"))
          .containsExactly(List.of("BROTLI"));
    }
    Shell.Result load =
        cqlp("COPY users_back FROM '" + file + "'; COPY from_duck FROM '" + duckFile + "';");
    assertThat(load.exitCode()).as(load.err()).isZero();
    assertThat(table("users_back")).isEqualTo(table("users"));
    assertThat(table("from_duck")).isEqualTo(table("users"));
  }

  @Test
  void should_refuse_lzo_in_one_line() throws Exception {
    Shell.Result result =
        cqlp("COPY users TO '" + dir.resolve("lzo.parquet") + "' WITH COMPRESSION='LZO';");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.errLines())
        .containsExactly(
            "<stdin>:1:Compression LZO is not supported (no Java codec without Hadoop's native"
                + " libraries); use ZSTD, GZIP, BROTLI, SNAPPY or LZ4.");
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
        List<List<Object>> rows =
            duck.rows(
                "SELECT count(*), count(DISTINCT id), min(status), max(status),"
                    + " sum(id) FROM read_parquet("
                    + DuckDb.literal(target)
                    + ")");
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
      Shell.Result already =
          cqlp(
              "COPY users TO '"
                  + dir.resolve("idle.csv")
                  + "' WHERE status = 'idle' ALLOW FILTERING");
      assertThat(already.exitCode()).as(already.err()).isZero();
      assertThat(Files.readAllLines(dir.resolve("idle.csv"))).hasSize(USERS - ids(USERS));
    } finally {
      Files.deleteIfExists(target);
    }
  }

  @Test
  void should_refuse_sub_millisecond_timestamps_naming_the_option_and_truncate_them_with_it()
      throws Exception {
    Path file = dir.resolve("ns.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT i::INTEGER AS id, ('2024-05-06 07:08:09.' || (123456789 + i *"
              + " 1000)::VARCHAR)::TIMESTAMP_NS AS at FROM range(100) t(i)) TO "
              + DuckDb.literal(file)
              + " (FORMAT parquet)");
      assertThat(duck.describe(file).get("at")).isEqualTo("TIMESTAMP_NS");
    }
    Shell.Result refused =
        cqlp(
            "COPY events FROM '"
                + file
                + "' WITH MAXPARSEERRORS=0"
                + " AND ERRFILE='"
                + dir.resolve("ns.err")
                + "';");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err())
        .contains(
            "2024-05-06T07:08:09.123456789Z has sub-millisecond digits;"
                + " a CQL timestamp holds milliseconds (PRECISION_LOSS='TRUNCATE' drops them)");
    assertThat(
            CassandraExtension.session()
                .execute("SELECT count(*) FROM " + keyspace + ".events")
                .one()
                .getLong(0))
        .isZero();

    Shell.Result truncated =
        cqlp("COPY events FROM '" + file + "' WITH PRECISION_LOSS='TRUNCATE';");
    assertThat(truncated.exitCode()).as(truncated.err()).isZero();
    assertThat(truncated.out()).contains("100 rows imported from 1 files");
    Path text = dir.resolve("us.csv");
    Files.writeString(text, "1000,2024-05-06 07:08:09.123456+0000\n");
    Shell.Result textRefused =
        cqlp(
            "COPY events FROM '"
                + text
                + "' WITH MAXPARSEERRORS=0 AND ERRFILE='"
                + dir.resolve("us.err")
                + "';");
    assertThat(textRefused.exitCode()).isNotZero();
    assertThat(textRefused.err())
        .contains(
            "has sub-millisecond digits; a CQL timestamp holds milliseconds"
                + " (PRECISION_LOSS='TRUNCATE' drops them)");
    Shell.Result textTruncated =
        cqlp("COPY events FROM '" + text + "' WITH PRECISION_LOSS='TRUNCATE';");
    assertThat(textTruncated.exitCode()).as(textTruncated.err()).isZero();
    assertThat(
            CassandraExtension.session()
                .execute("SELECT at FROM " + keyspace + ".events WHERE id = 1000")
                .one()
                .getInstant(0))
        .isEqualTo(java.time.Instant.parse("2024-05-06T07:08:09.123Z"));
    CassandraExtension.session().execute("DELETE FROM " + keyspace + ".events WHERE id = 1000");
    java.time.Instant base = java.time.Instant.parse("2024-05-06T07:08:09.123456789Z");
    for (Row r :
        CassandraExtension.session().execute("SELECT id, at FROM " + keyspace + ".events")) {
      java.time.Instant exact = base.plusNanos(r.getInt(0) * 1000L);
      assertThat(r.getInstant(1))
          .as("id %d", r.getInt(0))
          .isEqualTo(java.time.Instant.ofEpochMilli(exact.toEpochMilli()));
    }
  }

  private static final long T0 = 1_700_000_000_000_000L;

  private static List<List<Object>> cells(String table) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row r :
        CassandraExtension.session()
            .execute(
                "SELECT id, ck, a, b, fl, fm, writetime(a), ttl(a),"
                    + " writetime(b), ttl(b), writetime(fl), ttl(fl), writetime(fm), ttl(fm) FROM "
                    + keyspace
                    + "."
                    + table)) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < 14; i++) {
        row.add(r.getObject(i));
      }
      rows.add(row);
    }
    rows.sort(
        java.util.Comparator.comparing((List<Object> r) -> (Integer) r.get(0))
            .thenComparing(r -> (Integer) r.get(1)));
    return rows;
  }

  @Test
  void should_keep_each_cells_write_time_and_ttl_through_parquet_and_csv() throws Exception {
    long started = System.nanoTime();
    CqlSession session = CassandraExtension.session();
    String t = keyspace + ".cells";
    for (int id = 0; id < 50; id++) {
      for (int ck = 0; ck < 4; ck++) {
        long ts = T0 + id * 1000L + ck;
        session.execute(
            "INSERT INTO "
                + t
                + " (id, ck, a, b, fl, fm) VALUES ("
                + id
                + ", "
                + ck
                + ", 'a"
                + id
                + "', "
                + ck
                + ", ["
                + id
                + ", "
                + ck
                + "], {'k': "
                + id
                + "}) USING TIMESTAMP "
                + ts
                + (ck == 1 ? " AND TTL 86400" : ""));
        if (ck >= 2) {
          // b, and fm, written later, one with a TTL of its own
          session.execute(
              "UPDATE "
                  + t
                  + " USING TIMESTAMP "
                  + (ts + 500)
                  + (ck == 3 ? " AND TTL 7200" : "")
                  + " SET b = "
                  + (ck * 10)
                  + ", fm = {'later': "
                  + ck
                  + "} WHERE id = "
                  + id
                  + " AND ck = "
                  + ck);
        }
      }
    }
    session.execute("INSERT INTO " + t + " (id, ck) VALUES (99, 0) USING TIMESTAMP " + T0);
    // A newer write on the targets, made before the import, must survive it.
    for (String target : List.of("cells_parquet", "cells_csv", "cells_json")) {
      session.execute(
          "INSERT INTO "
              + keyspace
              + "."
              + target
              + " (id, ck, a) VALUES (7, 2, 'newer') USING TIMESTAMP "
              + (T0 + 10_000_000L));
    }
    Path parquet = dir.resolve("cells.parquet");
    Path csv = dir.resolve("cells.csv");
    Path json = dir.resolve("cells.jsonl");
    Shell.Result result =
        cqlp(
            "COPY cells TO '"
                + parquet
                + "' WITH WRITETIME=true AND TTL=true;"
                + " COPY cells TO '"
                + csv
                + "' WITH WRITETIME=true AND TTL=true AND HEADER=true;"
                // found by their names in the Parquet footer and the CSV header
                + " COPY cells_parquet FROM '"
                + parquet
                + "';"
                + " COPY cells_csv FROM '"
                + csv
                + "' WITH HEADER=true;"
                + " COPY cells TO '"
                + json
                + "' WITH WRITETIME=true AND TTL=true;"
                + " COPY cells_json FROM '"
                + json
                + "' WITH WRITETIME=true AND TTL=true;");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("201 rows exported to 1 files");
    assertThat(result.out().split("201 rows imported from 1 files", -1)).hasSize(4);
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.describe(parquet))
          .containsEntry("writetime(a)", "TIMESTAMP WITH TIME ZONE")
          .containsEntry("ttl(fm)", "INTEGER");
      assertThat(
              duck.rows(
                  "SELECT epoch_us(\"writetime(b)\") FROM read_parquet("
                      + DuckDb.literal(parquet)
                      + ") WHERE id = 3 AND ck = 3"))
          .containsExactly(List.of(T0 + 3000L + 3 + 500));
    }
    assertThat(Files.readAllLines(csv).get(0))
        .isEqualTo(
            "id,ck,a,b,fl,fm,writetime(a),ttl(a),writetime(b),ttl(b),"
                + "writetime(fl),ttl(fl),writetime(fm),ttl(fm)");
    long tookSeconds = (System.nanoTime() - started) / 1_000_000_000L + 2;
    List<List<Object>> source = cells("cells");
    assertThat(source).hasSize(201);
    for (String target : List.of("cells_parquet", "cells_csv", "cells_json")) {
      List<List<Object>> back = cells(target);
      assertThat(back).as(target).hasSize(source.size());
      for (int i = 0; i < source.size(); i++) {
        List<Object> s = source.get(i);
        List<Object> b = back.get(i);
        boolean overwritten = s.get(0).equals(7) && s.get(1).equals(2);
        for (int c = 0; c < 14; c++) {
          String what = target + " row " + s.subList(0, 2) + " column " + c;
          if (overwritten && (c == 2 || c == 6)) {
            assertThat(b.get(c)).as(what).isEqualTo(c == 2 ? "newer" : T0 + 10_000_000L);
          } else if (c >= 7 && c % 2 == 1 && s.get(c) != null) {
            // the TTL left at export, re-applied at import: within the seconds the test took
            assertThat((Integer) b.get(c))
                .as(what)
                .isBetween(
                    (int) ((Integer) s.get(c) - tookSeconds),
                    (int) ((Integer) s.get(c) + tookSeconds));
          } else {
            assertThat(b.get(c)).as(what).isEqualTo(s.get(c));
          }
        }
      }
    }
    assertThat(source.get(3 * 4 + 1).get(7)).isNotNull();
    assertThat(source.get(3 * 4 + 3).get(8)).isEqualTo(T0 + 3000L + 3 + 500);

    Shell.Result plain = cqlp("COPY cells_plain FROM '" + parquet + "' WITH WRITETIME=false;");
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    Row fresh =
        session
            .execute(
                "SELECT a, writetime(a), ttl(a) FROM "
                    + keyspace
                    + ".cells_plain WHERE id = 3 AND ck = 1")
            .one();
    assertThat(fresh.getString(0)).isEqualTo("a3");
    assertThat(fresh.getLong(1)).isGreaterThan(T0 + 10_000_000L);
    assertThat(fresh.isNull(2)).isTrue();
    Path noTimes = dir.resolve("cells-no-times.parquet");
    Shell.Result none =
        cqlp(
            "COPY cells TO '"
                + noTimes
                + "'; COPY cells_plain FROM '"
                + noTimes
                + "' WITH WRITETIME=true;");
    assertThat(none.exitCode()).isNotZero();
    assertThat(none.errLines())
        .containsExactly(
            "<stdin>:1:WRITETIME=true, but "
                + noTimes
                + " has no writetime(c) or ttl(c) column; export with WITH WRITETIME=true AND"
                + " TTL=true, or drop the option.");
  }

  @Test
  void should_keep_the_write_time_of_non_frozen_collections_and_refuse_elements_written_apart()
      throws Exception {
    CqlSession session = CassandraExtension.session();
    String t = keyspace + ".multi";
    for (int id = 0; id < 20; id++) {
      session.execute(
          "INSERT INTO "
              + t
              + " (id, l, s, m, v) VALUES ("
              + id
              + ", ["
              + id
              + ", 2], {'x"
              + id
              + "'}, {"
              + id
              + ": 'y'}, "
              + id
              + ") USING TIMESTAMP "
              + (T0 + id)
              + (id % 2 == 0 ? " AND TTL 3600" : ""));
    }
    session.execute(
        "UPDATE "
            + t
            + " USING TIMESTAMP "
            + (T0 + 999)
            + " SET v = 0, s = {'later'} WHERE id = 5");
    Path file = dir.resolve("multi.parquet");
    Shell.Result result =
        cqlp(
            "COPY multi TO '"
                + file
                + "' WITH WRITETIME=true AND TTL=true;"
                + " COPY multi_back FROM '"
                + file
                + "';");
    assertThat(result.exitCode()).as(result.err()).isZero();
    String times =
        "SELECT id, l, s, m, v, writetime(l), ttl(l), writetime(s), writetime(m), ttl(m),"
            + " writetime(v) FROM ";
    TreeMap<Integer, List<Object>> source = new TreeMap<>();
    for (Row r : session.execute(times + t)) {
      source.put(
          r.getInt(0),
          java.util.Arrays.asList(
              r.getObject(1),
              r.getObject(2),
              r.getObject(3),
              r.getObject(4),
              r.getObject(5),
              r.getObject(6),
              r.getObject(7),
              r.getObject(8),
              r.getObject(9),
              r.getObject(10)));
    }
    assertThat(source).hasSize(20);
    assertThat(source.get(5).get(6)).isEqualTo(List.of(T0 + 999));
    for (Row r : session.execute(times + keyspace + ".multi_back")) {
      List<Object> s = source.get(r.getInt(0));
      String what = "row " + r.getInt(0);
      assertThat(
              java.util.Arrays.asList(
                  r.getObject(1),
                  r.getObject(2),
                  r.getObject(3),
                  r.getObject(4),
                  r.getObject(5),
                  r.getObject(7),
                  r.getObject(8),
                  r.getObject(10)))
          .as(what)
          .isEqualTo(
              java.util.Arrays.asList(
                  s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(6), s.get(7), s.get(9)));
      assertThat(closeTtls((List<?>) r.getObject(6), (List<?>) s.get(5)))
          .as(what + " ttl(l)")
          .isTrue();
      assertThat(closeTtls((List<?>) r.getObject(9), (List<?>) s.get(8)))
          .as(what + " ttl(m)")
          .isTrue();
    }

    session.execute(
        "UPDATE " + t + " USING TIMESTAMP " + (T0 + 5000) + " SET l = l + [3] WHERE id = 7");
    Path refused = dir.resolve("multi-refused.parquet");
    Shell.Result apart = cqlp("COPY multi TO '" + refused + "' WITH WRITETIME=true;");
    assertThat(apart.exitCode()).isNotZero();
    assertThat(apart.errLines())
        .containsExactly(
            "<stdin>:1:Column l (list<int>) of the row (id=7) holds elements"
                + " written at different times ["
                + (T0 + 7)
                + ", "
                + (T0 + 7)
                + ", "
                + (T0 + 5000)
                + "]; one INSERT restores a single write time and TTL per value. Export without"
                + " WRITETIME and TTL, or name the other columns.");
    assertThat(refused).doesNotExist();
  }

  @Test
  void should_keep_the_write_time_of_a_partition_that_holds_only_static_values() throws Exception {
    CqlSession session = CassandraExtension.session();
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".stat (p, s) VALUES (1, 10) USING TIMESTAMP "
            + (T0 + 1)
            + " AND TTL 3600");
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".stat (p, c, s, v) VALUES (2, 1, 20, 5) USING TIMESTAMP "
            + (T0 + 2));
    Path file = dir.resolve("stat.parquet");
    Shell.Result result =
        cqlp(
            "COPY stat TO '"
                + file
                + "' WITH WRITETIME=true AND TTL=true;"
                + " COPY stat_back FROM '"
                + file
                + "';");
    assertThat(result.exitCode()).as(result.err()).isZero();
    for (String table : List.of("stat", "stat_back")) {
      List<Row> rows =
          session
              .execute(
                  "SELECT p, s, writetime(s), ttl(s), v, writetime(v) FROM "
                      + keyspace
                      + "."
                      + table)
              .all();
      rows.sort(java.util.Comparator.comparing(r -> r.getInt(0)));
      assertThat(rows).as(table).hasSize(2);
      assertThat(rows.get(0).getInt(1)).isEqualTo(10);
      assertThat(rows.get(0).getLong(2)).as(table).isEqualTo(T0 + 1);
      assertThat(rows.get(0).getInt(3)).as(table).isBetween(3000, 3600);
      assertThat(rows.get(1).getLong(2)).as(table).isEqualTo(T0 + 2);
      assertThat(rows.get(1).getLong(5)).as(table).isEqualTo(T0 + 2);
    }
  }

  /**
   * Lists of TTLs equal but for the seconds the test took (both null, or as many, each within 60
   * s).
   */
  private static boolean closeTtls(List<?> back, List<?> source) {
    if (back == null || source == null) {
      return back == source;
    }
    if (back.size() != source.size()) {
      return false;
    }
    for (int i = 0; i < back.size(); i++) {
      Object b = back.get(i);
      Object s = source.get(i);
      if (b == null || s == null ? b != s : Math.abs((Integer) b - (Integer) s) > 60) {
        return false;
      }
    }
    return true;
  }

  private static int ids(int users) {
    return (users + 2) / 3;
  }
}
