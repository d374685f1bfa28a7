package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import io.cqlp.local.LocalCassandra;
import io.cqlp.types.ValueFormatter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Property test of the type mapping: random values of every CQL type (seeded; the seed is in every
 * failure message and can be set with {@code -Dcqlp.seed=N}) plus explicit edge values go table →
 * Parquet (COPY TO through bin/cqlp) → a new table (COPY FROM) and come back exactly, compared
 * value by value on the bytes Cassandra returns.
 */
@ExtendWith(CassandraExtension.class)
class EveryTypeRoundTripIT {
  private static final long SEED = Long.getLong("cqlp.seed", 20_240_613L);
  private static final int RANDOM_ROWS = 200;
  private static final ValueFormatter FORMAT = new ValueFormatter(9, 17);
  private static String keyspace;
  private static LocalCassandra node;
  private static Map<String, DataType> columns;
  private static int rowCount;

  @BeforeAll
  static void createTables() throws Exception {
    keyspace = CassandraExtension.createKeyspace(EveryTypeRoundTripIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    EveryTypeTable.create(session, keyspace, "everything", "everything_back", "everything_fixed");
    columns = EveryTypeTable.columns(session, keyspace, "everything");
    List<Map<String, Object>> rows =
        new ArrayList<>(
            EveryTypeTable.randomRows(columns, new RandomCql(SEED, false), RANDOM_ROWS, 1));
    rows.addAll(EveryTypeTable.edgeRows(session, keyspace, "everything", false, 100_000));
    EveryTypeTable.insert(session, keyspace, "everything", rows);
    rowCount = rows.size();
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".numbers (id int PRIMARY KEY, d decimal,"
            + " ld list<decimal>, t time)");
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".numbers_back (id int PRIMARY KEY, d decimal,"
            + " ld list<decimal>, t time)");
  }

  @Test
  void should_bring_every_value_of_every_type_back_exactly() throws Exception {
    Path file = target("everything.parquet");
    Shell.Result run =
        cqlp("COPY everything TO '" + file + "';" + " COPY everything_back FROM '" + file + "'");
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out())
        .contains(rowCount + " rows exported to 1 files", rowCount + " rows imported from 1 files");
    assertSameRows("everything", "everything_back");
  }

  @Test
  void should_bring_every_value_back_with_uuids_as_fixed_bytes() throws Exception {
    Path file = target("everything-fixed.parquet");
    Shell.Result run =
        cqlp(
            "COPY everything TO '"
                + file
                + "' WITH UUID_TYPE='FIXED';"
                + " COPY everything_fixed FROM '"
                + file
                + "'");
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertSameRows("everything", "everything_fixed");
  }

  @Test
  void should_round_trip_decimals_as_decimal_columns_and_times_in_microseconds() throws Exception {
    CqlSession session = CassandraExtension.session();
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".numbers (id, d, ld, t) VALUES (1, 1.5,"
            + " [-99999999999999999999999999.9999999999, 0], '23:59:59.999999')");
    session.execute("INSERT INTO " + keyspace + ".numbers (id) VALUES (2)");
    Path file = target("numbers.parquet");
    Shell.Result run =
        cqlp(
            "COPY numbers TO '"
                + file
                + "' WITH DECIMAL_TYPE='DECIMAL(38,10)'"
                + " AND TIME_UNIT='MICROS'; COPY numbers_back FROM '"
                + file
                + "'");
    assertThat(run.err()).as(run.toString()).isEmpty();
    Row back =
        session.execute("SELECT d, ld, t FROM " + keyspace + ".numbers_back WHERE id = 1").one();
    // DECIMAL(38,10) holds one scale: the values come back equal, with scale 10.
    assertThat(back.getBigDecimal("d")).isEqualTo(new BigDecimal("1.5000000000"));
    assertThat(back.getList("ld", BigDecimal.class))
        .containsExactly(
            new BigDecimal("-99999999999999999999999999.9999999999"), new BigDecimal("0E-10"));
    assertThat(back.getLocalTime("t")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
    assertThat(
            session
                .execute("SELECT d FROM " + keyspace + ".numbers_back WHERE id = 2")
                .one()
                .isNull("d"))
        .isTrue();
  }

  @Test
  void should_stop_with_one_line_when_a_value_does_not_fit_the_chosen_type() throws Exception {
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".precise (id int PRIMARY KEY,"
            + " d decimal, t time)");
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".precise (id, d, t) VALUES (1, 0.12345678901,"
            + " '12:00:00.000000001')");
    Path file = target("precise.parquet");
    Shell.Result run =
        cqlp(
            "COPY precise TO '"
                + file
                + "' WITH DECIMAL_TYPE='DECIMAL(38,10)';"
                + " COPY precise (id, t) TO '"
                + file
                + "' WITH TIME_UNIT='MICROS';"
                + " COPY precise TO '"
                + file
                + "' WITH DECIMAL_TYPE='NUMERIC'");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("\tat ", "Exception");
    assertThat(run.errLines())
        .containsExactly(
            "<stdin>:1:column 'd' (decimal): decimal 0.12345678901 does not fit DECIMAL(38,10): it"
                + " has more than 10 digits after the point (export with DECIMAL_TYPE='STRING' to"
                + " keep every decimal exactly)",
            "<stdin>:1:column 't' (time): time 12:00:00.000000001 has sub-microsecond digits;"
                + " TIME_UNIT='MICROS' holds microseconds (export with TIME_UNIT='NANOS' to keep"
                + " them)",
            "<stdin>:1:DECIMAL_TYPE must be STRING or DECIMAL(precision,scale), e.g."
                + " DECIMAL(38,10), got 'NUMERIC'.");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("precise"));
    }
  }

  /** Same keys, and for each column of each row the same bytes from Cassandra. */
  private static void assertSameRows(String original, String copy) {
    CqlSession session = CassandraExtension.session();
    Map<String, Row> expected = EveryTypeTable.rowsByKey(session, keyspace, original);
    Map<String, Row> actual = EveryTypeTable.rowsByKey(session, keyspace, copy);
    assertThat(expected).hasSize(rowCount);
    assertThat(actual.keySet())
        .as("seed %d", SEED)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (String column : columns.keySet()) {
      assertThat(expected.values())
          .as("column %s is never null in the fixture (seed %d)", column, SEED)
          .anyMatch(r -> !r.isNull(column));
    }
    for (Map.Entry<String, Row> e : expected.entrySet()) {
      Row a = actual.get(e.getKey());
      for (String column : columns.keySet()) {
        ByteBuffer want = e.getValue().getBytesUnsafe(column);
        ByteBuffer got = a.getBytesUnsafe(column);
        assertThat(got)
            .as(
                "seed %d, row %s, column %s (%s): expected %s, got %s",
                SEED,
                e.getKey(),
                column,
                columns.get(column).asCql(true, true),
                show(e.getValue(), column),
                show(a, column))
            .isEqualTo(want);
      }
    }
  }

  private static String show(Row row, String column) {
    String text = FORMAT.format(row.isNull(column) ? null : row.getObject(column));
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  private static Shell.Result cqlp(String statement) throws Exception {
    return Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statement);
  }

  private static Path target(String name) throws Exception {
    Path dir = Files.createDirectories(Shell.home().resolve("target/it/every-type"));
    Files.deleteIfExists(dir.resolve(name));
    return dir.resolve(name);
  }
}
