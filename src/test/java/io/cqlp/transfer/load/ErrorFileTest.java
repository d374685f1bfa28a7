package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.storage.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorFileTest {
  @TempDir Path dir;

  @Test
  void should_create_nothing_until_a_row_fails() throws Exception {
    Path path = dir.resolve("e.err");
    try (ErrorFile file = new ErrorFile(Location.local(path), List.of("id", "v"))) {
      assertThat(file.rows()).isZero();
    }
    assertThat(path).doesNotExist();
  }

  @Test
  void should_write_the_record_text_of_a_text_input_as_is() throws Exception {
    Path path = dir.resolve("e.err");
    try (ErrorFile file = new ErrorFile(Location.local(path), List.of("id", "v"))) {
      file.write(new Object[] {1, "a"}, "1,\"a, b\"");
      file.write(null, "2,x");
      assertThat(file.rows()).isEqualTo(2);
    }
    assertThat(Files.readAllLines(path)).containsExactly("1,\"a, b\"", "2,x");
  }

  @Test
  void should_write_a_row_without_record_as_a_typed_json_object() throws Exception {
    Path path = dir.resolve("e.err");
    UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    try (ErrorFile file = new ErrorFile(Location.local(path), List.of("id", "v", "at", "u"))) {
      file.write(new Object[] {7, null, Instant.parse("2024-01-02T03:04:05.678Z"), u}, null);
    }
    assertThat(Files.readAllLines(path))
        .containsExactly(
            "{\"id\":7,\"v\":null,\"at\":\"2024-01-02T03:04:05.678Z\",\"u\":\"123e4567-e89b-12d3-a456-426614174000\"}");
  }

  @Test
  void should_mark_the_refused_value_of_a_row_that_did_not_convert() throws Exception {
    Path path = dir.resolve("e.err");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", 3);
    values.put("n", null);
    try (ErrorFile file = new ErrorFile(Location.local(path), List.of("id", "n"))) {
      file.writeRefused(values, "n", "'abc' is not an int");
    }
    assertThat(Files.readAllLines(path))
        .containsExactly("{\"id\":3,\"n\":{\"refused\":\"'abc' is not an int\"}}");
  }

  @Test
  void should_rename_an_older_file_of_the_same_name_at_the_first_failed_row() throws Exception {
    Path path = dir.resolve("import_ks_t.err");
    Files.writeString(path, "old\n");
    try (ErrorFile file = new ErrorFile(Location.local(path), List.of("id"))) {
      assertThat(Files.readString(path)).isEqualTo("old\n");
      file.write(null, "new");
    }
    assertThat(Files.readAllLines(path)).containsExactly("new");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> renamed = files.filter(p -> !p.equals(path)).toList();
      assertThat(renamed).hasSize(1);
      assertThat(renamed.get(0).getFileName().toString())
          .matches("import_ks_t\\.err\\.\\d{8}_\\d{6}");
      assertThat(Files.readString(renamed.get(0))).isEqualTo("old\n");
    }
  }

  @Test
  void should_name_the_default_file_as_cqlsh_does() {
    assertThat(ErrorFile.defaultPath("ks", "t")).isEqualTo(Path.of("import_ks_t.err"));
  }
}
