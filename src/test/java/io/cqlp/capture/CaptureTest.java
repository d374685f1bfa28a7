package io.cqlp.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.Options;
import io.cqlp.format.Formats;
import io.cqlp.rows.TableSchema;
import io.cqlp.testing.DuckDb;
import io.cqlp.testing.XlsxCells;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture of two results of different columns through COPY TO's sinks ({@link Formats#sinks()}),
 * in every format: what each file holds, and that no staging file is left.
 */
class CaptureTest {
  private static final TableSchema PEOPLE =
      new TableSchema(
          "ks",
          "people",
          List.of(
              ColumnSpec.regular("id", DataTypes.INT),
              ColumnSpec.regular("name", DataTypes.TEXT),
              ColumnSpec.regular("score", DataTypes.DECIMAL)),
          List.of());
  private static final TableSchema COUNT =
      new TableSchema(
          "ks", "people", List.of(ColumnSpec.regular("count", DataTypes.BIGINT)), List.of());

  @TempDir Path dir;

  private Capture capture(String file, String format, Options options) throws IOException {
    Capture capture = Capture.start(dir.resolve(file).toString(), format, options, Formats.sinks());
    capture.beginResult(PEOPLE);
    capture.write(new Object[] {1, "a, \"b\"\nc", new BigDecimal("1.50")});
    capture.write(new Object[] {2, null, null});
    capture.endResult();
    capture.beginResult(COUNT);
    capture.write(new Object[] {2L});
    capture.endResult();
    capture.finish();
    assertThat(capture.rows()).isEqualTo(3);
    assertThat(leftovers()).isEmpty();
    return capture;
  }

  /** COPY TO's CSV: CRLF, cqlsh's ESCAPE {@code \\} before a quote, NULL empty. */
  @Test
  void should_write_csv_as_copy_to_with_a_header_line_for_each_result() throws IOException {
    capture("c.csv", null, Options.empty());
    assertThat(Files.readString(dir.resolve("c.csv")))
        .isEqualTo("id,name,score\r\n1,\"a, \\\"b\\\"\nc\",1.50\r\n2,,\r\ncount\r\n2\r\n");
  }

  @Test
  void should_write_no_header_lines_with_header_false() throws IOException {
    capture("c.txt", "CSV", Options.builder().add("HEADER", "false").build());
    assertThat(Files.readString(dir.resolve("c.txt")))
        .isEqualTo("1,\"a, \\\"b\\\"\nc\",1.50\r\n2,,\r\n2\r\n");
  }

  @Test
  void should_write_json_lines_of_each_results_own_keys_that_duckdb_reads() throws Exception {
    capture("c.jsonl", null, Options.empty());
    assertThat(Files.readAllLines(dir.resolve("c.jsonl"), StandardCharsets.UTF_8))
        .containsExactly(
            "{\"id\":1,\"name\":\"a, \\\"b\\\"\\nc\",\"score\":1.50}",
            "{\"id\":2,\"name\":null,\"score\":null}",
            "{\"count\":2}");
    assertDuckDbReads("c.jsonl");
  }

  @Test
  void should_write_one_json_array_with_json_array_true() throws Exception {
    capture("c.json", null, Options.builder().add("JSON_ARRAY", "true").build());
    assertThat(Files.readString(dir.resolve("c.json")))
        .isEqualTo(
            "[\n{\"id\":1,\"name\":\"a, \\\"b\\\"\\nc\",\"score\":1.50},\n"
                + "{\"id\":2,\"name\":null,\"score\":null},\n{\"count\":2}\n]\n");
    assertDuckDbReads("c.json");
  }

  private void assertDuckDbReads(String file) throws Exception {
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.rows(
                  "SELECT CAST(id AS VARCHAR), CAST(\"count\" AS VARCHAR) FROM read_json("
                      + DuckDb.literal(dir.resolve(file))
                      + ")"))
          .containsExactly(
              java.util.Arrays.asList("1", null),
              java.util.Arrays.asList("2", null),
              java.util.Arrays.asList(null, "2"));
    }
  }

  @Test
  void should_write_xlsx_with_a_header_row_for_each_result_on_one_sheet() throws Exception {
    capture("c.xlsx", null, Options.empty());
    assertThat(XlsxCells.typed(dir.resolve("c.xlsx")))
        .containsExactly(
            List.of(
                List.of("STRING:id", "STRING:name", "STRING:score"),
                List.of("NUMERIC:1.0", "STRING:a, \"b\"\nc", "NUMERIC:1.5"),
                List.of("NUMERIC:2.0"),
                List.of("STRING:count"),
                List.of("NUMERIC:2.0")));
  }

  @Test
  void should_refuse_a_parquet_result_of_other_columns_and_append_one_of_the_same()
      throws Exception {
    Path file = dir.resolve("c.parquet");
    Capture capture = Capture.start(file.toString(), null, Options.empty(), Formats.sinks());
    capture.beginResult(PEOPLE);
    capture.write(new Object[] {1, "a", new BigDecimal("1.50")});
    capture.endResult();
    assertThatThrownBy(() -> capture.beginResult(COUNT))
        .isInstanceOf(CaptureException.class)
        .hasMessage(
            "Result not captured: it has 1 columns (count bigint), not 3; a Parquet file keeps the"
                + " columns it began with (id int, name text, score decimal). Start another"
                + " CAPTURE for this result.");
    capture.write(new Object[] {9L});
    capture.beginResult(PEOPLE);
    capture.write(new Object[] {2, "b", null});
    capture.endResult();
    assertThat(capture.status())
        .isEqualTo(
            "Capturing PARQUET to '"
                + file
                + "': 2 rows from 2 results in 1 files; schema: id int, name text, score decimal.");
    capture.finish();
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.rows(
                  "SELECT id, name FROM read_parquet(" + DuckDb.literal(file) + ") ORDER BY id"))
          .containsExactly(List.of(1, "a"), List.of(2, "b"));
      assertThat(duck.keyValues(file).get("cqlp.schema")).contains("\"people\"");
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void should_copy_the_screen_text_without_colours_to_a_text_capture() throws IOException {
    Path file = dir.resolve("c.txt");
    Capture capture = Capture.start(file.toString(), null, Options.empty(), Formats.sinks());
    assertThat(capture.isText()).isTrue();
    StringWriter screen = new StringWriter();
    Writer both = capture.tee(screen);
    both.write("\u001b[0;1;35m id\u001b[0m\n");
    both.write("----\n\u001b[0;1");
    both.write(";32m  1\u001b[0m\n\n(1 rows)\n");
    both.close();
    capture.textResult(1);
    assertThat(Files.exists(file)).isFalse();
    capture.finish();
    assertThat(screen.toString()).startsWith("\u001b[0;1;35m id");
    assertThat(Files.readString(file)).isEqualTo(" id\n----\n  1\n\n(1 rows)\n");
    assertThat(capture.rows()).isEqualTo(1);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void should_refuse_an_option_of_another_format() {
    assertThatThrownBy(
            () ->
                Capture.start(
                    dir.resolve("c.jsonl").toString(),
                    null,
                    Options.builder().add("HEADER", "true").build(),
                    Formats.sinks()))
        .hasMessageContaining("HEADER");
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.contains("cqlp-")).toList();
    }
  }
}
