package io.cqlp.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One log record as one line (and the stack trace of its exception, if any): {@code 2026-12-02
 * 13:45:50.123 12548 WARN [thread] logger: message}, with the local time, the process id (several
 * cqlp may share the file) and SLF4J's level names (java.util.logging's FINE is DEBUG, FINER and
 * FINEST are TRACE, SEVERE is ERROR).
 *
 * <p>Secrets are masked as {@code *****}: the passwords cqlp was given and the password literals of
 * CQL ({@link SecretRedaction}), and the values of the environment variables {@code
 * AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}.
 */
public final class LogFormat extends Formatter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final String PID = Long.toString(ProcessHandle.current().pid());
  private final ZoneId zone = ZoneId.systemDefault();
  private final List<String> secrets = new ArrayList<>();

  /** A format masking the secrets of the current environment. */
  public LogFormat() {
    for (String variable : List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")) {
      String value = System.getenv(variable);
      if (value != null && value.length() >= SecretRedaction.MIN_REMEMBERED) {
        secrets.add(value);
      }
    }
  }

  @Override
  public String format(LogRecord record) {
    StringBuilder line =
        new StringBuilder(200)
            .append(TIME.format(record.getInstant().atZone(zone)))
            .append(' ')
            .append(PID)
            .append(' ')
            .append(String.format("%-5s", level(record.getLevel())))
            .append(" [")
            .append(Thread.currentThread().getName())
            .append("] ")
            .append(record.getLoggerName())
            .append(": ")
            .append(formatMessage(record))
            .append('\n');
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    String masked = SecretRedaction.redact(line.toString());
    for (String secret : secrets) {
      masked = masked.replace(secret, "*****");
    }
    return masked;
  }

  /** SLF4J's name of a java.util.logging level. */
  static String level(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (value >= Level.WARNING.intValue()) {
      return "WARN";
    }
    if (value >= Level.CONFIG.intValue()) {
      return "INFO";
    }
    return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
  }
}
