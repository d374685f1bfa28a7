package io.cqlp.format.parquet.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.AllTypes;
import io.cqlp.format.parquet.Composites;
import io.cqlp.format.parquet.FooterKeys;
import io.cqlp.format.parquet.codec.ParquetCompression;
import io.cqlp.testing.DuckDb;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlScalar;
import io.cqlp.types.SchemaJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRowWriterTest {
  @TempDir Path dir;

  private Path writeAllTypes(Path file, ParquetWriteOptions options) throws IOException {
    try (ParquetRowWriter w = ParquetRowWriter.open(file, AllTypes.columns(), options)) {
      for (Object[] row : AllTypes.rows()) {
        w.write(row);
      }
      assertThat(w.rowsWritten()).isEqualTo(AllTypes.rows().size());
      w.commit();
    }
    return file;
  }

  @Test
  void should_write_types_that_duckdb_reads_as_the_documented_types() throws Exception {
    Path file = writeAllTypes(dir.resolve("all.parquet"), ParquetWriteOptions.defaults());
    try (DuckDb db = new DuckDb()) {
      assertThat(db.describe(file))
          .containsExactly(
              Map.entry("c_ascii", "VARCHAR"),
              Map.entry("c_text", "VARCHAR"),
              Map.entry("c_tinyint", "TINYINT"),
              Map.entry("c_smallint", "SMALLINT"),
              Map.entry("c_int", "INTEGER"),
              Map.entry("c_bigint", "BIGINT"),
              Map.entry("c_counter", "BIGINT"),
              Map.entry("c_float", "FLOAT"),
              Map.entry("c_double", "DOUBLE"),
              Map.entry("c_boolean", "BOOLEAN"),
              Map.entry("c_timestamp", "TIMESTAMP WITH TIME ZONE"),
              Map.entry("c_date", "DATE"),
              Map.entry("c_time", "TIME_NS"),
              Map.entry("c_uuid", "VARCHAR"),
              Map.entry("c_timeuuid", "VARCHAR"),
              Map.entry("c_blob", "BLOB"),
              Map.entry("c_inet", "VARCHAR"),
              Map.entry("c_decimal", "VARCHAR"),
              Map.entry("c_varint", "VARCHAR"));
    }
  }

  @Test
  void should_write_values_that_duckdb_reads_back_exactly() throws Exception {
    Path file = writeAllTypes(dir.resolve("all.parquet"), ParquetWriteOptions.defaults());
    List<Object[]> expected = AllTypes.rows();
    try (DuckDb db = new DuckDb()) {
      List<List<Object>> actual =
          db.rows(
              "SELECT c_ascii, c_text, c_tinyint, c_smallint, c_int,"
                  + " c_bigint, c_counter, c_float, c_double, c_boolean, epoch_ms(c_timestamp),"
                  + " c_date - DATE '1970-01-01', CAST(c_time AS VARCHAR), c_uuid, c_timeuuid,"
                  + " hex(c_blob), c_inet, c_decimal, c_varint FROM read_parquet("
                  + DuckDb.literal(file)
                  + ") ORDER BY file_row_number");
      assertThat(actual).hasSize(expected.size());
      for (int r = 0; r < expected.size(); r++) {
        Object[] e = expected.get(r);
        Object[] a = actual.get(r).toArray();
        assertThat(a[0]).as("ascii row %d", r).isEqualTo(e[0]);
        assertThat(a[1]).as("text row %d", r).isEqualTo(e[1]);
        for (int c = 2; c <= 6; c++) {
          assertThat(a[c] == null ? null : ((Number) a[c]).longValue())
              .as("integer column %d row %d", c, r)
              .isEqualTo(e[c] == null ? null : ((Number) e[c]).longValue());
        }
        assertThat(a[7]).as("float row %d", r).isEqualTo(e[7]);
        assertThat(a[8]).as("double row %d", r).isEqualTo(e[8]);
        assertThat(a[9]).as("boolean row %d", r).isEqualTo(e[9]);
        assertThat(a[10])
            .as("timestamp row %d", r)
            .isEqualTo(e[10] == null ? null : ((Instant) e[10]).toEpochMilli());
        assertThat(a[11])
            .as("date row %d", r)
            .isEqualTo(e[11] == null ? null : ((LocalDate) e[11]).toEpochDay());
        assertThat(a[12] == null ? null : LocalTime.parse((String) a[12]))
            .as("time row %d", r)
            .isEqualTo(e[12]);
        assertThat(a[13]).as("uuid row %d", r).isEqualTo(e[13] == null ? null : e[13].toString());
        assertThat(a[14])
            .as("timeuuid row %d", r)
            .isEqualTo(e[14] == null ? null : e[14].toString());
        assertThat(a[15])
            .as("blob row %d", r)
            .isEqualTo(e[15] == null ? null : hex((ByteBuffer) e[15]));
        assertThat(a[16])
            .as("inet row %d", r)
            .isEqualTo(e[16] == null ? null : ((InetAddress) e[16]).getHostAddress());
        assertThat(a[17])
            .as("decimal row %d", r)
            .isEqualTo(e[17] == null ? null : e[17].toString());
        assertThat(a[18]).as("varint row %d", r).isEqualTo(e[18] == null ? null : e[18].toString());
      }
    }
  }

  @Test
  void should_write_the_cql_schema_and_version_in_the_footer() throws Exception {
    Path file =
        writeAllTypes(
            dir.resolve("all.parquet"),
            ParquetWriteOptions.defaults().withTable("ks", "all_types"));
    try (DuckDb db = new DuckDb()) {
      Map<String, String> kv = db.keyValues(file);
      assertThat(kv.get(FooterKeys.VERSION)).isEqualTo("0.1.0");
      SchemaJson.Document doc = SchemaJson.parse(kv.get(FooterKeys.SCHEMA));
      assertThat(doc.keyspace()).isEqualTo("ks");
      assertThat(doc.table()).isEqualTo("all_types");
      assertThat(doc.columns())
          .extracting(SchemaJson.Column::cqlType)
          .containsExactly(
              "ascii",
              "text",
              "tinyint",
              "smallint",
              "int",
              "bigint",
              "counter",
              "float",
              "double",
              "boolean",
              "timestamp",
              "date",
              "time",
              "uuid",
              "timeuuid",
              "blob",
              "inet",
              "decimal",
              "varint");
      assertThat(doc.columns().get(AllTypes.col(CqlScalar.BIGINT)).kind().name())
          .isEqualTo("PARTITION_KEY");
    }
  }

  @ParameterizedTest
  @EnumSource(ParquetCompression.class)
  void should_write_files_duckdb_reads_with_every_codec(ParquetCompression codec) throws Exception {
    Path file =
        writeAllTypes(
            dir.resolve(codec + ".parquet"), ParquetWriteOptions.defaults().withCompression(codec));
    try (DuckDb db = new DuckDb()) {
      Object[] r =
          db.rows(
                  "SELECT count(*), max(c_text), min(c_int), max(compression)"
                      + " FROM read_parquet("
                      + DuckDb.literal(file)
                      + "), (SELECT max(compression)"
                      + " AS compression FROM parquet_metadata("
                      + DuckDb.literal(file)
                      + "))")
              .get(0)
              .toArray();
      assertThat(((Number) r[0]).longValue()).isEqualTo(AllTypes.rows().size());
      assertThat(r[1]).isEqualTo("x");
      assertThat(r[2]).isEqualTo(Integer.MIN_VALUE);
      assertThat(r[3])
          .isEqualTo(
              codec == ParquetCompression.NONE
                  ? "UNCOMPRESSED"
                  : codec == ParquetCompression.LZ4 ? "LZ4_RAW" : codec.name());
    }
  }

  @Test
  void should_compress_with_the_requested_level() throws Exception {
    Path fast = writeLongs(dir.resolve("fast.parquet"), ParquetCompression.ZSTD, 1);
    Path small = writeLongs(dir.resolve("small.parquet"), ParquetCompression.ZSTD, 19);
    Path gzip = writeLongs(dir.resolve("gzip.parquet"), ParquetCompression.GZIP, 9);
    Path brotliFast = writeLongs(dir.resolve("brotli0.parquet"), ParquetCompression.BROTLI, 0);
    Path brotliSmall = writeLongs(dir.resolve("brotli11.parquet"), ParquetCompression.BROTLI, 11);
    assertThat(Files.size(small)).isLessThan(Files.size(fast));
    assertThat(Files.size(brotliSmall)).isLessThan(Files.size(brotliFast));
    try (DuckDb db = new DuckDb()) {
      for (Path p : List.of(fast, small, gzip, brotliFast, brotliSmall)) {
        assertThat(
                ((Number) db.value("SELECT sum(v) FROM read_parquet(" + DuckDb.literal(p) + ")"))
                    .longValue())
            .isEqualTo(sumOfWrittenLongs());
      }
    }
  }

  private static long sumOfWrittenLongs() {
    long s = 0;
    for (long i = 0; i < 50_000; i++) {
      s += (i * 7919) % 1000;
    }
    return s;
  }

  private Path writeLongs(Path file, ParquetCompression codec, int level) throws IOException {
    List<ColumnSpec> cols =
        List.of(ColumnSpec.regular("v", DataTypes.BIGINT), ColumnSpec.regular("s", DataTypes.TEXT));
    try (ParquetRowWriter w =
        ParquetRowWriter.open(
            file, cols, ParquetWriteOptions.defaults().withCompression(codec, level))) {
      for (long i = 0; i < 50_000; i++) {
        long v = (i * 7919) % 1000;
        w.write(new Object[] {v, "value number " + v + " of a series"});
      }
      w.commit();
    }
    return file;
  }

  @Test
  void should_close_row_groups_at_the_row_limit() throws Exception {
    Path file = dir.resolve("groups.parquet");
    List<ColumnSpec> cols = List.of(ColumnSpec.regular("v", DataTypes.INT));
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, cols, ParquetWriteOptions.defaults().withRowsPerRowGroup(10))) {
      for (int i = 0; i < 25; i++) {
        w.write(new Object[] {i});
      }
      w.commit();
    }
    try (DuckDb db = new DuckDb()) {
      List<List<Object>> groups =
          db.rows(
              "SELECT DISTINCT row_group_id, row_group_num_rows FROM"
                  + " parquet_metadata("
                  + DuckDb.literal(file)
                  + ") ORDER BY 1");
      assertThat(groups)
          .extracting(g -> ((Number) g.get(1)).longValue())
          .containsExactly(10L, 10L, 5L);
    }
  }

  @Test
  void should_close_row_groups_near_the_byte_cap() throws Exception {
    Path file = dir.resolve("capped.parquet");
    List<ColumnSpec> cols =
        List.of(
            new ColumnSpec("id", DataTypes.BIGINT, io.cqlp.types.ColumnKind.PARTITION_KEY),
            ColumnSpec.regular("payload", DataTypes.BLOB));
    java.util.Random random = new java.util.Random(42);
    try (ParquetRowWriter w =
        ParquetRowWriter.open(
            file,
            cols,
            ParquetWriteOptions.defaults()
                .withCompression(ParquetCompression.parse("UNCOMPRESSED"))
                .withMaxRowGroupBytes(1 << 20))) {
      for (long i = 0; i < 4000; i++) {
        byte[] b = new byte[1024];
        random.nextBytes(b);
        w.write(new Object[] {i, ByteBuffer.wrap(b)});
      }
      w.commit();
    }
    try (DuckDb db = new DuckDb()) {
      List<List<Object>> groups =
          db.rows(
              "SELECT row_group_id, max(row_group_num_rows),"
                  + " sum(total_compressed_size) FROM parquet_metadata("
                  + DuckDb.literal(file)
                  + ")"
                  + " GROUP BY 1 ORDER BY 1");
      // 4,000 rows of about 1 KiB against a 1 MiB cap: four groups, none over the cap.
      assertThat(groups).hasSize(4);
      assertThat(groups)
          .allSatisfy(
              g ->
                  assertThat(((Number) g.get(2)).longValue())
                      .isBetween(900_000L, (long) (1 << 20)));
      assertThat(groups.stream().mapToLong(g -> ((Number) g.get(1)).longValue()).sum())
          .isEqualTo(4000L);
      assertThat(
              ((Number) db.value("SELECT sum(id) FROM read_parquet(" + DuckDb.literal(file) + ")"))
                  .longValue())
          .isEqualTo(3999L * 4000 / 2);
    }
  }

  @Test
  void should_refuse_a_null_partition_key_value_and_stay_usable() throws Exception {
    Path file = dir.resolve("keys.parquet");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, AllTypes.columns(), ParquetWriteOptions.defaults())) {
      Object[] row = AllTypes.rows().get(2).clone();
      row[AllTypes.col(CqlScalar.BIGINT)] = null;
      assertThatThrownBy(() -> w.write(row))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "column 'c_bigint' (bigint): null in a key column, which this file holds as"
                  + " REQUIRED");
      w.write(AllTypes.rows().get(2));
      w.commit();
    }
    try (DuckDb db = new DuckDb()) {
      assertThat(db.rows("SELECT c_bigint, c_text FROM read_parquet(" + DuckDb.literal(file) + ")"))
          .containsExactly(List.of(0L, "plain"));
      assertThat(
              db.value(
                  "SELECT repetition_type FROM parquet_schema("
                      + DuckDb.literal(file)
                      + ") WHERE name = 'c_bigint'"))
          .isEqualTo("REQUIRED");
    }
  }

  @Test
  void should_leave_no_file_when_aborted() throws Exception {
    Path file = dir.resolve("aborted.parquet");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, AllTypes.columns(), ParquetWriteOptions.defaults())) {
      w.write(AllTypes.rows().get(1));
      w.abort();
      assertThatThrownBy(() -> w.write(AllTypes.rows().get(1)))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(listDir()).isEmpty();
  }

  @Test
  void should_leave_no_file_when_closed_without_commit() throws Exception {
    Path file = dir.resolve("unfinished.parquet");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, AllTypes.columns(), ParquetWriteOptions.defaults())) {
      w.write(AllTypes.rows().get(0));
      assertThat(listDir()).hasSize(1).allMatch(n -> n.startsWith(".unfinished.parquet.cqlp-tmp-"));
    }
    assertThat(listDir()).isEmpty();
  }

  @Test
  void should_replace_the_target_only_on_commit() throws Exception {
    Path file = dir.resolve("t.parquet");
    Files.writeString(file, "old content");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, AllTypes.columns(), ParquetWriteOptions.defaults())) {
      w.write(AllTypes.rows().get(0));
      assertThat(Files.readString(file)).isEqualTo("old content");
      w.commit();
    }
    assertThat(listDir()).containsExactly("t.parquet");
    try (DuckDb db = new DuckDb()) {
      assertThat(
              ((Number) db.value("SELECT count(*) FROM read_parquet(" + DuckDb.literal(file) + ")"))
                  .longValue())
          .isEqualTo(1);
    }
  }

  @Test
  void should_refuse_a_value_of_the_wrong_java_type_naming_the_column_and_go_on() throws Exception {
    Path file = dir.resolve("t.parquet");
    List<ColumnSpec> cols =
        List.of(
            ColumnSpec.regular("id", DataTypes.BIGINT),
            ColumnSpec.regular("delay", DataTypes.BIGINT));
    try (ParquetRowWriter w = ParquetRowWriter.open(file, cols, ParquetWriteOptions.defaults())) {
      w.write(new Object[] {1L, 2L});
      assertThatThrownBy(() -> w.write(new Object[] {3L, 4}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column 'delay' (bigint): expects java.lang.Long, got java.lang.Integer '4'");
      assertThatThrownBy(() -> w.write(new Object[] {3L}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1 values, the file has 2 columns");
      w.write(new Object[] {5L, null});
      w.commit();
      assertThat(w.rowsWritten()).isEqualTo(2);
    }
    try (DuckDb db = new DuckDb()) {
      assertThat(db.rows("SELECT id, delay FROM read_parquet(" + DuckDb.literal(file) + ")"))
          .extracting(r -> r.get(0) + "/" + r.get(1))
          .containsExactly("1/2", "5/null");
    }
  }

  @Test
  void should_refuse_timestamps_with_sub_millisecond_digits() throws Exception {
    List<ColumnSpec> cols = List.of(ColumnSpec.regular("ts", DataTypes.TIMESTAMP));
    try (ParquetRowWriter w =
        ParquetRowWriter.open(dir.resolve("t.parquet"), cols, ParquetWriteOptions.defaults())) {
      assertThatThrownBy(() -> w.write(new Object[] {Instant.EPOCH.plus(1, ChronoUnit.MICROS)}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "column 'ts' (timestamp): timestamp 1970-01-01T00:00:00.000001Z"
                  + " has sub-millisecond digits");
    }
  }

  @Test
  void should_refuse_columns_of_custom_types() {
    List<ColumnSpec> cols = List.of(ColumnSpec.regular("c", DataTypes.custom("org.example.X")));
    assertThatThrownBy(
            () ->
                ParquetRowWriter.open(
                    dir.resolve("t.parquet"), cols, ParquetWriteOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'c' has CQL type 'org.example.X', which cqlp cannot write to Parquet");
    assertThat(dir.resolve("t.parquet")).doesNotExist();
  }

  @Test
  void should_write_composite_types_that_duckdb_reads_as_lists_maps_and_structs() throws Exception {
    Path file = dir.resolve("composites.parquet");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, Composites.columns(), ParquetWriteOptions.defaults())) {
      for (Object[] row : Composites.rows()) {
        w.write(row);
      }
      w.commit();
    }
    try (DuckDb db = new DuckDb()) {
      String address =
          "STRUCT(street VARCHAR, zip INTEGER, tags VARCHAR[],"
              + " loc STRUCT(f0 DOUBLE, f1 DOUBLE))";
      assertThat(db.describe(file))
          .containsExactly(
              Map.entry("id", "INTEGER"),
              Map.entry("l", "INTEGER[]"),
              Map.entry("s", "VARCHAR[]"),
              Map.entry("m", "MAP(VARCHAR, BIGINT)"),
              Map.entry("fl", "INTEGER[][]"),
              Map.entry("t", "STRUCT(f0 INTEGER, f1 VARCHAR, f2 TIMESTAMP WITH TIME ZONE)"),
              Map.entry("a", address),
              Map.entry("ma", "MAP(VARCHAR, " + address + "[])"),
              Map.entry("v", "FLOAT[]"),
              Map.entry("vt", "VARCHAR[]"),
              Map.entry("d", "STRUCT(\"months\" INTEGER, \"days\" INTEGER, nanoseconds BIGINT)"));
      List<List<Object>> rows =
          db.rows(
              "SELECT to_json(COLUMNS(*)) FROM read_parquet("
                  + DuckDb.literal(file)
                  + ") ORDER BY id");
      assertThat(rows.get(0))
          .extracting(String::valueOf)
          .containsExactly(
              "1",
              "[1,-2,2147483647]",
              "[\"a\",\"b c\",\"\"]",
              "{\"a\":-9223372036854775808,\"é 😀\":9223372036854775807}",
              "[[1,2],[],[3]]",
              "{\"f0\":7,\"f1\":\"seven\",\"f2\":\"1969-07-20 20:17:40.123+00\"}",
              "{\"street\":\"Grüße 🚀\",\"zip\":-1,\"tags\":[],\"loc\":{\"f0\":0.0,\"f1\":-0.0}}",
              "{\"home\":[{\"street\":\"1 Main St\",\"zip\":12345,\"tags\":[\"x\",\"y\"],"
                  + "\"loc\":{\"f0\":1.5,\"f1\":-2.5}},{\"street\":null,\"zip\":null,\"tags\":null,"
                  + "\"loc\":null}],\"none\":[]}",
              "[0.25,NaN,-Infinity]",
              "[\"x\",\"\"]",
              "{\"months\":14,\"days\":3,\"nanoseconds\":4000000007}");
      assertThat(rows.get(1))
          .extracting(String::valueOf)
          .containsExactly(
              "2", "null", "null", "null", "null", "null", "null", "null", "null", "null", "null");
      // Empty collections and all-null tuples and user types are values, not nulls.
      assertThat(rows.get(2))
          .extracting(String::valueOf)
          .containsExactly(
              "3",
              "[]",
              "[]",
              "{}",
              "[]",
              "{\"f0\":null,\"f1\":null,\"f2\":null}",
              "{\"street\":null,\"zip\":null,\"tags\":null,\"loc\":null}",
              "{}",
              "[-0.0,3.4028234663852886e38,1.401298464324817e-45]",
              "[\"a\",\"b\"]",
              "{\"months\":-1,\"days\":-2,\"nanoseconds\":-3}");
    }
  }

  @Test
  void should_write_the_optional_uuid_decimal_and_time_types_that_duckdb_reads() throws Exception {
    Path file = dir.resolve("options.parquet");
    List<ColumnSpec> cols =
        List.of(
            ColumnSpec.regular("u", DataTypes.UUID),
            ColumnSpec.regular("d", DataTypes.listOf(DataTypes.DECIMAL)),
            ColumnSpec.regular("t", DataTypes.TIME));
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(
            file,
            cols,
            ParquetWriteOptions.defaults()
                .withTypes(ParquetTypeOptions.parse("FIXED", "DECIMAL(30,4)", "MICROS")))) {
      w.write(
          new Object[] {
            uuid,
            List.of(
                new BigDecimal("-12345678901234567890123456.5"),
                new BigDecimal("1E+3"),
                new BigDecimal("0.0001")),
            LocalTime.of(23, 59, 59, 999_999_000)
          });
      w.commit();
    }
    try (DuckDb db = new DuckDb()) {
      assertThat(db.describe(file))
          .containsExactly(
              Map.entry("u", "UUID"), Map.entry("d", "DECIMAL(30,4)[]"), Map.entry("t", "TIME"));
      assertThat(
              db.rows(
                      "SELECT CAST(u AS VARCHAR), CAST(d AS VARCHAR), CAST(t AS VARCHAR)"
                          + " FROM read_parquet("
                          + DuckDb.literal(file)
                          + ")")
                  .get(0))
          .containsExactly(
              uuid.toString(),
              "[-12345678901234567890123456.5000, 1000.0000, 0.0001]",
              "23:59:59.999999");
    }
  }

  @Test
  void should_refuse_values_the_chosen_types_cannot_hold_naming_the_column_and_the_fix()
      throws Exception {
    List<ColumnSpec> cols =
        List.of(
            ColumnSpec.regular("d", DataTypes.DECIMAL),
            ColumnSpec.regular("t", DataTypes.frozenListOf(DataTypes.TIME)));
    try (ParquetRowWriter w =
        ParquetRowWriter.open(
            dir.resolve("t.parquet"),
            cols,
            ParquetWriteOptions.defaults()
                .withTypes(ParquetTypeOptions.parse(null, "DECIMAL(5,2)", "MICROS")))) {
      w.write(new Object[] {new BigDecimal("-999.99"), List.of(LocalTime.NOON)});
      assertThatThrownBy(() -> w.write(new Object[] {new BigDecimal("1.001"), null}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "column 'd' (decimal): decimal 1.001 does not fit DECIMAL(5,2): it has more than 2"
                  + " digits after the point (export with DECIMAL_TYPE='STRING' to keep every"
                  + " decimal exactly)");
      assertThatThrownBy(() -> w.write(new Object[] {new BigDecimal("1000"), null}))
          .hasMessageContaining(
              "decimal 1000 does not fit DECIMAL(5,2): it has more than 3"
                  + " digits before the point");
      assertThatThrownBy(() -> w.write(new Object[] {null, List.of(LocalTime.ofNanoOfDay(1))}))
          .hasMessage(
              "column 't' (list<time>): element 0: time 00:00:00.000000001 has"
                  + " sub-microsecond digits; TIME_UNIT='MICROS' holds microseconds (export with"
                  + " TIME_UNIT='NANOS' to keep them)");
      assertThatThrownBy(() -> w.write(new Object[] {null, List.of("noon")}))
          .hasMessage(
              "column 't' (list<time>): element 0 expects java.time.LocalTime,"
                  + " got java.lang.String");
      w.commit();
      assertThat(w.rowsWritten()).isEqualTo(1);
    }
  }

  @Test
  void should_fail_in_one_line_when_the_directory_does_not_exist() {
    Path file = dir.resolve("missing").resolve("t.parquet");
    assertThatThrownBy(
            () -> ParquetRowWriter.open(file, AllTypes.columns(), ParquetWriteOptions.defaults()))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "cannot write '" + file + "': directory '" + file.getParent() + "' does not exist");
  }

  @Test
  void should_write_a_readable_file_with_no_rows() throws Exception {
    Path file = dir.resolve("empty.parquet");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, AllTypes.columns(), ParquetWriteOptions.defaults())) {
      w.commit();
    }
    try (DuckDb db = new DuckDb()) {
      assertThat(
              ((Number) db.value("SELECT count(*) FROM read_parquet(" + DuckDb.literal(file) + ")"))
                  .longValue())
          .isZero();
    }
  }

  private List<String> listDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String hex(ByteBuffer b) {
    StringBuilder sb = new StringBuilder();
    ByteBuffer d = b.duplicate();
    while (d.hasRemaining()) {
      sb.append(String.format("%02X", d.get() & 0xFF));
    }
    return sb.toString();
  }
}
