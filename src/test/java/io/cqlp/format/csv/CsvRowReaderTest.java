package io.cqlp.format.csv;

import static io.cqlp.format.csv.CsvTypes.col;
import static io.cqlp.format.csv.CsvTypes.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.compress.StreamCompression;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowReaderTest {
  @TempDir Path dir;

  private static final List<ColumnSpec> KTB =
      List.of(col("k", DataTypes.INT), col("t", DataTypes.TEXT), col("b", DataTypes.BOOLEAN));

  private static CsvRowReader reader(String text, List<ColumnSpec> cols, CsvOptions o)
      throws IOException {
    return CsvRowReader.fromReader("STDIN", new StringReader(text), cols, o);
  }

  @Test
  void should_round_trip_every_type_through_a_file_with_non_default_options() throws IOException {
    CsvOptions o =
        options(
            "HEADER",
            "true",
            "DELIMITER",
            "|",
            "QUOTE",
            "'",
            "ESCAPE",
            "#",
            "NULL",
            "N/A",
            "DECIMALSEP",
            ",",
            "THOUSANDSSEP",
            ".",
            "BOOLSTYLE",
            "yes,no",
            "DOUBLEPRECISION",
            "17",
            "FLOATPRECISION",
            "9",
            "DATETIMEFORMAT",
            "%Y/%m/%d %H.%M.%S,%f %z",
            "ENCODING",
            "utf-16");
    Path file = dir.resolve("all.csv.zst");
    Object[] row = CsvTypes.row();
    try (CsvRowWriter w = CsvRowWriter.open(Location.local(file), CsvTypes.columns(), o)) {
      w.write(row);
      w.write(new Object[row.length]);
      w.commit();
    }
    try (CsvRowReader r = CsvRowReader.open(Location.local(file), CsvTypes.columns(), o)) {
      Object[] back = r.next();
      for (int i = 0; i < row.length; i++) {
        assertThat(o.formatter().format(back[i]))
            .as(CsvTypes.columns().get(i).name())
            .isEqualTo(o.formatter().format(row[i]));
      }
      assertThat(back[2]).isEqualTo(row[2]);
      assertThat(back[8]).isEqualTo(row[8]);
      assertThat(r.next()).containsOnlyNulls();
      assertThat(r.next()).isNull();
      assertThat(r.rowsRead()).isEqualTo(2);
    }
  }

  @Test
  void should_read_unquoted_null_text_as_null_and_quoted_empty_text_as_empty() throws IOException {
    try (CsvRowReader r = reader("1,,\r\n2,\"\",True\r\n", KTB, options())) {
      assertThat(r.next()).containsExactly(1, null, null);
      assertThat(r.next()).containsExactly(2, "", true);
      assertThat(r.next()).isNull();
    }
    try (CsvRowReader r = reader("1,N/A,N/A\n2,\"N/A\",\n", KTB, options("NULL", "N/A"))) {
      assertThat(r.next()).containsExactly(1, null, null);
      assertThat(r.next()).containsExactly(2, "N/A", null);
    }
  }

  @Test
  void should_skip_the_header_line_and_the_skipcols_columns() throws IOException {
    try (CsvRowReader r =
        reader("k,t,b\n1,x,False\n", KTB, options("HEADER", "true", "SKIPCOLS", "t"))) {
      assertThat(r.columns()).extracting(ColumnSpec::name).containsExactly("k", "b");
      assertThat(r.next()).containsExactly(1, false);
      assertThat(r.next()).isNull();
    }
    assertThatThrownBy(() -> reader("", KTB, options("SKIPCOLS", "zz")))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("SKIPCOLS names 'zz'");
  }

  @Test
  void should_refuse_a_bad_value_naming_file_row_and_column_and_keep_its_raw_record()
      throws IOException {
    try (CsvRowReader r = reader("1,\"a\nb\",True\n2,x,perhaps\n3,y,False\n", KTB, options())) {
      assertThat(r.next()).containsExactly(1, "a\nb", true);
      assertThat(r.lastRecord()).isEqualTo("1,\"a\nb\",True");
      assertThatThrownBy(r::next)
          .isInstanceOf(ConversionException.class)
          .hasMessage("STDIN: row 2, column b (boolean): 'perhaps' is not True or False");
      assertThat(r.lastRecord()).isEqualTo("2,x,perhaps");
      assertThat(r.next()).containsExactly(3, "y", false);
      assertThat(r.lastRecord()).isEqualTo("3,y,False");
    }
    try (CsvRowReader r = reader("1,x\n", KTB, options())) {
      assertThatThrownBy(r::next)
          .isInstanceOf(ConversionException.class)
          .hasMessageStartingWith("STDIN: row 1 has 2 fields, expected 3 (k, t, b)");
    }
  }

  @Test
  void should_read_gzip_files_and_name_a_missing_file() throws IOException {
    Path file = dir.resolve("rows.csv.gz");
    try (OutputStream out = StreamCompression.GZIP.compress(Files.newOutputStream(file))) {
      out.write("5,five,True\r\n".getBytes(StandardCharsets.UTF_8));
    }
    try (CsvRowReader r = CsvRowReader.open(Location.local(file), KTB, options())) {
      assertThat(r.next()).containsExactly(5, "five", true);
    }
    assertThatThrownBy(
            () -> CsvRowReader.open(Location.local(dir.resolve("none.csv")), KTB, options()))
        .hasMessage("Cannot read " + dir.resolve("none.csv") + ": no such file.");
  }

  @Test
  void should_refuse_text_that_is_not_in_the_encoding() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.write(file, new byte[] {'1', ',', (byte) 0xff, ',', 'T', 'r', 'u', 'e', '\n'});
    assertThatThrownBy(
            () -> {
              try (CsvRowReader r = CsvRowReader.open(Location.local(file), KTB, options())) {
                r.next();
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessage(
            file + " is not valid UTF-8 text near row 1; set ENCODING to the file's encoding.");
  }
}
