package io.cqlp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogFormatTest {

  @Test
  void should_write_time_pid_level_thread_logger_and_message_on_one_line() {
    LogRecord record = new LogRecord(Level.FINE, "[s0] Connection established");
    record.setLoggerName("com.datastax.oss.driver.internal.core.session.DefaultSession");

    String line = new LogFormat().format(record);

    assertThat(line)
        .matches(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} "
                + ProcessHandle.current().pid()
                + " DEBUG \\["
                + Thread.currentThread().getName()
                + "\\] "
                + "com\\.datastax\\.oss\\.driver\\.internal\\.core\\.session\\.DefaultSession: "
                + "\\[s0\\] Connection established\n");
  }

  @Test
  void should_name_levels_as_slf4j_does() {
    assertThat(LogFormat.level(Level.SEVERE)).isEqualTo("ERROR");
    assertThat(LogFormat.level(Level.WARNING)).isEqualTo("WARN");
    assertThat(LogFormat.level(Level.INFO)).isEqualTo("INFO");
    assertThat(LogFormat.level(Level.FINE)).isEqualTo("DEBUG");
    assertThat(LogFormat.level(Level.FINEST)).isEqualTo("TRACE");
  }

  @Test
  void should_append_the_stack_trace_and_mask_passwords_in_message_and_trace() {
    SecretRedaction.remember("Log-Format-Pw-77");
    LogRecord record = new LogRecord(Level.WARNING, "login failed for Log-Format-Pw-77");
    record.setLoggerName("x");
    record.setThrown(new IllegalStateException("ALTER ROLE r WITH PASSWORD = 'other-secret'"));

    String text = new LogFormat().format(record);

    assertThat(text)
        .contains(
            "login failed for *****",
            "java.lang.IllegalStateException: ALTER ROLE r WITH PASSWORD = '*****'",
            "\tat io.cqlp.logging.LogFormatTest.");
    assertThat(text).doesNotContain("Log-Format-Pw-77", "other-secret");
  }
}
