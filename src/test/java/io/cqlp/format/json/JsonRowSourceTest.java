package io.cqlp.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.compress.StreamCompression;
import io.cqlp.rows.ConversionException;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRowSourceTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(
          new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
          ColumnSpec.regular("name", DataTypes.TEXT),
          ColumnSpec.regular("Score", DataTypes.DOUBLE));

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static List<Object[]> readAll(JsonRowSource source) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    for (Object[] row; (row = source.next()) != null; ) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void should_write_and_read_back_every_type_in_both_layouts() throws IOException {
    for (boolean array : new boolean[] {false, true}) {
      Path file = dir.resolve(array ? "all.json.gz" : "all.jsonl.zst");
      try (JsonRowSink sink = JsonRowSink.open(Location.local(file), EveryType.columns(), array)) {
        for (Object[] row : EveryType.rows()) {
          sink.write(row);
        }
        sink.commit();
      }
      try (JsonRowSource source =
          JsonRowSource.open(Location.local(file), EveryType.columns(), false)) {
        List<Object[]> rows = readAll(source);
        assertThat(rows).hasSize(EveryType.rows().size());
        for (int r = 0; r < rows.size(); r++) {
          assertThat(rows.get(r))
              .as("row %d, array %s", r, array)
              .containsExactly(EveryType.rows().get(r));
        }
        assertThat(source.rowsRead()).isEqualTo(EveryType.rows().size());
      }
    }
  }

  @Test
  void should_read_json_lines_and_arrays_told_apart_by_the_first_character() throws IOException {
    Path lines = file("a.jsonl", "\n{\"id\":1,\"name\":\"a\"}\n\n{\"id\":2}\r\n");
    Path array = file("a.json", "  [ {\"id\":1,\"name\":\"a\"},\n {\"id\":2} ]\n");
    for (Path f : List.of(lines, array)) {
      try (JsonRowSource source = JsonRowSource.open(Location.local(f), COLUMNS, false)) {
        List<Object[]> rows = readAll(source);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(1, "a", null);
        assertThat(rows.get(1)).containsExactly(2, null, null);
      }
    }
    try (JsonRowSource source =
        JsonRowSource.open(Location.local(file("e.json", "[]")), COLUMNS, false)) {
      assertThat(source.next()).isNull();
    }
  }

  @Test
  void should_match_keys_to_columns_as_cql_folds_unquoted_names() throws IOException {
    Path f = file("c.jsonl", "{\"ID\":1,\"Name\":\"x\",\"Score\":1.5}\n");
    try (JsonRowSource source = JsonRowSource.open(Location.local(f), COLUMNS, false)) {
      assertThat(source.next()).containsExactly(1, "x", 1.5);
    }
    Path wrongCase = file("d.jsonl", "{\"id\":1,\"score\":1.5}\n");
    try (JsonRowSource source = JsonRowSource.open(Location.local(wrongCase), COLUMNS, false)) {
      assertThatThrownBy(source::next)
          .isInstanceOf(ConversionException.class)
          .hasMessageContaining("key 'score' names no column");
    }
  }

  @Test
  void should_refuse_an_unknown_key_naming_it_unless_told_to_skip_it() throws IOException {
    Path f = file("u.jsonl", "{\"id\":1,\"extra\":{\"a\":[1,2]},\"name\":\"n\"}\n");
    try (JsonRowSource source = JsonRowSource.open(Location.local(f), COLUMNS, false)) {
      assertThatThrownBy(source::next)
          .isInstanceOf(ConversionException.class)
          .hasMessage(
              f
                  + ", row 1 (line 1): key 'extra' names no column of the table; remove it from the"
                  + " file, or add WITH IGNORE_UNKNOWN_KEYS=true");
      assertThat(source.lastRecord())
          .isEqualTo("{\"id\":1,\"extra\":{\"a\":[1,2]},\"name\":\"n\"}");
    }
    try (JsonRowSource source = JsonRowSource.open(Location.local(f), COLUMNS, true)) {
      assertThat(source.next()).containsExactly(1, "n", null);
    }
  }

  @Test
  void should_name_file_row_line_and_column_of_a_value_it_refuses_then_go_on() throws IOException {
    Path f = file("v.jsonl", "{\"id\":1}\n{\"id\":2,\n \"name\":5}\n{\"id\":3}\n");
    try (JsonRowSource source = JsonRowSource.open(Location.local(f), COLUMNS, false)) {
      assertThat(source.next()).containsExactly(1, null, null);
      assertThatThrownBy(source::next)
          .isInstanceOf(ConversionException.class)
          .hasMessage(f + ", row 2 (line 2): column name: '5' is not a text (CQL text)");
      assertThat(source.lastRecord()).isEqualTo("{\"id\":2,\n \"name\":5}");
      assertThat(source.next()).containsExactly(3, null, null);
    }
  }

  @Test
  void should_refuse_a_row_without_its_partition_key() throws IOException {
    Path f = file("k.jsonl", "{\"name\":\"x\"}\n");
    try (JsonRowSource source = JsonRowSource.open(Location.local(f), COLUMNS, false)) {
      assertThatThrownBy(source::next)
          .hasMessageContaining("row 1 (line 1): no value for partition key column id");
    }
  }

  @Test
  void should_refuse_input_that_is_not_objects_with_one_line() throws IOException {
    for (String text :
        List.of(
            "{\"id\":1}\n[1]\n",
            "[{\"id\":1} {\"id\":2}]",
            "[{\"id\":1}",
            "{\"id\":1",
            "[{\"id\":1}] x")) {
      try (JsonRowSource source =
          JsonRowSource.open(Location.local(file("bad.json", text)), COLUMNS, false)) {
        assertThatThrownBy(() -> readAll(source))
            .isInstanceOf(IOException.class)
            .hasMessageStartingWith(
                dir.resolve("bad.json") + " is not JSON Lines or a JSON array of objects: ")
            .hasMessageNotContaining("\n");
      }
    }
    try (JsonRowSource source =
        JsonRowSource.open(Location.local(file("syntax.jsonl", "{\"id\":1,}\n")), COLUMNS, false)) {
      assertThatThrownBy(source::next)
          .isInstanceOf(ConversionException.class)
          .hasMessageContaining("row 1 (line 1): invalid JSON:");
    }
  }

  @Test
  void should_read_gzip_by_the_extension() throws IOException {
    Path f = dir.resolve("g.json.gz");
    try (OutputStream out = StreamCompression.GZIP.compress(Files.newOutputStream(f))) {
      out.write("[{\"id\":7,\"Score\":\"NaN\"}]".getBytes(StandardCharsets.UTF_8));
    }
    try (JsonRowSource source = JsonRowSource.open(Location.local(f), COLUMNS, false)) {
      assertThat(source.next()).containsExactly(7, null, Double.NaN);
    }
  }
}
