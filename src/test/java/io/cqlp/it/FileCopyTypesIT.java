package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqlp.format.parquet.FooterKeys;
import io.cqlp.format.parquet.write.ParquetRowWriter;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.testing.DuckDb;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
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
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code COPY 'typed.parquet' TO ...} of a file cqlp wrote (its footer's {@code cqlp.schema} names
 * the CQL types) through the real shell with {@code --no-connect}: uuid, timeuuid, varint, decimal,
 * duration, collections and a user type come out as their CQL values, exact digits kept, and
 * INCLUDE_METADATA lists every column with its CQL type. The source is written by cqlp's own
 * Parquet writer (the one COPY TO uses), so no Cassandra node is needed.
 */
class FileCopyTypesIT {
  private static final UUID U = UUID.fromString("123e4567-e89b-42d3-a456-556642440000");
  private static final UUID TU = UUID.fromString("d2177dd0-eaa2-11de-a572-001b779c76e3");
  private static final BigInteger VI = new BigInteger("-123456789012345678901234567890123456789");
  private static final BigDecimal DEC =
      new BigDecimal("3.14159265358979323846264338327950288419716939937510");
  private static final CqlDuration DU = CqlDuration.newInstance(14, 3, 4_000_000_007L);

  /** A footer entry of the source that is not cqlp's own. */
  private static final String NOTE = "producer.note";

  private static Path dir;
  private static Path source;
  private static List<ColumnSpec> columns;

  @BeforeAll
  static void writeSource() throws Exception {
    dir = Shell.home().resolve("target/it/file-copy-types");
    Files.createDirectories(dir);
    for (String name :
        List.of("typed.json", "typed.schema.json", "typed.xlsx", "typed-copy.parquet")) {
      Files.deleteIfExists(dir.resolve(name));
    }
    source = dir.resolve("typed.parquet");
    Files.deleteIfExists(source);
    UserDefinedType point =
        new UserDefinedTypeBuilder(
                CqlIdentifier.fromInternal("ks"), CqlIdentifier.fromInternal("point"))
            .withField(CqlIdentifier.fromInternal("x"), DataTypes.DOUBLE)
            .withField(CqlIdentifier.fromInternal("label"), DataTypes.TEXT)
            .build();
    columns =
        List.of(
            new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
            ColumnSpec.regular("u", DataTypes.UUID),
            ColumnSpec.regular("tu", DataTypes.TIMEUUID),
            ColumnSpec.regular("vi", DataTypes.VARINT),
            ColumnSpec.regular("dec", DataTypes.DECIMAL),
            ColumnSpec.regular("du", DataTypes.DURATION),
            ColumnSpec.regular("ts", DataTypes.TIMESTAMP),
            ColumnSpec.regular("dt", DataTypes.DATE),
            ColumnSpec.regular("tm", DataTypes.TIME),
            ColumnSpec.regular("ip", DataTypes.INET),
            ColumnSpec.regular("bl", DataTypes.BLOB),
            ColumnSpec.regular("s", DataTypes.setOf(DataTypes.TEXT)),
            ColumnSpec.regular("m", DataTypes.mapOf(DataTypes.TEXT, DataTypes.VARINT)),
            ColumnSpec.regular("tup", DataTypes.tupleOf(DataTypes.INT, DataTypes.DECIMAL)),
            ColumnSpec.regular("pt", point.copy(true)));
    UdtValue p = point.newValue().setDouble("x", 0.1).setString("label", "origin");
    Object[] row = {
      1,
      U,
      TU,
      VI,
      DEC,
      DU,
      Instant.parse("2024-02-29T23:59:59.999Z"),
      LocalDate.of(1, 1, 1),
      LocalTime.parse("12:34:56.123456789"),
      InetAddress.getByName("::1"),
      ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}),
      new LinkedHashSet<>(List.of("a", "b")),
      new LinkedHashMap<>(Map.of("k", VI)),
      DataTypes.tupleOf(DataTypes.INT, DataTypes.DECIMAL).newValue(7, DEC),
      p
    };
    Object[] empty = new Object[columns.size()];
    empty[0] = 2;
    try (ParquetRowWriter writer =
        ParquetRowWriter.open(
            source,
            columns,
            ParquetWriteOptions.defaults().withTable("ks", "typed"),
            Map.of(NOTE, "kept"),
            0)) {
      writer.write(row);
      writer.write(empty);
      writer.commit();
    }
  }

  @Test
  void json_keeps_every_value_typed_and_exact() throws Exception {
    Path json = dir.resolve("typed.json");
    Shell.Result r =
        FileCopyIT.cqlp("COPY '" + source + "' TO '" + json + "' WITH INCLUDE_METADATA=true");
    assertThat(r.exitCode()).as(r.err()).isZero();
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(json)) {
      rows.add(mapper.readTree(line));
    }
    assertThat(rows).hasSize(2);
    JsonNode row = rows.get(0).path("id").asInt() == 1 ? rows.get(0) : rows.get(1);
    assertThat(row.path("u").asText()).isEqualTo(U.toString());
    assertThat(row.path("tu").asText()).isEqualTo(TU.toString());
    assertThat(row.path("vi").isNumber()).isTrue();
    assertThat(row.path("vi").bigIntegerValue()).isEqualTo(VI);
    assertThat(row.path("dec").isNumber()).isTrue();
    assertThat(row.path("dec").decimalValue()).isEqualByComparingTo(DEC);
    // Exact digits, the trailing zero too (Jackson's tree drops it, so the text is looked at).
    assertThat(Files.readString(json))
        .contains("\"dec\":" + DEC.toPlainString() + ",")
        .contains("\"vi\":" + VI + ",")
        .contains("\"tup\":[7," + DEC.toPlainString() + "]");
    assertThat(row.path("du").asText()).isEqualTo(DU.toString());
    assertThat(row.path("ts").asText()).isEqualTo("2024-02-29T23:59:59.999Z");
    assertThat(row.path("dt").asText()).isEqualTo("0001-01-01");
    assertThat(row.path("tm").asText()).isEqualTo("12:34:56.123456789");
    assertThat(row.path("ip").asText()).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(row.path("bl").asText()).isEqualTo("0x0001ff");
    assertThat(row.path("s").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(row.path("m").path("k").bigIntegerValue()).isEqualTo(VI);
    assertThat(row.path("tup").get(1).decimalValue()).isEqualByComparingTo(DEC);
    assertThat(row.path("pt").path("label").asText()).isEqualTo("origin");
    assertThat(row.path("pt").path("x").decimalValue()).isEqualTo(new BigDecimal("0.1"));
    JsonNode nulls = rows.get(0) == row ? rows.get(1) : rows.get(0);
    assertThat(nulls.path("vi").isNull()).isTrue();

    JsonNode meta = new ObjectMapper().readTree(dir.resolve("typed.schema.json").toFile());
    Map<String, String> types = new LinkedHashMap<>();
    meta.path("columns")
        .forEach(c -> types.put(c.path("name").asText(), c.path("cql_type").asText()));
    Map<String, String> expected = new LinkedHashMap<>();
    columns.forEach(c -> expected.put(c.name(), c.type().asCql(true, true)));
    assertThat(types).containsExactlyEntriesOf(expected);
    assertThat(meta.path("columns").get(3).path("parquet_type").asText()).isNotEmpty();
    assertThat(meta.path("key_value_metadata").path(FooterKeys.SCHEMA).asText())
        .contains("timeuuid");
    assertThat(meta.path("key_value_metadata").path(NOTE).asText()).isEqualTo("kept");
  }

  @Test
  void xlsx_has_a_metadata_sheet_of_every_column() throws Exception {
    Path xlsx = dir.resolve("typed.xlsx");
    Shell.Result r =
        FileCopyIT.cqlp("COPY '" + source + "' TO '" + xlsx + "' WITH INCLUDE_METADATA=true");
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (XSSFWorkbook book = new XSSFWorkbook(xlsx.toFile())) {
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
      Sheet meta = book.getSheet("metadata");
      Map<String, String> types = new LinkedHashMap<>();
      for (int i = 1; i <= columns.size(); i++) {
        types.put(
            meta.getRow(i).getCell(0).getStringCellValue(),
            meta.getRow(i).getCell(1).getStringCellValue());
      }
      Map<String, String> expected = new LinkedHashMap<>();
      columns.forEach(c -> expected.put(c.name(), c.type().asCql(true, true)));
      assertThat(types).containsExactlyEntriesOf(expected);
    }
  }

  @Test
  void parquet_to_parquet_keeps_the_types_and_the_source_footer() throws Exception {
    Path copy = dir.resolve("typed-copy.parquet");
    Shell.Result r =
        FileCopyIT.cqlp("COPY '" + source + "' TO '" + copy + "' WITH INCLUDE_METADATA=true");
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.keyValues(copy)).containsEntry(NOTE, "kept");
      assertThat(duck.keyValues(copy).get(FooterKeys.SCHEMA))
          .isEqualTo(duck.keyValues(source).get(FooterKeys.SCHEMA));
      String cols = "id, u, tu, vi, dec, du, ts, dt, tm, ip, bl, s, m, tup, pt";
      assertThat(
              duck.rows(
                  "SELECT "
                      + cols
                      + " FROM read_parquet("
                      + DuckDb.literal(source)
                      + ") EXCEPT ALL SELECT "
                      + cols
                      + " FROM read_parquet("
                      + DuckDb.literal(copy)
                      + ")"))
          .isEmpty();
      assertThat(duck.longValue("SELECT count(*) FROM read_parquet(" + DuckDb.literal(copy) + ")"))
          .isEqualTo(2);
    }
  }
}
