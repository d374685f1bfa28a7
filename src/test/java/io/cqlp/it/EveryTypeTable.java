package io.cqlp.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A table with a column of every CQL type: every scalar, collections, nested frozen collections,
 * user types nested in collections and in each other, tuples, vectors of floats (1536 of them) and
 * of other subtypes, duration, and a static column. The fixture of the integration tests of the
 * type mapping.
 */
final class EveryTypeTable {
  /** The column definitions, the primary key last. */
  static final String COLUMNS =
      "id int, ck int, st text static, a ascii, t text, vc varchar, ti tinyint, si smallint, i int,"
          + " bi bigint, vi varint, f float, d double, dec decimal, b boolean, ts timestamp, dt"
          + " date, tm time, u uuid, tu timeuuid, bl blob, ip inet, du duration, l list<int>, s"
          + " set<text>, m map<text, bigint>, ldu list<duration>, fl"
          + " frozen<list<frozen<list<int>>>>, fs frozen<set<uuid>>, fm frozen<map<int,"
          + " frozen<list<text>>>>, mu map<text, frozen<list<frozen<address>>>>, lm"
          + " list<frozen<map<text, date>>>, tup frozen<tuple<int, text, timestamp,"
          + " frozen<list<double>>>>, addr frozen<address>, pt point, v vector<float, 1536>, vd"
          + " vector<double, 3>, vt vector<text, 2>, vb vector<bigint, 2>, sb set<blob>, mdec"
          + " map<decimal, varint>, PRIMARY KEY ((id), ck)";

  private EveryTypeTable() {}

  /** Creates the user types and a table of every type under each of the given names. */
  static void create(CqlSession session, String keyspace, String... tables) {
    session.execute("CREATE TYPE " + keyspace + ".point (x double, y double)");
    session.execute(
        "CREATE TYPE "
            + keyspace
            + ".address (street text, zip int,"
            + " tags frozen<set<text>>, loc frozen<point>,"
            + " visits frozen<list<frozen<tuple<timestamp, inet>>>>, span duration)");
    for (String table : tables) {
      session.execute("CREATE TABLE " + keyspace + "." + table + " (" + COLUMNS + ")");
    }
  }

  /** The table's metadata. */
  private static TableMetadata metadata(CqlSession session, String keyspace, String table) {
    return session.getMetadata().getKeyspace(keyspace).orElseThrow().getTable(table).orElseThrow();
  }

  /** Column names with their types, partition key, clustering column, then the others. */
  static Map<String, DataType> columns(CqlSession session, String keyspace, String table) {
    TableMetadata t = metadata(session, keyspace, table);
    Map<String, DataType> columns = new LinkedHashMap<>();
    columns.put("id", t.getColumn("id").orElseThrow().getType());
    columns.put("ck", t.getColumn("ck").orElseThrow().getType());
    for (ColumnMetadata c : t.getColumns().values()) {
      columns.putIfAbsent(c.getName().asInternal(), c.getType());
    }
    return columns;
  }

  /**
   * Rows of random values (about one in ten null) in partitions of 1 to 4 rows, with the static
   * column set per partition.
   *
   * @param firstId the id of the first partition
   * @return one value map per row, column name to value; null values are absent
   */
  static List<Map<String, Object>> randomRows(
      Map<String, DataType> columns, RandomCql random, int count, int firstId) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int id = firstId;
    while (rows.size() < count) {
      int rowsInPartition = 1 + random.random().nextInt(4);
      Object stat = random.valueOrNull(columns.get("st"), 0.2);
      for (int ck = 0; ck < rowsInPartition && rows.size() < count; ck++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("ck", ck);
        if (stat != null) {
          row.put("st", stat);
        }
        for (Map.Entry<String, DataType> c : columns.entrySet()) {
          if (!row.containsKey(c.getKey()) && !c.getKey().equals("st")) {
            Object v = random.valueOrNull(c.getValue(), 0.1);
            if (v != null && !c.getKey().equals("id") && !c.getKey().equals("ck")) {
              row.put(c.getKey(), v);
            }
          }
        }
        rows.add(row);
      }
      id++;
    }
    return rows;
  }

  /**
   * Rows of the edge values the type mapping must keep, in partitions from {@code firstId}: the
   * extremes of every number, NaN, infinities, -0.0, dates and timestamps (with {@code duckSafe}
   * false: at CQL's limits), nanosecond times, varints beyond 2^64, decimals of scale 1000 and -20,
   * empty and 1 MiB blobs, astral-plane text, IPv4 and IPv6, durations, empty frozen collections,
   * all-null user types and tuples, and a partition holding only its static value.
   */
  static List<Map<String, Object>> edgeRows(
      CqlSession session, String keyspace, String table, boolean duckSafe, int firstId)
      throws Exception {
    UserDefinedType address =
        session
            .getMetadata()
            .getKeyspace(keyspace)
            .orElseThrow()
            .getUserDefinedType("address")
            .orElseThrow();
    UserDefinedType point =
        session
            .getMetadata()
            .getKeyspace(keyspace)
            .orElseThrow()
            .getUserDefinedType("point")
            .orElseThrow();
    TupleType tup = (TupleType) columns(session, keyspace, table).get("tup");
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Float> floats = new ArrayList<>();
    for (int i = 0; i < 1536; i++) {
      floats.add(i % 7 == 0 ? -0.0f : (float) Math.sin(i) * (i % 3 == 0 ? 1e30f : 1e-30f));
    }
    byte[] big = new byte[1 << 20];
    new Random(7).nextBytes(big);
    rows.add(
        row(
            firstId,
            0,
            "min",
            "",
            "",
            "",
            Byte.MIN_VALUE,
            Short.MIN_VALUE,
            Integer.MIN_VALUE,
            Long.MIN_VALUE,
            BigInteger.TWO.pow(64).negate().subtract(BigInteger.ONE),
            -Float.MAX_VALUE,
            Double.NEGATIVE_INFINITY,
            new BigDecimal(BigInteger.ONE, 1000),
            duckSafe
                ? Instant.parse("0001-01-01T00:00:00.001Z")
                : Instant.ofEpochMilli(Long.MIN_VALUE),
            duckSafe ? LocalDate.of(1, 1, 1) : LocalDate.ofEpochDay(Integer.MIN_VALUE),
            LocalTime.MIDNIGHT,
            ByteBuffer.allocate(0),
            InetAddress.getByName("0.0.0.0"),
            CqlDuration.newInstance(-1, -2, -3)));
    rows.get(0).put("v", CqlVector.newInstance(floats));
    rows.get(0).put("fl", List.of());
    rows.get(0).put("fs", Set.of());
    rows.get(0).put("fm", Map.of());
    rows.get(0).put("tup", tup.newValue());
    rows.get(0).put("addr", address.newValue());
    rows.add(
        row(
            firstId,
            1,
            "max",
            "\u007f~",
            "\uD83D\uDE80 astral \uD834\uDD1E",
            "東京",
            Byte.MAX_VALUE,
            Short.MAX_VALUE,
            Integer.MAX_VALUE,
            Long.MAX_VALUE,
            BigInteger.TWO.pow(64),
            Float.MAX_VALUE,
            Double.POSITIVE_INFINITY,
            new BigDecimal(new BigInteger("-123456789"), -20),
            duckSafe
                ? Instant.parse("9999-12-31T23:59:59.999Z")
                : Instant.ofEpochMilli(Long.MAX_VALUE),
            duckSafe ? LocalDate.of(9999, 12, 31) : LocalDate.ofEpochDay(Integer.MAX_VALUE),
            LocalTime.of(23, 59, 59, 999_999_999),
            ByteBuffer.wrap(big),
            InetAddress.getByName("2001:db8::ff00:42:8329"),
            CqlDuration.newInstance(14, 3, 4_000_000_007L)));
    List<Float> withNan = new ArrayList<>(floats);
    withNan.set(1535, Float.NaN);
    withNan.set(1534, Float.NEGATIVE_INFINITY);
    rows.get(1).put("v", CqlVector.newInstance(withNan));
    rows.get(1)
        .put(
            "tup",
            tup.newValue(
                null,
                "",
                Instant.parse("1969-07-20T20:17:40.123Z"),
                List.of(Double.NaN, -0.0, Double.MIN_VALUE)));
    rows.get(1)
        .put(
            "addr",
            address.newValue(
                "Grüße \uD83D\uDE00",
                -1,
                Set.of(),
                point.newValue(-0.0, Double.NaN),
                List.of(),
                CqlDuration.newInstance(0, 0, 1)));
    rows.add(
        row(
            firstId + 1,
            0,
            null,
            "nan",
            "NaN",
            null,
            (byte) 0,
            (short) 0,
            0,
            0L,
            BigInteger.ZERO,
            Float.NaN,
            -0.0d,
            new BigDecimal("-0.00"),
            Instant.parse("1969-12-31T23:59:59.999Z"),
            duckSafe ? LocalDate.of(1492, 10, 12) : LocalDate.of(-5000, 3, 1),
            LocalTime.ofNanoOfDay(1),
            ByteBuffer.wrap(new byte[] {0, (byte) 0xff}),
            InetAddress.getByName("::1"),
            CqlDuration.newInstance(0, 0, 0)));
    rows.get(2).put("f", -0.0f);
    rows.get(2).put("vd", CqlVector.newInstance(Double.NaN, Double.NEGATIVE_INFINITY, -0.0));
    rows.get(2).put("pt", point.newValue(1.5, null));
    // A partition holding only its static value: the scan returns it with null clustering.
    Map<String, Object> alone = new LinkedHashMap<>();
    alone.put("id", firstId + 2);
    alone.put("st", "only the static column");
    rows.add(alone);
    return rows;
  }

  private static Map<String, Object> row(
      int id,
      int ck,
      String st,
      String a,
      String t,
      String vc,
      Byte ti,
      Short si,
      Integer i,
      Long bi,
      BigInteger vi,
      Float f,
      Double d,
      BigDecimal dec,
      Instant ts,
      LocalDate dt,
      LocalTime tm,
      ByteBuffer bl,
      InetAddress ip,
      CqlDuration du) {
    Map<String, Object> row = new LinkedHashMap<>();
    Object[] values = {id, ck, st, a, t, vc, ti, si, i, bi, vi, f, d, dec, ts, dt, tm, bl, ip, du};
    String[] names = {
      "id", "ck", "st", "a", "t", "vc", "ti", "si", "i", "bi", "vi", "f", "d", "dec", "ts", "dt",
      "tm", "bl", "ip", "du"
    };
    for (int c = 0; c < names.length; c++) {
      if (values[c] != null) {
        row.put(names[c], values[c]);
      }
    }
    return row;
  }

  /** Inserts the rows, each with an INSERT of exactly its non-null columns. */
  static void insert(
      CqlSession session, String keyspace, String table, List<Map<String, Object>> rows) {
    Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      String names = String.join(", ", row.keySet());
      PreparedStatement insert =
          statements.computeIfAbsent(
              names,
              n ->
                  session.prepare(
                      "INSERT INTO "
                          + keyspace
                          + "."
                          + table
                          + " ("
                          + n
                          + ") VALUES ("
                          + "?, ".repeat(row.size() - 1)
                          + "?)"));
      session.execute(insert.bind(row.values().toArray()));
    }
  }

  /** Every row of a table by "id/ck" (ck "null" for a static-only partition). */
  static Map<String, Row> rowsByKey(CqlSession session, String keyspace, String table) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Row row : session.execute("SELECT * FROM " + keyspace + "." + table)) {
      rows.put(row.getInt("id") + "/" + (row.isNull("ck") ? "null" : row.getInt("ck")), row);
    }
    return rows;
  }
}
