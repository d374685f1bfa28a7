package io.cqlp.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @Test
  void should_give_the_last_lines_of_a_log(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("system.log");
    Files.writeString(log, "one\ntwo\nthree\nfour\n");

    assertThat(LogTail.of(log, 2)).isEqualTo("three\nfour\n");
    assertThat(LogTail.of(log, 10)).isEqualTo("one\ntwo\nthree\nfour\n");
  }

  @Test
  void should_say_missing_for_a_log_that_does_not_exist(@TempDir Path dir) {
    assertThat(LogTail.of(dir.resolve("absent.log"), 2)).isEqualTo("(missing)\n");
  }

  @Test
  void should_cut_a_very_long_line(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("system.log");
    Files.writeString(log, "x".repeat(1000) + "\nshort\n");

    assertThat(LogTail.of(log, 2)).isEqualTo("x".repeat(300) + " ...\nshort\n");
  }

  @Test
  void should_read_only_the_end_of_a_big_log(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("system.log");
    Files.writeString(log, "first\n" + "filler line\n".repeat(20_000) + "last\n");

    assertThat(LogTail.of(log, 1)).isEqualTo("last\n");
    assertThat(LogTail.of(log, 1_000_000)).doesNotContain("first");
  }
}
