package io.cqlp.format.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cqlp.format.compress.StreamCompression;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRowSinkTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(
          ColumnSpec.regular("id", DataTypes.INT), ColumnSpec.regular("Name", DataTypes.TEXT),
          ColumnSpec.regular("price", DataTypes.DECIMAL),
              ColumnSpec.regular("at", DataTypes.TIMESTAMP));

  @TempDir Path dir;

  private static void writeRows(JsonRowSink sink) throws IOException {
    sink.write(
        new Object[] {
          1, "a\"b", new BigDecimal("1.50"), Instant.parse("2024-01-02T03:04:05.678Z")
        });
    sink.write(new Object[] {2, null, null, null});
    sink.commit();
  }

  @Test
  void should_write_one_typed_object_a_line_by_default() throws IOException {
    Path file = dir.resolve("rows.jsonl");
    try (JsonRowSink sink = JsonRowSink.open(Location.local(file), COLUMNS, false)) {
      writeRows(sink);
      assertThat(sink.rowsWritten()).isEqualTo(2);
      assertThat(sink.bytesWritten()).isEqualTo(Files.size(file));
    }
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"id\":1,\"Name\":\"a\\\"b\",\"price\":1.50,\"at\":\"2024-01-02T03:04:05.678Z\"}",
            "{\"id\":2,\"Name\":null,\"price\":null,\"at\":null}");
  }

  @Test
  void should_write_one_json_array_when_asked() throws IOException {
    Path file = dir.resolve("rows.json");
    try (JsonRowSink sink = JsonRowSink.open(Location.local(file), COLUMNS, true)) {
      writeRows(sink);
    }
    String text = Files.readString(file);
    assertThat(text).startsWith("[\n{\"id\":1,").endsWith("null}\n]\n");
    try (JsonParser json = new JsonFactory().createParser(text)) {
      assertThat(json.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      json.skipChildren();
      assertThat(json.nextToken()).isNull();
    }
  }

  @Test
  void should_write_an_empty_array_for_no_rows() throws IOException {
    Path file = dir.resolve("none.json");
    try (JsonRowSink sink = JsonRowSink.open(Location.local(file), COLUMNS, true)) {
      sink.commit();
    }
    assertThat(Files.readString(file)).isEqualTo("[\n]\n");
  }

  @Test
  void should_compress_by_the_extension() throws IOException {
    Path file = dir.resolve("rows.jsonl.zst");
    try (JsonRowSink sink = JsonRowSink.open(Location.local(file), COLUMNS, false)) {
      writeRows(sink);
    }
    try (InputStream in = StreamCompression.ZSTD.decompress(Files.newInputStream(file))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("{\"id\":1,")
          .hasLineCount(2);
    }
  }

  @Test
  void should_leave_nothing_at_the_target_when_aborted() throws IOException {
    Path file = dir.resolve("rows.jsonl");
    try (JsonRowSink sink = JsonRowSink.open(Location.local(file), COLUMNS, false)) {
      sink.write(new Object[] {1, "x", null, null});
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
