package io.cqlp.format.parquet.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.AllTypes;
import io.cqlp.format.parquet.Composites;
import io.cqlp.format.parquet.codec.ParquetCompression;
import io.cqlp.format.parquet.write.ParquetRowWriter;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.rows.ConversionException;
import io.cqlp.testing.DuckDb;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetRowReaderTest {
  private static final Path FLIGHTS = Path.of("..", "shared", "data", "flights-3m.parquet");

  @TempDir Path dir;

  private static ColumnSpec col(String name, DataType type) {
    return ColumnSpec.regular(name, type);
  }

  private static List<Object[]> readAll(ParquetRowReader r) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    for (Object[] row; (row = r.next()) != null; ) {
      rows.add(row);
    }
    return rows;
  }

  private static List<Object[]> readAll(Path file, List<ColumnSpec> cols) throws IOException {
    try (ParquetRowReader r = ParquetRowReader.open(file, cols, true)) {
      return readAll(r);
    }
  }

  private Path duckFile(String name, String select, String compression) throws Exception {
    Path file = dir.resolve(name);
    try (DuckDb db = new DuckDb()) {
      db.execute(
          "COPY ("
              + select
              + ") TO "
              + DuckDb.literal(file)
              + " (FORMAT parquet, COMPRESSION "
              + compression
              + ")");
    }
    return file;
  }

  @Test
  void should_read_back_every_value_the_writer_wrote() throws Exception {
    Path file = dir.resolve("all.parquet");
    List<Object[]> expected = new ArrayList<>(AllTypes.rows());
    expected.addAll(AllTypes.extremeRows());
    try (ParquetRowWriter w =
        ParquetRowWriter.open(
            file,
            AllTypes.columns(),
            ParquetWriteOptions.defaults().withCompression(ParquetCompression.ZSTD))) {
      for (Object[] row : expected) {
        w.write(row);
      }
      w.commit();
    }
    try (ParquetRowReader r = ParquetRowReader.open(file, AllTypes.columns(), true)) {
      assertThat(r.totalRows()).isEqualTo(expected.size());
      assertThat(r.keyValueMetadata()).containsKeys("cqlp.version", "cqlp.schema");
      List<Object[]> actual = readAll(r);
      assertThat(actual).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i)).as("row %d", i + 1).containsExactly(expected.get(i));
      }
      assertThat(r.rowsRead()).isEqualTo(expected.size());
    }
  }

  @Test
  void should_convert_the_types_duckdb_writes() throws Exception {
    Path file =
        duckFile(
            "duck.parquet",
            "SELECT"
                + " TIMESTAMP '1969-07-20 20:17:40.123' AS ts,"
                + " TIMESTAMP_NS '2001-02-03 04:05:06.789' AS tsns,"
                + " TIMESTAMPTZ '2001-02-03 04:05:06.789+00' AS tstz,"
                + " 1.25::DECIMAL(4,2) AS d4, -12345678.25::DECIMAL(18,2) AS d18,"
                + " 1234567890123456789012345.5::DECIMAL(38,1) AS d38,"
                + " 12345678901234567890::DECIMAL(20,0) AS dvarint, 42::DECIMAL(18,0) AS dbig,"
                + " '123e4567-e89b-12d3-a456-426614174000'::UUID AS u,"
                + " DATE '1492-10-12' AS dt, TIME '12:34:56.789012' AS tm,"
                + " (-32768)::SMALLINT AS si, (-128)::TINYINT AS ti, 255::UTINYINT AS uti,"
                + " 18446744073709551615::UBIGINT AS ubi, '\\xAA\\x00'::BLOB AS b,"
                + " 'ünïcode' AS s, '123e4567-e89b-12d3-a456-426614174000' AS su,"
                + " '2001-02-03 04:05:06.789+01:00' AS sts, '::1' AS sinet, '1.50' AS sdec,"
                + " '-99999999999999999999' AS svi, 7::INTEGER AS i, 1.5::FLOAT AS f, true AS bo",
            "zstd");
    List<ColumnSpec> cols =
        List.of(
            col("ts", DataTypes.TIMESTAMP),
            col("tsns", DataTypes.TIMESTAMP),
            col("tstz", DataTypes.TIMESTAMP),
            col("d4", DataTypes.DECIMAL),
            col("d18", DataTypes.DECIMAL),
            col("d38", DataTypes.DECIMAL),
            col("dvarint", DataTypes.VARINT),
            col("dbig", DataTypes.BIGINT),
            col("u", DataTypes.TIMEUUID),
            col("dt", DataTypes.DATE),
            col("tm", DataTypes.TIME),
            col("si", DataTypes.SMALLINT),
            col("ti", DataTypes.INT),
            col("uti", DataTypes.SMALLINT),
            col("ubi", DataTypes.VARINT),
            col("b", DataTypes.BLOB),
            col("s", DataTypes.TEXT),
            col("su", DataTypes.UUID),
            col("sts", DataTypes.TIMESTAMP),
            col("sinet", DataTypes.INET),
            col("sdec", DataTypes.DECIMAL),
            col("svi", DataTypes.VARINT),
            col("i", DataTypes.BIGINT),
            col("f", DataTypes.DOUBLE),
            col("bo", DataTypes.BOOLEAN));
    List<Object[]> rows = readAll(file, cols);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsExactly(
            Instant.parse("1969-07-20T20:17:40.123Z"),
            Instant.parse("2001-02-03T04:05:06.789Z"),
            Instant.parse("2001-02-03T04:05:06.789Z"),
            new BigDecimal("1.25"),
            new BigDecimal("-12345678.25"),
            new BigDecimal("1234567890123456789012345.5"),
            new BigInteger("12345678901234567890"),
            42L,
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            LocalDate.of(1492, 10, 12),
            LocalTime.parse("12:34:56.789012"),
            (short) -32768,
            -128,
            (short) 255,
            new BigInteger("18446744073709551615"),
            ByteBuffer.wrap(new byte[] {(byte) 0xAA, 0}),
            "ünïcode",
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            Instant.parse("2001-02-03T03:05:06.789Z"),
            AllTypes.inet("::1"),
            new BigDecimal("1.50"),
            new BigInteger("-99999999999999999999"),
            7L,
            1.5d,
            true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uncompressed", "snappy", "gzip", "zstd", "lz4"})
  void should_read_files_duckdb_compressed_with_each_codec(String codec) throws Exception {
    Path file =
        duckFile(
            codec + ".parquet",
            "SELECT i::BIGINT AS id, 'row ' || i AS name FROM range(100000) t(i)",
            codec);
    long sum = 0;
    long n = 0;
    try (ParquetRowReader r =
        ParquetRowReader.open(
            file, List.of(col("id", DataTypes.BIGINT), col("name", DataTypes.TEXT)), true)) {
      for (Object[] row; (row = r.next()) != null; ) {
        sum += (Long) row[0];
        assertThat(row[1]).isEqualTo("row " + row[0]);
        n++;
      }
    }
    assertThat(n).isEqualTo(100_000);
    assertThat(sum).isEqualTo(99_999L * 100_000 / 2);
  }

  @Test
  void should_read_brotli_pages_duckdb_wrote() throws Exception {
    Path file =
        duckFile(
            "brotli.parquet",
            "SELECT i AS id, 'row ' || i AS name FROM range(50000) t(i)",
            "brotli");
    long n = 0;
    try (ParquetRowReader r =
        ParquetRowReader.open(
            file, List.of(col("id", DataTypes.BIGINT), col("name", DataTypes.TEXT)), true)) {
      for (Object[] row; (row = r.next()) != null; n++) {
        assertThat(row).containsExactly(n, "row " + n);
      }
    }
    assertThat(n).isEqualTo(50_000);
  }

  @Test
  void should_read_int96_timestamps() throws Exception {
    Path file = dir.resolve("int96.parquet");
    MessageType schema =
        Types.buildMessage().optional(PrimitiveTypeName.INT96).named("ts").named("m");
    List<Consumer<RecordConsumer>> rows =
        List.of(
            c -> RawParquet.field(c, "ts", 0, v -> v.addBinary(int96("2001-02-03T04:05:06.789Z"))),
            c -> RawParquet.field(c, "ts", 0, v -> v.addBinary(int96("1900-01-01T00:00:00.001Z"))),
            c -> RawParquet.field(c, "ts", 0, null),
            c ->
                RawParquet.field(
                    c, "ts", 0, v -> v.addBinary(int96("2001-02-03T04:05:06.789000001Z"))));
    RawParquet.write(file, schema, rows);
    try (ParquetRowReader r =
        ParquetRowReader.open(file, List.of(col("ts", DataTypes.TIMESTAMP)), true)) {
      assertThat(r.next()).containsExactly(Instant.parse("2001-02-03T04:05:06.789Z"));
      assertThat(r.next()).containsExactly(Instant.parse("1900-01-01T00:00:00.001Z"));
      assertThat(r.next()).containsExactly((Object) null);
      assertThatThrownBy(r::next)
          .isInstanceOf(ConversionException.class)
          .hasMessage(
              "cannot load '"
                  + file
                  + "', row 4, column 'ts' (Parquet INT96 to CQL"
                  + " timestamp): 2001-02-03T04:05:06.789000001Z has sub-millisecond digits;"
                  + " a CQL timestamp holds milliseconds (PRECISION_LOSS='TRUNCATE' drops them)");
      assertThat(r.next()).isNull();
    }
  }

  private static Binary int96(String instant) {
    Instant i = Instant.parse(instant);
    long day = Math.floorDiv(i.getEpochSecond(), 86_400);
    long nanos = Math.floorMod(i.getEpochSecond(), 86_400) * 1_000_000_000L + i.getNano();
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(nanos).putInt((int) (day + 2_440_588));
    return Binary.fromConstantByteArray(b.array());
  }

  @Test
  void should_read_decimals_and_uuids_of_every_physical_type() throws Exception {
    Path file = dir.resolve("physical.parquet");
    MessageType schema =
        Types.buildMessage()
            .optional(PrimitiveTypeName.BINARY)
            .as(org.apache.parquet.schema.LogicalTypeAnnotation.decimalType(3, 30))
            .named("db")
            .optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
            .length(16)
            .as(org.apache.parquet.schema.LogicalTypeAnnotation.uuidType())
            .named("u")
            .optional(PrimitiveTypeName.INT32)
            .as(
                org.apache.parquet.schema.LogicalTypeAnnotation.timeType(
                    false, org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MILLIS))
            .named("tm")
            .required(PrimitiveTypeName.BINARY)
            .named("raw")
            .named("m");
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    ByteBuffer ub =
        ByteBuffer.allocate(16)
            .putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits());
    RawParquet.write(
        file,
        schema,
        List.of(
            c -> {
              RawParquet.field(
                  c,
                  "db",
                  0,
                  v ->
                      v.addBinary(
                          Binary.fromConstantByteArray(
                              new BigInteger("-123456789012345678901234").toByteArray())));
              RawParquet.field(
                  c, "u", 1, v -> v.addBinary(Binary.fromConstantByteArray(ub.array())));
              RawParquet.field(c, "tm", 2, v -> v.addInteger(45_296_789));
              RawParquet.field(c, "raw", 3, v -> v.addBinary(Binary.fromString("plain bytes")));
            }));
    List<Object[]> rows =
        readAll(
            file,
            List.of(
                col("db", DataTypes.DECIMAL),
                col("u", DataTypes.UUID),
                col("tm", DataTypes.TIME),
                col("raw", DataTypes.TEXT)));
    assertThat(rows.get(0))
        .containsExactly(
            new BigDecimal("-123456789012345678901.234"),
            uuid,
            LocalTime.parse("12:34:56.789"),
            "plain bytes");
  }

  @Test
  void should_read_the_shared_flights_file_written_by_another_tool() throws Exception {
    List<ColumnSpec> cols =
        List.of(
            col("date", DataTypes.TIMESTAMP),
            col("delay", DataTypes.BIGINT),
            col("distance", DataTypes.BIGINT),
            col("origin", DataTypes.TEXT),
            col("destination", DataTypes.TEXT));
    long rows = 0;
    long delay = 0;
    long distance = 0;
    try (ParquetRowReader r = ParquetRowReader.open(FLIGHTS, cols, true)) {
      assertThat(r.totalRows()).isEqualTo(3_000_000);
      assertThat(r.fileColumns())
          .containsExactly(
              new ParquetColumn("date", "INT64 TIMESTAMP(MICROS,false)"),
              new ParquetColumn("delay", "INT64"),
              new ParquetColumn("distance", "INT64"),
              new ParquetColumn("origin", "BINARY STRING"),
              new ParquetColumn("destination", "BINARY STRING"));
      Object[] first = r.next();
      assertThat(first[0]).isInstanceOf(Instant.class);
      assertThat(first[3]).isInstanceOf(String.class);
      rows++;
      delay += (Long) first[1];
      distance += (Long) first[2];
      for (Object[] row; (row = r.next()) != null; ) {
        rows++;
        delay += (Long) row[1];
        distance += (Long) row[2];
      }
    }
    assertThat(rows).isEqualTo(3_000_000);
    assertThat(delay).isEqualTo(20_003_603);
    assertThat(distance).isEqualTo(2_194_861_208L);
  }

  @Test
  void should_read_no_rows_from_a_file_without_rows() throws Exception {
    Path file = dir.resolve("empty.parquet");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, AllTypes.columns(), ParquetWriteOptions.defaults())) {
      w.commit();
    }
    try (ParquetRowReader r = ParquetRowReader.open(file, AllTypes.columns(), true)) {
      assertThat(r.totalRows()).isZero();
      assertThat(r.next()).isNull();
      assertThat(r.next()).isNull();
      assertThat(r.rowsRead()).isZero();
    }
  }

  @Test
  void should_match_columns_case_insensitively_and_null_the_missing_ones() throws Exception {
    Path file = duckFile("case.parquet", "SELECT 1 AS \"Origin\", 2 AS other", "snappy");
    List<ColumnSpec> cols = List.of(col("origin", DataTypes.INT), col("absent", DataTypes.TEXT));
    try (ParquetRowReader r = ParquetRowReader.open(file, cols, false)) {
      assertThat(r.missingColumns()).containsExactly("absent");
      assertThat(r.next()).containsExactly(1, null);
      assertThat(r.next()).isNull();
    }
  }

  @Test
  void should_name_the_file_columns_when_a_required_column_is_missing() throws Exception {
    Path file = duckFile("missing.parquet", "SELECT 1 AS a, 2 AS b, 3 AS c", "snappy");
    assertThatThrownBy(
            () ->
                ParquetRowReader.open(
                    file, List.of(col("a", DataTypes.INT), col("x", DataTypes.INT)), true))
        .isInstanceOf(IOException.class)
        .hasMessage("column 'x' not found in file '" + file + "'; file columns are: a, b, c");
  }

  @Test
  void should_give_null_rows_when_no_column_matches() throws Exception {
    Path file = duckFile("none.parquet", "SELECT i AS a FROM range(3) t(i)", "snappy");
    try (ParquetRowReader r =
        ParquetRowReader.open(file, List.of(col("x", DataTypes.INT)), false)) {
      assertThat(readAll(r))
          .hasSize(3)
          .allSatisfy(row -> assertThat(row).containsExactly((Object) null));
    }
  }

  @Test
  void should_name_file_row_column_and_types_when_a_value_is_out_of_range_then_go_on()
      throws Exception {
    Path file =
        duckFile(
            "range.parquet",
            "SELECT * FROM (VALUES (1, 'a'), (300, 'b'), (-5, 'c')) t(v, s)",
            "snappy");
    try (ParquetRowReader r =
        ParquetRowReader.open(
            file, List.of(col("s", DataTypes.ASCII), col("v", DataTypes.TINYINT)), true)) {
      assertThat(r.next()).containsExactly("a", (byte) 1);
      assertThatThrownBy(r::next)
          .isInstanceOf(ConversionException.class)
          .hasMessage(
              "cannot load '"
                  + file
                  + "', row 2, column 'v' (Parquet INT32 INTEGER(32,true) to CQL tinyint): 300 is"
                  + " out of range for tinyint (-128 to 127)");
      assertThat(r.next()).containsExactly("c", (byte) -5);
      assertThat(r.rowsRead()).isEqualTo(2);
    }
  }

  @Test
  void should_truncate_sub_millisecond_timestamps_when_asked() throws Exception {
    Path file =
        duckFile(
            "ns.parquet",
            "SELECT * FROM (VALUES (TIMESTAMP_NS '2001-02-03 04:05:06.789123456'), (TIMESTAMP_NS"
                + " '1969-12-31 23:59:59.999999999'), (TIMESTAMP_NS '2001-01-01 00:00:00.001'))"
                + " t(ts)",
            "snappy");
    try (ParquetRowReader r =
        ParquetRowReader.open(
            io.cqlp.storage.Location.local(file),
            List.of(col("ts", DataTypes.TIMESTAMP)),
            true,
            io.cqlp.format.PrecisionLoss.TRUNCATE)) {
      assertThat(r.next()).containsExactly(Instant.parse("2001-02-03T04:05:06.789Z"));
      assertThat(r.next()).containsExactly(Instant.parse("1969-12-31T23:59:59.999Z"));
      assertThat(r.next()).containsExactly(Instant.parse("2001-01-01T00:00:00.001Z"));
      assertThat(r.next()).isNull();
    }
    try (ParquetRowReader r =
        ParquetRowReader.open(
            io.cqlp.storage.Location.local(file),
            List.of(col("ts", DataTypes.TIMESTAMP)),
            true,
            io.cqlp.format.PrecisionLoss.REJECT)) {
      assertThatThrownBy(r::next)
          .isInstanceOf(ConversionException.class)
          .hasMessageEndingWith(
              "2001-02-03T04:05:06.789123456Z has sub-millisecond digits; a CQL timestamp"
                  + " holds milliseconds (PRECISION_LOSS='TRUNCATE' drops them)");
    }
  }

  @Test
  void should_refuse_sub_millisecond_timestamps_non_ascii_text_and_non_v1_timeuuids()
      throws Exception {
    Path file =
        duckFile(
            "refused.parquet",
            "SELECT TIMESTAMP_NS '2001-01-01 00:00:00.000000001'" + " AS ts, 'é' AS a, uuid() AS u",
            "snappy");
    assertThatThrownBy(() -> readAll(file, List.of(col("ts", DataTypes.TIMESTAMP))))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining(
            "row 1, column 'ts' (Parquet INT64 TIMESTAMP(NANOS,false) to CQL"
                + " timestamp): 2001-01-01T00:00:00.000000001Z has sub-millisecond digits");
    assertThatThrownBy(() -> readAll(file, List.of(col("a", DataTypes.ASCII))))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining(
            "column 'a' (Parquet BINARY STRING to CQL ascii): 'é' has a"
                + " non-ASCII character U+00E9 at position 1");
    assertThatThrownBy(() -> readAll(file, List.of(col("u", DataTypes.TIMEUUID))))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("is a version 4 UUID; a timeuuid must be version 1");
  }

  @Test
  void should_refuse_when_opening_a_column_that_can_never_convert() throws Exception {
    Path file = duckFile("bool.parquet", "SELECT true AS flag", "snappy");
    assertThatThrownBy(
            () -> ParquetRowReader.open(file, List.of(col("flag", DataTypes.UUID)), true))
        .isInstanceOf(ConversionException.class)
        .hasMessage(
            "cannot load column 'flag' of '"
                + file
                + "' (Parquet BOOLEAN) into 'flag'"
                + " (CQL uuid): no exact conversion");
  }

  @Test
  void should_report_missing_empty_truncated_and_foreign_files_in_one_line() throws Exception {
    List<ColumnSpec> cols = List.of(col("a", DataTypes.INT));
    Path missing = dir.resolve("missing.parquet");
    Path empty = Files.createFile(dir.resolve("empty.parquet"));
    Path text = Files.writeString(dir.resolve("text.parquet"), "id,name\n1,x\n");
    Path whole = duckFile("whole.parquet", "SELECT i AS a FROM range(1000) t(i)", "snappy");
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated =
        Files.write(
            dir.resolve("truncated.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    byte[] badFooter = bytes.clone();
    badFooter[badFooter.length - 6] = 0x7F; // footer length points before the file start
    Path corrupt = Files.write(dir.resolve("corrupt.parquet"), badFooter);
    assertOneLine(missing, cols, "no such file");
    assertOneLine(empty, cols, "the file is empty (0 bytes)");
    assertOneLine(text, cols, "not a Parquet file (no PAR1 magic at its start)");
    assertOneLine(
        truncated,
        cols,
        "truncated Parquet file ("
            + bytes.length / 2
            + " bytes, no PAR1 magic at its end): was it completely written?");
    assertOneLine(dir, cols, "it is a directory, not a file");
    assertThatThrownBy(() -> ParquetRowReader.open(corrupt, cols, true))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot read Parquet file '" + corrupt + "': unreadable footer (")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static void assertOneLine(Path file, List<ColumnSpec> cols, String problem) {
    assertThatThrownBy(() -> ParquetRowReader.open(file, cols, true))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot read Parquet file '" + file + "': " + problem);
  }

  @Test
  void should_read_back_every_composite_value_the_writer_wrote() throws Exception {
    Path file = dir.resolve("composites.parquet");
    List<Object[]> expected = Composites.rows();
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, Composites.columns(), ParquetWriteOptions.defaults())) {
      for (Object[] row : expected) {
        w.write(row);
      }
      w.commit();
    }
    List<Object[]> actual = readAll(file, Composites.columns());
    assertThat(actual).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("row %d", i + 1).containsExactly(expected.get(i));
    }
    // Row 2 is all nulls; row 3 holds empty frozen collections and all-null tuple and UDT.
    assertThat(actual.get(1)).containsOnly(2, null);
    assertThat(actual.get(2)).doesNotContainNull();
    assertThat(actual.get(0)[2]).isEqualTo(new LinkedHashSet<>(List.of("a", "b c", "")));
  }

  @Test
  void should_convert_the_nested_types_duckdb_writes() throws Exception {
    Path file =
        duckFile(
            "nested.parquet",
            "SELECT [1, 2, 3]::INTEGER[] AS l, ['b', 'a']::VARCHAR[] AS s, [0.5, 1.5,"
                + " 2.5]::FLOAT[3] AS v, [1, 2]::TINYINT[] AS widened, MAP {'x': 1, 'y': 2} AS m,"
                + " {'Street': 'Main', 'zip': 42, 'loc': {'x': 1.5, 'y': 2.5}} AS a, ROW(7,"
                + " 'seven', TIMESTAMP '2001-01-01 00:00:00.001') AS t, MAP {'k': [{'street': 'S',"
                + " 'zip': 1, 'tags': [], 'loc': NULL}]} AS ma, [[1, 2], [], [3]] AS fl, INTERVAL"
                + " '14 months 3 days 4.005 seconds' AS d, {'months': -1, 'days': 0, 'nanoseconds':"
                + " -7} AS d2, ['123e4567-e89b-12d3-a456-426614174000'::UUID] AS u, ['1mo2d3h'] AS"
                + " dt",
            "zstd");
    DataType address = Composites.ADDRESS;
    List<ColumnSpec> cols =
        List.of(
            col("l", DataTypes.listOf(DataTypes.INT)),
            col("s", DataTypes.setOf(DataTypes.TEXT)),
            col("v", DataTypes.vectorOf(DataTypes.FLOAT, 3)),
            col("widened", DataTypes.frozenListOf(DataTypes.BIGINT)),
            col("m", DataTypes.mapOf(DataTypes.TEXT, DataTypes.VARINT)),
            col("a", address),
            col("t", Composites.TRIPLE),
            col("ma", DataTypes.mapOf(DataTypes.TEXT, DataTypes.frozenListOf(address))),
            col("fl", DataTypes.frozenListOf(DataTypes.frozenListOf(DataTypes.INT))),
            col("d", DataTypes.DURATION),
            col("d2", DataTypes.DURATION),
            col("u", DataTypes.setOf(DataTypes.TIMEUUID)),
            col("dt", DataTypes.listOf(DataTypes.DURATION)));
    List<Object[]> rows = readAll(file, cols);
    assertThat(rows).hasSize(1);
    Map<String, BigInteger> m = new LinkedHashMap<>();
    m.put("x", BigInteger.ONE);
    m.put("y", BigInteger.TWO);
    assertThat(rows.get(0))
        .containsExactly(
            List.of(1, 2, 3),
            new LinkedHashSet<>(List.of("b", "a")),
            CqlVector.newInstance(0.5f, 1.5f, 2.5f),
            List.of(1L, 2L),
            m,
            Composites.address("Main", 42, null, 1.5, 2.5),
            Composites.triple(7, "seven", Instant.parse("2001-01-01T00:00:00.001Z")),
            Map.of("k", List.of(Composites.address("S", 1, List.of(), null, null))),
            List.of(List.of(1, 2), List.of(), List.of(3)),
            CqlDuration.newInstance(14, 3, 4_005_000_000L),
            CqlDuration.newInstance(-1, 0, -7),
            Set.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
            List.of(CqlDuration.from("1mo2d3h")));
  }

  @Test
  void should_read_two_level_lists_of_older_writers() throws Exception {
    Path file = dir.resolve("two-level.parquet");
    MessageType schema =
        org.apache.parquet.schema.MessageTypeParser.parseMessageType(
            "message m { optional group l (LIST) { repeated int32 array; } }");
    RawParquet.write(
        file,
        schema,
        List.of(
            c ->
                RawParquet.field(
                    c,
                    "l",
                    0,
                    g -> {
                      g.startGroup();
                      g.startField("array", 0);
                      g.addInteger(5);
                      g.addInteger(-5);
                      g.endField("array", 0);
                      g.endGroup();
                    }),
            c ->
                RawParquet.field(
                    c,
                    "l",
                    0,
                    g -> {
                      g.startGroup();
                      g.endGroup();
                    }),
            c -> RawParquet.field(c, "l", 0, null)));
    assertThat(readAll(file, List.of(col("l", DataTypes.setOf(DataTypes.SMALLINT)))))
        .containsExactly(
            new Object[] {Set.of((short) 5, (short) -5)},
            new Object[] {Set.of()},
            new Object[] {null});
  }

  @Test
  void should_refuse_nulls_duplicates_and_wrong_sizes_in_collections_then_go_on() throws Exception {
    Path file =
        duckFile(
            "bad-collections.parquet",
            "SELECT * FROM (VALUES"
                + " (1, [1, NULL], ['a', 'a'], [1.0, 2.0]::DOUBLE[], MAP {'k': NULL::INT}),"
                + " (2, [1], ['a'], [1.0, 2.0, 3.0]::DOUBLE[], MAP {'k': 1})) t(id, l, s, v, m)",
            "snappy");
    try (ParquetRowReader r =
        ParquetRowReader.open(
            file,
            List.of(
                col("id", DataTypes.INT),
                col("l", DataTypes.listOf(DataTypes.INT)),
                col("s", DataTypes.setOf(DataTypes.TEXT)),
                col("v", DataTypes.vectorOf(DataTypes.DOUBLE, 3)),
                col("m", DataTypes.mapOf(DataTypes.TEXT, DataTypes.INT))),
            true)) {
      assertThatThrownBy(r::next)
          .isInstanceOf(ConversionException.class)
          .hasMessage(
              "cannot load '"
                  + file
                  + "', row 1, column 'l' (Parquet"
                  + " LIST<INT32 INTEGER(32,true)> to CQL list<int>): element 1 is null; a CQL list"
                  + " cannot hold nulls");
      assertThat(r.next())
          .containsExactly(
              2, List.of(1), Set.of("a"), CqlVector.newInstance(1.0, 2.0, 3.0), Map.of("k", 1));
    }
    assertThatThrownBy(() -> readAll(file, List.of(col("s", DataTypes.setOf(DataTypes.TEXT)))))
        .hasMessageEndingWith("the list holds an element twice; a CQL set holds each element once");
    assertThatThrownBy(
            () -> readAll(file, List.of(col("v", DataTypes.vectorOf(DataTypes.DOUBLE, 3)))))
        .hasMessageEndingWith("the list has 2 elements; the vector has 3");
    assertThatThrownBy(
            () -> readAll(file, List.of(col("m", DataTypes.mapOf(DataTypes.TEXT, DataTypes.INT)))))
        .hasMessageEndingWith("the value of key k is null; a CQL map cannot hold" + " nulls");
  }

  @Test
  void should_name_the_nested_part_that_can_never_convert_when_opening() throws Exception {
    Path file =
        duckFile(
            "nested-mismatch.parquet",
            "SELECT [true] AS flags,"
                + " {'street': 'x', 'floor': 3} AS a, [1] AS l, ROW(1, 2) AS pair",
            "snappy");
    assertThatThrownBy(
            () ->
                ParquetRowReader.open(
                    file, List.of(col("flags", DataTypes.listOf(DataTypes.UUID))), true))
        .isInstanceOf(ConversionException.class)
        .hasMessage(
            "cannot load column 'flags' of '"
                + file
                + "' (Parquet LIST<BOOLEAN>) into"
                + " 'flags' (CQL list<uuid>): no exact conversion (element: Parquet BOOLEAN to CQL"
                + " uuid)");
    assertThatThrownBy(
            () -> ParquetRowReader.open(file, List.of(col("a", Composites.ADDRESS)), true))
        .hasMessageEndingWith(
            "no exact conversion (field 'floor' is not in user type address"
                + " (street, zip, tags, loc))");
    assertThatThrownBy(() -> ParquetRowReader.open(file, List.of(col("l", DataTypes.INT)), true))
        .hasMessage(
            "cannot load column 'l' of '"
                + file
                + "' (Parquet LIST<INT32 INTEGER(32,true)>) into 'l'"
                + " (CQL int): no exact conversion");
    assertThatThrownBy(
            () -> ParquetRowReader.open(file, List.of(col("pair", Composites.TRIPLE)), true))
        .hasMessageEndingWith("no exact conversion (the group has 2 fields, the tuple 3)");
  }
}
