package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import io.cqlp.format.parquet.FooterKeys;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import io.cqlp.types.SchemaJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DuckDB, reading an export of a table of every CQL type, sees each column with the DuckDB type the
 * mapping promises and each value as Cassandra holds it (random values, seeded, within DuckDB's
 * date range, plus edge values). Values are compared by DuckDB itself: each Cassandra value becomes
 * a DuckDB literal cast to the column's type ({@link DuckLiteral}).
 */
@ExtendWith(CassandraExtension.class)
class DuckDbReadsEveryTypeIT {
  private static final long SEED = Long.getLong("cqlp.seed", 20_240_613L);
  private static final String DURATION =
      "STRUCT(\"months\" INTEGER, \"days\" INTEGER, nanoseconds BIGINT)";
  private static final String ADDRESS =
      "STRUCT(street VARCHAR, zip INTEGER, tags VARCHAR[], loc STRUCT(x DOUBLE, y DOUBLE), visits"
          + " STRUCT(f0 TIMESTAMP WITH TIME ZONE, f1 VARCHAR)[], span "
          + DURATION
          + ")";
  private static String keyspace;
  private static Map<String, DataType> columns;
  private static Path file;
  private static Path fixed;

  @BeforeAll
  static void export() throws Exception {
    keyspace = CassandraExtension.createKeyspace(DuckDbReadsEveryTypeIT.class);
    LocalCassandra node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    EveryTypeTable.create(session, keyspace, "everything");
    columns = EveryTypeTable.columns(session, keyspace, "everything");
    List<Map<String, Object>> rows =
        new ArrayList<>(EveryTypeTable.randomRows(columns, new RandomCql(SEED, true), 100, 1));
    rows.addAll(EveryTypeTable.edgeRows(session, keyspace, "everything", true, 100_000));
    EveryTypeTable.insert(session, keyspace, "everything", rows);
    Path dir = Files.createDirectories(Shell.home().resolve("target/it/duck-every-type"));
    file = dir.resolve("everything.parquet");
    fixed = dir.resolve("everything-fixed-uuids.parquet");
    Shell.Result run =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "COPY everything TO '"
                + file
                + "' WITH COMPRESSION='ZSTD';"
                + " COPY everything (id, ck, u, tu, fs) TO '"
                + fixed
                + "' WITH UUID_TYPE='FIXED'");
    assertThat(run.err()).as(run.toString()).isEmpty();
  }

  @Test
  void should_read_every_column_with_the_documented_duckdb_type() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("id", "INTEGER");
    expected.put("ck", "INTEGER");
    expected.put("st", "VARCHAR");
    expected.put("a", "VARCHAR");
    expected.put("t", "VARCHAR");
    expected.put("vc", "VARCHAR");
    expected.put("ti", "TINYINT");
    expected.put("si", "SMALLINT");
    expected.put("i", "INTEGER");
    expected.put("bi", "BIGINT");
    expected.put("vi", "VARCHAR");
    expected.put("f", "FLOAT");
    expected.put("d", "DOUBLE");
    expected.put("dec", "VARCHAR");
    expected.put("b", "BOOLEAN");
    expected.put("ts", "TIMESTAMP WITH TIME ZONE");
    expected.put("dt", "DATE");
    expected.put("tm", "TIME_NS");
    expected.put("u", "VARCHAR");
    expected.put("tu", "VARCHAR");
    expected.put("bl", "BLOB");
    expected.put("ip", "VARCHAR");
    expected.put("du", DURATION);
    expected.put("l", "INTEGER[]");
    expected.put("s", "VARCHAR[]");
    expected.put("m", "MAP(VARCHAR, BIGINT)");
    expected.put("ldu", DURATION + "[]");
    expected.put("fl", "INTEGER[][]");
    expected.put("fs", "VARCHAR[]");
    expected.put("fm", "MAP(INTEGER, VARCHAR[])");
    expected.put("mu", "MAP(VARCHAR, " + ADDRESS + "[])");
    expected.put("lm", "MAP(VARCHAR, DATE)[]");
    expected.put("tup", "STRUCT(f0 INTEGER, f1 VARCHAR, f2 TIMESTAMP WITH TIME ZONE, f3 DOUBLE[])");
    expected.put("addr", ADDRESS);
    expected.put("pt", "STRUCT(x DOUBLE, y DOUBLE)");
    expected.put("v", "FLOAT[]");
    expected.put("vd", "DOUBLE[]");
    expected.put("vt", "VARCHAR[]");
    expected.put("vb", "BIGINT[]");
    expected.put("sb", "BLOB[]");
    expected.put("mdec", "MAP(VARCHAR, VARCHAR)");
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.describe(file)).containsExactlyInAnyOrderEntriesOf(expected);
      SchemaJson.Document footer = SchemaJson.parse(duck.keyValues(file).get(FooterKeys.SCHEMA));
      Map<String, String> cqlTypes = new LinkedHashMap<>();
      footer.columns().forEach(c -> cqlTypes.put(c.name(), c.kind() + " " + c.cqlType()));
      assertThat(cqlTypes)
          .containsEntry("id", "PARTITION_KEY int")
          .containsEntry("ck", "CLUSTERING int")
          .containsEntry("st", "STATIC text")
          .containsEntry("fl", "REGULAR frozen<list<frozen<list<int>>>>")
          .containsEntry("s", "REGULAR set<text>")
          .containsEntry("tu", "REGULAR timeuuid")
          .containsEntry("v", "REGULAR vector<float, 1536>")
          .containsEntry("mu", "REGULAR map<text, frozen<list<frozen<" + keyspace + ".address>>>>");
      assertThat(footer.userTypes())
          .extracting(SchemaJson.UserType::name)
          .containsExactly("point", "address");
      assertThat(duck.describe(fixed))
          .containsExactly(
              Map.entry("id", "INTEGER"),
              Map.entry("ck", "INTEGER"),
              Map.entry("u", "UUID"),
              Map.entry("tu", "UUID"),
              Map.entry("fs", "UUID[]"));
    }
  }

  @Test
  void should_read_every_value_as_cassandra_holds_it() throws Exception {
    assertValuesEqual(file, columns);
  }

  @Test
  void should_read_uuids_written_as_fixed_bytes_as_cassandra_holds_them() throws Exception {
    Map<String, DataType> some = new LinkedHashMap<>();
    for (String c : List.of("id", "ck", "u", "tu", "fs")) {
      some.put(c, columns.get(c));
    }
    assertValuesEqual(fixed, some);
  }

  @Test
  void should_keep_the_sign_of_negative_zero() throws Exception {
    try (DuckDb duck = new DuckDb()) {
      String f = " FROM read_parquet(" + DuckDb.literal(file) + ")";
      assertThat(
              duck.rows("SELECT signbit(f), signbit(d), signbit(vd[3])" + f + " WHERE id = 100001"))
          .containsExactly(List.of(true, true, true));
      assertThat(duck.value("SELECT signbit(v[1])" + f + " WHERE id = 100000 AND ck = 0"))
          .isEqualTo(true);
    }
  }

  /** Every column of every row of the table equals, in DuckDB, the file's value. */
  private static void assertValuesEqual(Path parquet, Map<String, DataType> cols) throws Exception {
    Map<String, Row> rows =
        EveryTypeTable.rowsByKey(CassandraExtension.session(), keyspace, "everything");
    try (DuckDb duck = new DuckDb()) {
      duck.execute("CREATE TABLE f AS SELECT * FROM read_parquet(" + DuckDb.literal(parquet) + ")");
      Map<String, String> types = duck.describe(parquet);
      assertThat(duck.longValue("SELECT count(*) FROM f")).isEqualTo(rows.size());
      List<String> names = new ArrayList<>(cols.keySet());
      for (Map.Entry<String, Row> e : rows.entrySet()) {
        Row row = e.getValue();
        List<String> checks = new ArrayList<>();
        for (String c : names) {
          Object value = row.isNull(c) ? null : row.getObject(c);
          checks.add(
              c
                  + " IS NOT DISTINCT FROM CAST("
                  + DuckLiteral.of(cols.get(c), value)
                  + " AS "
                  + types.get(c)
                  + ")");
        }
        String where =
            " FROM f WHERE id = "
                + row.getInt("id")
                + " AND ck IS NOT DISTINCT FROM "
                + (row.isNull("ck") ? "NULL" : row.getInt("ck"));
        List<Object> equal = duck.rows("SELECT " + String.join(", ", checks) + where).get(0);
        for (int i = 0; i < names.size(); i++) {
          if (!Boolean.TRUE.equals(equal.get(i))) {
            Object seen = duck.value("SELECT CAST(" + names.get(i) + " AS VARCHAR)" + where);
            assertThat(equal.get(i))
                .as(
                    "seed %d, row %s, column %s: DuckDB reads %s, Cassandra" + " holds %s",
                    SEED,
                    e.getKey(),
                    names.get(i),
                    seen,
                    row.isNull(names.get(i)) ? null : row.getObject(names.get(i)))
                .isEqualTo(true);
          }
        }
      }
    }
  }
}
