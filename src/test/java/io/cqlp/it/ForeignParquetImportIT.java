package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files written by DuckDB, with a column of every DuckDB type that has a CQL counterpart (lists,
 * fixed-size arrays, structs, maps, nested ones, intervals, unsigned integers, every timestamp
 * unit), import through bin/cqlp COPY FROM into the matching CQL columns with their values; a row
 * of NULLs stays NULL; a conversion that can never work stops the import with one line naming the
 * file, the column and both types.
 */
@ExtendWith(CassandraExtension.class)
class ForeignParquetImportIT {
  /** One column: its DuckDB expression, the CQL type it loads into, the value expected back. */
  private record Column(String name, String duck, String cql, Object expected) {}

  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void createTypes() throws Exception {
    keyspace = CassandraExtension.createKeyspace(ForeignParquetImportIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    session.execute("CREATE TYPE " + keyspace + ".point (x double, y double)");
    session.execute(
        "CREATE TYPE "
            + keyspace
            + ".thing (name text, n int,"
            + " tags frozen<list<text>>, at frozen<point>)");
    dir = Files.createDirectories(Shell.home().resolve("target/it/foreign"));
  }

  private static List<Column> columns() throws Exception {
    CqlSession session = CassandraExtension.session();
    UserDefinedType point =
        session
            .getMetadata()
            .getKeyspace(keyspace)
            .orElseThrow()
            .getUserDefinedType("point")
            .orElseThrow();
    UserDefinedType thing =
        session
            .getMetadata()
            .getKeyspace(keyspace)
            .orElseThrow()
            .getUserDefinedType("thing")
            .orElseThrow();
    TupleType triple = DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT, DataTypes.TIMESTAMP);
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("x", 1);
    m.put("y", 2);
    List<Column> c = new ArrayList<>();
    c.add(new Column("bo", "true", "boolean", true));
    c.add(new Column("ti", "(-128)::TINYINT", "tinyint", (byte) -128));
    c.add(new Column("si", "32767::SMALLINT", "smallint", (short) 32767));
    c.add(new Column("i", "(-2147483648)::INTEGER", "int", Integer.MIN_VALUE));
    c.add(new Column("bi", "9223372036854775807::BIGINT", "bigint", Long.MAX_VALUE));
    c.add(new Column("ut", "255::UTINYINT", "smallint", (short) 255));
    c.add(new Column("us", "65535::USMALLINT", "int", 65535));
    c.add(new Column("ui", "4294967295::UINTEGER", "bigint", 4_294_967_295L));
    c.add(
        new Column(
            "ub",
            "18446744073709551615::UBIGINT",
            "varint",
            new BigInteger("18446744073709551615")));
    c.add(
        new Column(
            "hg",
            "12345678901234567890123456789::HUGEINT::DECIMAL(38,0)",
            "varint",
            new BigInteger("12345678901234567890123456789")));
    c.add(new Column("fl", "'NaN'::FLOAT", "float", Float.NaN));
    c.add(new Column("fw", "1.5::FLOAT", "double", 1.5d));
    c.add(new Column("db", "'-Infinity'::DOUBLE", "double", Double.NEGATIVE_INFINITY));
    c.add(new Column("d4", "3.14::DECIMAL(4,2)", "decimal", new BigDecimal("3.14")));
    c.add(
        new Column(
            "d38",
            "-1234567890123456789012345678.1234567890::DECIMAL(38,10)",
            "decimal",
            new BigDecimal("-1234567890123456789012345678.1234567890")));
    c.add(new Column("dd", "0.1::DECIMAL(2,1)", "double", 0.1d));
    c.add(new Column("vc", "'Grüße 🚀'", "text", "Grüße 🚀"));
    c.add(new Column("ascii_text", "'plain'", "ascii", "plain"));
    c.add(new Column("bl", "'\\xAA\\x00'::BLOB", "blob", ByteBuffer.wrap(new byte[] {-86, 0})));
    c.add(new Column("dt", "DATE '1492-10-12'", "date", LocalDate.of(1492, 10, 12)));
    c.add(new Column("tm", "TIME '12:34:56.789012'", "time", LocalTime.parse("12:34:56.789012")));
    c.add(
        new Column(
            "tn", "'12:34:56.123456789'::TIME_NS", "time", LocalTime.parse("12:34:56.123456789")));
    c.add(
        new Column(
            "ts",
            "TIMESTAMP '1969-07-20 20:17:40.123'",
            "timestamp",
            Instant.parse("1969-07-20T20:17:40.123Z")));
    c.add(
        new Column(
            "tms",
            "TIMESTAMP_MS '2001-02-03 04:05:06.789'",
            "timestamp",
            Instant.parse("2001-02-03T04:05:06.789Z")));
    c.add(
        new Column(
            "tss",
            "TIMESTAMP_S '2001-02-03 04:05:06'",
            "timestamp",
            Instant.parse("2001-02-03T04:05:06Z")));
    c.add(
        new Column(
            "tns",
            "TIMESTAMP_NS '2001-02-03 04:05:06.789'",
            "timestamp",
            Instant.parse("2001-02-03T04:05:06.789Z")));
    c.add(
        new Column(
            "tz",
            "TIMESTAMPTZ '2001-02-03 04:05:06.789+01'",
            "timestamp",
            Instant.parse("2001-02-03T03:05:06.789Z")));
    c.add(
        new Column(
            "uu",
            "'123e4567-e89b-42d3-a456-426614174000'::UUID",
            "uuid",
            UUID.fromString("123e4567-e89b-42d3-a456-426614174000")));
    c.add(
        new Column(
            "tu",
            "'fe2b4360-28c6-11e2-81c1-0800200c9a66'::UUID",
            "timeuuid",
            UUID.fromString("fe2b4360-28c6-11e2-81c1-0800200c9a66")));
    c.add(
        new Column(
            "iv",
            "INTERVAL '14 months 3 days 4.005 seconds'",
            "duration",
            CqlDuration.newInstance(14, 3, 4_005_000_000L)));
    c.add(new Column("en", "'b'::ENUM('a', 'b')", "text", "b"));
    c.add(new Column("js", "'{\"a\":1}'::JSON", "text", "{\"a\":1}"));
    c.add(
        new Column(
            "vi",
            "'-99999999999999999999999'::VARINT",
            "varint",
            new BigInteger("-99999999999999999999999")));
    c.add(new Column("ip", "'2001:db8::1'", "inet", InetAddress.getByName("2001:db8::1")));
    c.add(new Column("ip4", "'10.0.0.1'", "inet", InetAddress.getByName("10.0.0.1")));
    c.add(new Column("sdec", "'1.50'", "decimal", new BigDecimal("1.50")));
    c.add(new Column("l", "[1, 2, 3]", "list<int>", List.of(1, 2, 3)));
    c.add(new Column("ls", "['b', 'a']", "set<text>", new LinkedHashSet<>(List.of("a", "b"))));
    c.add(
        new Column(
            "arr",
            "[0.5, 1.5, 2.5]::FLOAT[3]",
            "vector<float, 3>",
            CqlVector.newInstance(0.5f, 1.5f, 2.5f)));
    c.add(
        new Column(
            "arrd", "[1, 2]::DOUBLE[]", "vector<double, 2>", CqlVector.newInstance(1.0, 2.0)));
    c.add(new Column("el", "[]::INTEGER[]", "frozen<list<int>>", List.of()));
    c.add(new Column("m", "MAP {'x': 1, 'y': 2}", "map<text, int>", m));
    c.add(
        new Column(
            "mi",
            "MAP {1: [DATE '2000-01-01']}",
            "map<int, frozen<list<date>>>",
            Map.of(1, List.of(LocalDate.of(2000, 1, 1)))));
    c.add(
        new Column(
            "st",
            "{'name': 'n', 'n': 42, 'tags': ['a'], 'at': {'x': 1.5::DOUBLE,"
                + " 'y': -2.5::DOUBLE}}",
            "frozen<thing>",
            thing.newValue("n", 42, List.of("a"), point.newValue(1.5, -2.5))));
    c.add(
        new Column(
            "rw",
            "ROW(7, 'seven', TIMESTAMP '2001-01-01 00:00:00.001')",
            "frozen<tuple<int, text, timestamp>>",
            triple.newValue(7, "seven", Instant.parse("2001-01-01T00:00:00.001Z"))));
    c.add(
        new Column(
            "nest",
            "MAP {'home': [{'name': 'h', 'n': 1, 'tags': []::VARCHAR[],"
                + " 'at': NULL::STRUCT(x DOUBLE, y DOUBLE)}]}",
            "map<text, frozen<list<frozen<thing>>>>",
            Map.of("home", List.of(thing.newValue("h", 1, List.of(), null)))));
    c.add(
        new Column(
            "ll",
            "[[1, 2], [], [3]]",
            "frozen<list<frozen<list<int>>>>",
            List.of(List.of(1, 2), List.of(), List.of(3))));
    c.add(
        new Column(
            "ds",
            "{'months': 1, 'days': 2, 'nanoseconds': 3::BIGINT}",
            "duration",
            CqlDuration.newInstance(1, 2, 3)));
    return c;
  }

  @Test
  void should_import_every_duckdb_type_that_has_a_cql_counterpart() throws Exception {
    List<Column> columns = columns();
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".foreign (id int PRIMARY KEY, "
            + columns.stream().map(c -> c.name() + " " + c.cql()).collect(Collectors.joining(", "))
            + ")");
    Path file = dir.resolve("duckdb-types.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT 1 AS id, "
              + columns.stream()
                  .map(c -> c.duck() + " AS " + c.name())
                  .collect(Collectors.joining(", "))
              + " UNION ALL BY NAME SELECT 2 AS id) TO "
              + DuckDb.literal(file)
              + " (FORMAT parquet)");
    }
    Shell.Result run =
        Shell.run(
            node.host(), node.port(), "-k", keyspace, "-e", "COPY foreign FROM '" + file + "'");
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out()).contains("2 rows imported from 1 files");
    Row full = session.execute("SELECT * FROM " + keyspace + ".foreign WHERE id = 1").one();
    Row nulls = session.execute("SELECT * FROM " + keyspace + ".foreign WHERE id = 2").one();
    for (Column c : columns) {
      assertThat(full.getObject(c.name()))
          .as("column %s (DuckDB %s to CQL %s)", c.name(), c.duck(), c.cql())
          .isEqualTo(c.expected());
      assertThat(nulls.isNull(c.name())).as("column %s of the NULL row", c.name()).isTrue();
    }
    assertThat(full.isNull("el")).as("an empty frozen list is not null").isFalse();
  }

  @Test
  void should_refuse_an_impossible_conversion_in_one_line_naming_file_column_and_types()
      throws Exception {
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".refuse (id int PRIMARY KEY,"
            + " flags list<uuid>, l list<int>)");
    Path flags = dir.resolve("flags.parquet");
    Path holes = dir.resolve("holes.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT 1 AS id, [true, false] AS flags) TO "
              + DuckDb.literal(flags)
              + " (FORMAT parquet)");
      duck.execute(
          "COPY (SELECT 1 AS id, [1, NULL] AS l) TO "
              + DuckDb.literal(holes)
              + " (FORMAT parquet)");
    }
    Shell.Result run =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "COPY refuse FROM '"
                + flags
                + "'; COPY refuse FROM '"
                + holes
                + "' WITH ERRFILE='"
                + dir.resolve("holes.err")
                + "'");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("\tat ", "Exception");
    // The first file cannot be read at all; the second has one row that does not convert (a
    // parse error, as cqlsh: reported, written to the ERRFILE, and the import goes on).
    assertThat(run.errLines()).hasSize(3);
    assertThat(run.errLines().get(2))
        .isEqualTo("Failed to process 1 rows; failed rows written to " + dir.resolve("holes.err"));
    assertThat(run.errLines().get(0))
        .startsWith("<stdin>:1:")
        .contains(
            "flags.parquet",
            "column 'flags'",
            "Parquet LIST<BOOLEAN>",
            "CQL list<uuid>",
            "no exact conversion (element: Parquet BOOLEAN to CQL uuid)");
    assertThat(run.errLines().get(1))
        .startsWith("Failed to import 1 rows: ParseError - ")
        .contains(
            "holes.parquet",
            "row 1",
            "column 'l'",
            "CQL list<int>",
            "element 1 is null; a CQL list cannot hold nulls");
    assertThat(session.execute("SELECT count(*) FROM " + keyspace + ".refuse").one().getLong(0))
        .isZero();
  }

  @Test
  void should_show_vectors_user_types_tuples_and_durations_as_cqlsh_does() throws Exception {
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".shown (id int PRIMARY KEY,"
            + " v vector<float, 3>, p frozen<point>, t frozen<tuple<int, text>>, d duration,"
            + " fl frozen<list<int>>, l list<int>)");
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".shown (id, v, p, t, d, fl, l) VALUES (1,"
            + " [0.123456789, -1, 3], {x: 1.5, y: null}, (7, 'it''s'), 1y2mo3d4h5m6s7ms8us9ns, [],"
            + " [])");
    Shell.Result run =
        Shell.run(
            node.host(), node.port(), "-k", keyspace, "-e", "SELECT v, p, t, d, fl, l FROM shown");
    assertThat(run.err()).isEmpty();
    // cqlsh's float rule: %.{5+e+1}g for an exponent e of 0 gives 6 significant digits
    String values = run.out().lines().filter(l -> l.contains("0.123457")).findFirst().orElseThrow();
    assertThat(values.split("\\|"))
        .extracting(String::trim)
        .containsExactly(
            "[0.123457, -1, 3]",
            "{x: 1.5, y: null}",
            "(7, 'it''s')",
            "1y2mo3d4h5m6s7ms8us9ns",
            "[]",
            "null");
  }
}
