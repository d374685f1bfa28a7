package io.cqlp.format.csv;

import static io.cqlp.format.csv.CsvTypes.col;
import static io.cqlp.format.csv.CsvTypes.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.compress.StreamCompression;
import io.cqlp.storage.Location;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowWriterTest {
  @TempDir Path dir;

  private static final String EVERY_TYPE_LINE =
      "1,plain,\"say \\\"hi\\\",\n"
          + "bye\",-8,1234,1234567,-12345678901234567890,3.1415927,2.718281828459045,1234.50,True,2024-01-02"
          + " 03:04:05.678+0000,2024-02-29,13:14:15.123456789,"
          + "123e4567-e89b-12d3-a456-426614174000,fe2b4360-28c6-11e2-81c1-0800200c9a66,0x00cafe,192.168.0.1,1h30m,\"['a',"
          + " 'b''c']\",\"{1, 2}\",{'start': '2024-01-02 03:04:05.678+0000'},\"{street: '1 Main"
          + " St', zip: null}\",\"(7, 'it''s')\",\"[1.5, -2]\"\r\n";

  @Test
  void should_write_every_type_as_cqlsh_does_with_default_options() throws IOException {
    Path file = dir.resolve("rows.csv");
    try (CsvRowWriter w = CsvRowWriter.open(Location.local(file), CsvTypes.columns(), options())) {
      w.write(CsvTypes.row());
      w.write(new Object[CsvTypes.columns().size()]);
      w.commit();
      assertThat(w.rowsWritten()).isEqualTo(2);
    }
    String nulls = ",".repeat(CsvTypes.columns().size() - 1) + "\r\n";
    assertThat(Files.readString(file)).isEqualTo(EVERY_TYPE_LINE + nulls);
  }

  @Test
  void should_round_floats_and_doubles_as_cqlsh_does_when_the_precisions_are_given()
      throws IOException {
    Path file = dir.resolve("rows.csv");
    try (CsvRowWriter w =
        CsvRowWriter.open(
            Location.local(file),
            CsvTypes.columns(),
            options("FLOATPRECISION", "5", "DOUBLEPRECISION", "12"))) {
      w.write(CsvTypes.row());
      w.commit();
    }
    assertThat(Files.readString(file)).contains(",3.14159,2.718281828459,", "\"[1.5, -2]\"");
  }

  @Test
  void should_apply_header_delimiter_quote_null_boolstyle_separators_and_datetimeformat()
      throws IOException {
    Path file = dir.resolve("rows.csv");
    CsvOptions o =
        options(
            "HEADER",
            "true",
            "DELIMITER",
            "|",
            "QUOTE",
            "'",
            "NULL",
            "N/A",
            "BOOLSTYLE",
            "yes, no",
            "DECIMALSEP",
            ",",
            "THOUSANDSSEP",
            ".",
            "DATETIMEFORMAT",
            "%d/%m/%Y %H:%M",
            "FLOATPRECISION",
            "3");
    List<io.cqlp.types.ColumnSpec> cols =
        List.of(
            col("k", DataTypes.BIGINT),
            col("t", DataTypes.TEXT),
            col("b", DataTypes.BOOLEAN),
            col("f", DataTypes.FLOAT),
            col("dec", DataTypes.DECIMAL),
            col("ts", DataTypes.TIMESTAMP),
            col("l", DataTypes.listOf(DataTypes.DOUBLE)));
    try (CsvRowWriter w = CsvRowWriter.open(Location.local(file), cols, o)) {
      w.write(
          new Object[] {
            1234567L,
            "it's|here",
            false,
            1234.5678f,
            new java.math.BigDecimal("-9876543.21"),
            Instant.parse("2024-01-02T03:04:05Z"),
            List.of(1.5, 2000.25)
          });
      w.write(new Object[] {1L, null, true, null, null, null, null});
      w.commit();
    }
    assertThat(Files.readString(file))
        .isEqualTo(
            "k|t|b|f|dec|ts|l\r\n"
                + "1.234.567|'it\\'s|here'|no|1.234,568|-9.876.543,21|02/01/2024 03:04|[1,5,"
                + " 2.000,25]\r\n"
                + "1|N/A|yes|N/A|N/A|N/A|N/A\r\n");
  }

  @Test
  void should_double_quotes_when_escape_equals_quote() throws IOException {
    Path file = dir.resolve("rows.csv");
    try (CsvRowWriter w =
        CsvRowWriter.open(
            Location.local(file), List.of(col("t", DataTypes.TEXT)), options("ESCAPE", "\""))) {
      w.write(new Object[] {"a \"b\" c"});
      w.commit();
    }
    assertThat(Files.readString(file)).isEqualTo("\"a \"\"b\"\" c\"\r\n");
  }

  @Test
  void should_split_output_into_numbered_files_every_maxoutputsize_rows() throws IOException {
    Path file = dir.resolve("rows.csv");
    try (CsvRowWriter w =
        CsvRowWriter.open(
            Location.local(file),
            List.of(col("k", DataTypes.INT)),
            options("MAXOUTPUTSIZE", "2", "HEADER", "true"))) {
      for (int i = 1; i <= 5; i++) {
        w.write(new Object[] {i});
      }
      assertThat(Files.list(dir).filter(p -> !p.getFileName().toString().startsWith(".")))
          .isEmpty();
      w.commit();
      assertThat(w.filesWritten()).isEqualTo(3);
    }
    assertThat(Files.readString(file)).isEqualTo("k\r\n1\r\n2\r\n");
    assertThat(Files.readString(dir.resolve("rows.csv.1"))).isEqualTo("k\r\n3\r\n4\r\n");
    assertThat(Files.readString(dir.resolve("rows.csv.2"))).isEqualTo("k\r\n5\r\n");
  }

  @Test
  void should_leave_nothing_at_the_target_when_aborted() throws IOException {
    Path file = dir.resolve("rows.csv");
    try (CsvRowWriter w =
        CsvRowWriter.open(Location.local(file), List.of(col("k", DataTypes.INT)), options())) {
      w.write(new Object[] {1});
    }
    assertThat(Files.list(dir)).isEmpty();
  }

  @Test
  void should_compress_by_extension() throws IOException {
    for (String name : List.of("rows.csv.gz", "rows.csv.zst")) {
      Path file = dir.resolve(name);
      try (CsvRowWriter w =
          CsvRowWriter.open(Location.local(file), List.of(col("k", DataTypes.INT)), options())) {
        w.write(new Object[] {42});
        w.commit();
      }
      try (var in = StreamCompression.fromPath(name).decompress(Files.newInputStream(file))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("42\r\n");
      }
    }
  }

  @Test
  void should_encode_with_encoding_and_refuse_what_it_cannot_encode() throws IOException {
    Path file = dir.resolve("rows.csv");
    try (CsvRowWriter w =
        CsvRowWriter.open(
            Location.local(file),
            List.of(col("t", DataTypes.TEXT)),
            options("ENCODING", "latin1"))) {
      w.write(new Object[] {"café"});
      w.commit();
    }
    assertThat(Files.readAllBytes(file)).containsExactly('c', 'a', 'f', 0xe9, '\r', '\n');
    try (CsvRowWriter w =
        CsvRowWriter.open(
            Location.local(dir.resolve("x.csv")),
            List.of(col("t", DataTypes.TEXT)),
            options("ENCODING", "ascii"))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> {
                w.write(new Object[] {"café"});
                w.commit();
              })
          .isInstanceOf(IOException.class)
          .hasMessageContaining("ENCODING US-ASCII cannot encode");
    }
  }

  @Test
  void should_write_to_a_stream_without_closing_it() throws IOException {
    StringWriter out = new StringWriter();
    try (CsvRowWriter w =
        CsvRowWriter.toStream(out, List.of(col("k", DataTypes.INT)), options("HEADER", "true"))) {
      w.write(new Object[] {1});
      w.commit();
    }
    out.write("after");
    assertThat(out.toString()).isEqualTo("k\r\n1\r\nafter");
  }
}
