package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandsTest {

  @Test
  void should_read_history_entries_without_their_times_and_with_line_breaks_restored(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("history");
    Files.writeString(
        file,
        "1700000000000:SELECT * FROM t;\n"
            + "1700000000001:SELECT a,\\n  b FROM t;\n"
            + "1700000000002:INSERT INTO t (s) VALUES ('a\\\\b');\n");
    assertThat(ShellCommands.historyEntries(file))
        .containsExactly(
            "SELECT * FROM t;", "SELECT a,\n  b FROM t;", "INSERT INTO t (s) VALUES ('a\\b');");
  }

  @Test
  void should_have_no_history_before_the_first_session(@TempDir Path dir) {
    assertThat(ShellCommands.historyEntries(dir.resolve("history"))).isEmpty();
  }
}
