package io.cqlp.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileHandlerTest {
  @TempDir Path dir;

  private static LogRecord record(String message) {
    LogRecord record = new LogRecord(Level.WARNING, message);
    record.setLoggerName("com.datastax.oss.driver.internal.core.Test");
    return record;
  }

  @Test
  void should_make_the_directory_and_the_file_at_the_first_record_only() throws IOException {
    Path file = dir.resolve("logs").resolve("cqlp.log");
    RotatingFileHandler handler = new RotatingFileHandler(file, 1000, 3);

    assertThat(dir.resolve("logs")).doesNotExist();
    handler.publish(record("first"));
    handler.close();

    assertThat(Files.readString(file))
        .endsWith(
            " WARN  ["
                + Thread.currentThread().getName()
                + "] com.datastax.oss.driver.internal.core.Test: first\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void should_append_to_the_file_of_an_earlier_run() throws IOException {
    Path file = dir.resolve("cqlp.log");
    Files.writeString(file, "earlier\n");
    RotatingFileHandler handler = new RotatingFileHandler(file, 1000, 3);

    handler.publish(record("later"));
    handler.close();

    assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("earlier");
    assertThat(Files.readAllLines(file).get(1)).endsWith(": later");
  }

  @Test
  void should_turn_over_by_size_and_keep_only_the_given_number_of_files() throws IOException {
    Path file = dir.resolve("cqlp.log");
    RotatingFileHandler handler = new RotatingFileHandler(file, 400, 3);

    for (int i = 0; i < 12; i++) {
      handler.publish(record("message number " + i + " " + "x".repeat(60)));
    }
    handler.close();

    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly("cqlp.log", "cqlp.log.1", "cqlp.log.2");
    }
    // Each line is 150 to 170 bytes: two a file; the newest in cqlp.log, older ones shifted up.
    assertThat(Files.readString(file)).contains("message number 10 ", "message number 11 ");
    assertThat(Files.readString(dir.resolve("cqlp.log.1")))
        .contains("message number 8 ", "message number 9 ");
    assertThat(Files.readString(dir.resolve("cqlp.log.2")))
        .contains("message number 6 ", "message number 7 ");
    for (String name : new String[] {"cqlp.log", "cqlp.log.1", "cqlp.log.2"}) {
      assertThat(Files.size(dir.resolve(name))).as(name).isLessThanOrEqualTo(400);
    }
  }

  @Test
  void should_turn_over_a_full_file_left_by_an_earlier_run_before_writing() throws IOException {
    Path file = dir.resolve("cqlp.log");
    Files.writeString(file, "y".repeat(400));
    RotatingFileHandler handler = new RotatingFileHandler(file, 300, 2);

    handler.publish(record("fresh"));
    handler.close();

    assertThat(Files.readString(dir.resolve("cqlp.log.1"))).isEqualTo("y".repeat(400));
    assertThat(Files.readString(file)).endsWith(": fresh\n");
  }

  @Test
  void should_stay_silent_and_write_nothing_when_the_file_cannot_be_made() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("logs"), "a file in the way");
    RotatingFileHandler handler =
        new RotatingFileHandler(notADirectory.resolve("cqlp.log"), 300, 2);

    handler.publish(record("lost"));
    handler.publish(record("lost again"));
    handler.close();

    assertThat(Files.readString(notADirectory)).isEqualTo("a file in the way");
  }

  @Test
  void should_refuse_a_single_file_or_no_limit() {
    assertThatThrownBy(() -> new RotatingFileHandler(dir.resolve("x.log"), 300, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be positive and files at least 2, were 300 and 1");
    assertThatThrownBy(() -> new RotatingFileHandler(dir.resolve("x.log"), 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
