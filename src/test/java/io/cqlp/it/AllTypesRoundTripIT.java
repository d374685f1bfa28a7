package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every scalar CQL type leaves Cassandra through COPY TO and comes back through COPY FROM exactly,
 * NULLs and edge values included, compared value by value; DuckDB reads the file with the values
 * Cassandra holds.
 */
@ExtendWith(CassandraExtension.class)
class AllTypesRoundTripIT {
  private static final String COLUMNS =
      "id int PRIMARY KEY, a ascii, t text, vc varchar, ti tinyint, si smallint, i int, bi bigint,"
          + " f float, d double, b boolean, ts timestamp, dt date, tm time, u uuid, tu timeuuid,"
          + " bl blob, ip inet, dec decimal, vi varint";
  private static final String NAMES =
      "id, a, t, vc, ti, si, i, bi, f, d, b, ts, dt, tm, u, tu, bl, ip, dec, vi";
  private static String keyspace;
  private static LocalCassandra node;

  @BeforeAll
  static void createTables() throws Exception {
    keyspace = CassandraExtension.createKeyspace(AllTypesRoundTripIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    session.execute("CREATE TABLE " + keyspace + ".types (" + COLUMNS + ")");
    session.execute("CREATE TABLE " + keyspace + ".types_back (" + COLUMNS + ")");
    session.execute("CREATE TABLE " + keyspace + ".hits (page text PRIMARY KEY, n counter)");
    session.execute("CREATE TABLE " + keyspace + ".hits_back (page text PRIMARY KEY, n counter)");
    PreparedStatement insert =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".types ("
                + NAMES
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (Object[] row : rows()) {
      session.execute(insert.bind(row));
    }
    session.execute(
        "UPDATE " + keyspace + ".hits SET n = n + 9223372036854775807 WHERE page = 'max'");
    session.execute("UPDATE " + keyspace + ".hits SET n = n - 42 WHERE page = 'négatif'");
  }

  static List<Object[]> rows() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    rows.add(
        new Object[] {
          1,
          "",
          "",
          "",
          Byte.MIN_VALUE,
          Short.MIN_VALUE,
          Integer.MIN_VALUE,
          Long.MIN_VALUE,
          -Float.MAX_VALUE,
          -Double.MAX_VALUE,
          false,
          Instant.parse("1969-07-20T20:17:40.123Z"),
          LocalDate.of(1, 1, 1),
          LocalTime.MIDNIGHT,
          new UUID(0, 0),
          Uuids.startOf(0),
          ByteBuffer.allocate(0),
          InetAddress.getByName("0.0.0.0"),
          new BigDecimal("-0.000000000000000000001"),
          new BigInteger("-170141183460469231731687303715884105728000")
        });
    rows.add(
        new Object[] {
          2,
          "~ascii~",
          "Grüße, 東京 🚀",
          "it's \"quoted\"\nnew line",
          Byte.MAX_VALUE,
          Short.MAX_VALUE,
          Integer.MAX_VALUE,
          Long.MAX_VALUE,
          Float.MAX_VALUE,
          Double.MAX_VALUE,
          true,
          Instant.parse("9999-12-31T23:59:59.999Z"),
          LocalDate.of(9999, 12, 31),
          LocalTime.of(23, 59, 59, 999_999_999),
          UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"),
          Uuids.endOf(Instant.parse("2024-02-29T12:00:00Z").toEpochMilli()),
          ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xfe, (byte) 0xff}),
          InetAddress.getByName("2001:db8::ff00:42:8329"),
          new BigDecimal("12345678901234567890123456789012345678901234567890.123456789"),
          new BigInteger("99999999999999999999999999999999999999999999")
        });
    rows.add(
        new Object[] {
          3, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null
        });
    rows.add(
        new Object[] {
          4,
          "x",
          "NaN row",
          "",
          (byte) 0,
          (short) 0,
          0,
          0L,
          Float.NaN,
          Double.NaN,
          false,
          Instant.parse("1900-01-01T00:00:00.001Z"),
          LocalDate.of(1969, 12, 31),
          LocalTime.of(0, 0, 0, 1),
          UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
          Uuids.timeBased(),
          ByteBuffer.wrap("bytes".getBytes(StandardCharsets.UTF_8)),
          InetAddress.getByName("127.0.0.1"),
          new BigDecimal("1E+10"),
          BigInteger.ZERO
        });
    rows.add(
        new Object[] {
          5,
          "y",
          "inf",
          "z",
          (byte) -1,
          (short) -1,
          -1,
          -1L,
          Float.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY,
          true,
          Instant.ofEpochMilli(0),
          LocalDate.of(1970, 1, 1),
          LocalTime.of(12, 34, 56, 123_000_000),
          UUID.randomUUID(),
          Uuids.timeBased(),
          ByteBuffer.wrap(new byte[1000]),
          InetAddress.getByName("::1"),
          new BigDecimal("-0.0"),
          BigInteger.ONE.shiftLeft(200)
        });
    rows.add(
        new Object[] {
          6,
          "z",
          "neg zero",
          "",
          (byte) 1,
          (short) 1,
          1,
          1L,
          -0.0f,
          -0.0d,
          false,
          Instant.parse("2024-02-29T23:59:59.999Z"),
          LocalDate.of(-5000, 3, 1),
          LocalTime.of(0, 0, 0, 999_999_999),
          UUID.randomUUID(),
          Uuids.timeBased(),
          ByteBuffer.wrap(new byte[] {7}),
          InetAddress.getByName("10.1.2.3"),
          new BigDecimal("3.14159265358979323846264338327950288419716939937510"),
          BigInteger.valueOf(Long.MIN_VALUE)
        });
    return rows;
  }

  @Test
  void should_bring_every_value_back_exactly() throws Exception {
    Path file = target("types.parquet");
    Shell.Result out =
        Shell.run(node.host(), node.port(), "-k", keyspace, "-e", "COPY types TO '" + file + "'");
    assertThat(out.err()).isEmpty();
    assertThat(out.out()).contains("6 rows exported to 1 files");
    Shell.Result in =
        Shell.run(
            node.host(), node.port(), "-k", keyspace, "-e", "COPY types_back FROM '" + file + "'");
    assertThat(in.err()).isEmpty();
    assertThat(in.out()).contains("6 rows imported from 1 files");

    TreeMap<Integer, Row> original = byId("types");
    TreeMap<Integer, Row> back = byId("types_back");
    assertThat(back.keySet()).containsExactly(1, 2, 3, 4, 5, 6);
    for (int id : original.keySet()) {
      for (int c = 0; c < 20; c++) {
        Object expected = original.get(id).getObject(c);
        Object actual = back.get(id).getObject(c);
        assertThat(actual).as("row %d column %s", id, NAMES.split(", ")[c]).isEqualTo(expected);
      }
    }
    assertThat(back.get(6).getFloat("f")).isEqualTo(-0.0f);
    assertThat(1 / back.get(6).getDouble("d")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void should_write_values_duckdb_reads_as_cassandra_holds_them() throws Exception {
    Path file = target("types-duck.parquet");
    Shell.Result out =
        Shell.run(
            node.host(),
            node.port(),
            "-e",
            "COPY " + keyspace + ".types TO '" + file + "' WITH COMPRESSION='ZSTD'");
    assertThat(out.exitCode()).isZero();
    try (DuckDb duck = new DuckDb()) {
      String f = "read_parquet(" + DuckDb.literal(file) + ")";
      assertThat(duck.rows("SELECT ti, si, i, bi, b, a, t FROM " + f + " WHERE id = 2").get(0))
          .containsExactly(
              (byte) 127,
              (short) 32767,
              Integer.MAX_VALUE,
              Long.MAX_VALUE,
              true,
              "~ascii~",
              "Grüße, 東京 🚀");
      assertThat(
              duck.value("SELECT strftime(ts, '%Y-%m-%d %H:%M:%S.%g') FROM " + f + " WHERE id = 1"))
          .isEqualTo("1969-07-20 20:17:40.123");
      assertThat(duck.value("SELECT CAST(dt AS VARCHAR) FROM " + f + " WHERE id = 1"))
          .isEqualTo("0001-01-01");
      assertThat(duck.value("SELECT CAST(tm AS VARCHAR) FROM " + f + " WHERE id = 2"))
          .isEqualTo("23:59:59.999999999");
      assertThat(duck.value("SELECT dec FROM " + f + " WHERE id = 2"))
          .isEqualTo("12345678901234567890123456789012345678901234567890.123456789");
      assertThat(duck.value("SELECT vi FROM " + f + " WHERE id = 1"))
          .isEqualTo("-170141183460469231731687303715884105728000");
      assertThat(duck.value("SELECT ip FROM " + f + " WHERE id = 5")).isEqualTo("0:0:0:0:0:0:0:1");
      assertThat(duck.value("SELECT u FROM " + f + " WHERE id = 4"))
          .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
      assertThat(duck.value("SELECT hex(bl) FROM " + f + " WHERE id = 2")).isEqualTo("0001FEFF");
      assertThat(duck.value("SELECT isnan(f) AND isnan(d) FROM " + f + " WHERE id = 4"))
          .isEqualTo(true);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM "
                      + f
                      + " WHERE id = 3 AND a IS NULL AND ti IS NULL AND ts IS NULL"
                      + " AND tm IS NULL AND bl IS NULL AND dec IS NULL AND f IS NULL"))
          .isEqualTo(1);
      assertThat(duck.longValue("SELECT octet_length(bl) FROM " + f + " WHERE id = 1")).isZero();
      assertThat(duck.value("SELECT t FROM " + f + " WHERE id = 1")).isEqualTo("");
      String schema =
          (String)
              duck.value(
                  "SELECT decode(value) FROM parquet_kv_metadata("
                      + DuckDb.literal(file)
                      + ") WHERE decode(key) = 'cqlp.schema'");
      assertThat(schema)
          .contains(
              "\"keyspace\":\"" + keyspace + "\"",
              "\"table\":\"types\"",
              "\"tu\"",
              "timeuuid",
              "partition_key");
    }
  }

  @Test
  void should_round_trip_counters_through_updates() throws Exception {
    Path file = target("hits.parquet");
    assertThat(
            Shell.run(node.host(), node.port(), "-k", keyspace, "-e", "COPY hits TO '" + file + "'")
                .exitCode())
        .isZero();
    Shell.Result in =
        Shell.run(
            node.host(), node.port(), "-k", keyspace, "-e", "COPY hits_back FROM '" + file + "'");
    assertThat(in.err()).isEmpty();
    TreeMap<String, Long> back = new TreeMap<>();
    for (Row row :
        CassandraExtension.session().execute("SELECT page, n FROM " + keyspace + ".hits_back")) {
      back.put(row.getString(0), row.getLong(1));
    }
    assertThat(back).containsEntry("max", Long.MAX_VALUE).containsEntry("négatif", -42L).hasSize(2);
  }

  private static TreeMap<Integer, Row> byId(String table) {
    TreeMap<Integer, Row> rows = new TreeMap<>();
    for (Row row :
        CassandraExtension.session()
            .execute("SELECT " + NAMES + " FROM " + keyspace + "." + table)) {
      rows.put(row.getInt(0), row);
    }
    return rows;
  }

  private static Path target(String name) throws Exception {
    Path dir = Files.createDirectories(Shell.home().resolve("target/it/types"));
    Files.deleteIfExists(dir.resolve(name));
    return dir.resolve(name);
  }
}
