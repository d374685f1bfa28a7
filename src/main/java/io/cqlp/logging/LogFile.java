package io.cqlp.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.LogManager;

/**
 * cqlp's log file, {@code ~/.cqlp/logs/cqlp.log}: the lines of the libraries that log through SLF4J
 * (the Cassandra driver, the S3 SDK, Parquet, Netty), which slf4j-jdk14 hands to java.util.logging,
 * and of those that use java.util.logging directly (JLine). Nothing of theirs reaches the screen;
 * what cqlp prints is unchanged.
 *
 * <p>Levels: WARN and above by default. With {@code --debug}, DEBUG for the loggers of {@link
 * #DEBUG_LOGGERS} (but for the noisy {@link #QUIET_LOGGERS}) and INFO for all others: the DEBUG
 * lines of the S3 SDK and its HTTP client carry request headers and the canonical requests that are
 * signed (session tokens), and those of the JDK's own HTTP code carry headers too, so they stay at
 * INFO; Apache HttpClient's wire and header loggers are off at every level. Every line is also
 * masked by {@link LogFormat}.
 *
 * <p>The file turns over at {@link #LIMIT_BYTES} into {@code cqlp.log.1}, then {@code cqlp.log.2};
 * at most {@link #FILES} files are kept ({@link RotatingFileHandler}).
 *
 * <p>Nothing happens at start-up: {@link #install} only names this class in the system property
 * {@code java.util.logging.config.class}; java.util.logging builds it when something first logs
 * (the driver, when it connects), and the file is opened at the first line written. A command that
 * logs nothing (such as {@code --version}) pays nothing.
 */
public final class LogFile {
  /** Size at which the file turns over: 5 MiB. */
  public static final long LIMIT_BYTES = 5L * 1024 * 1024;

  /** Number of files kept: {@code cqlp.log}, {@code cqlp.log.1}, {@code cqlp.log.2}. */
  public static final int FILES = 3;

  /** The logger name prefixes that log at DEBUG with {@code --debug}. */
  public static final List<String> DEBUG_LOGGERS =
      List.of("com.datastax.oss.driver", "io.cqlp", "org.apache.parquet", "org.jline");

  /**
   * Driver loggers kept at INFO with {@code --debug}: their DEBUG lines are a stack trace for each
   * optional library that is absent, and one line per internal event listener.
   */
  static final List<String> QUIET_LOGGERS =
      List.of(
          "com.datastax.oss.driver.internal.core.util.Reflection",
          "com.datastax.oss.driver.internal.core.context.EventBus");

  /** Loggers that never log, whatever the level: they print HTTP headers and bodies. */
  static final List<String> SILENT_LOGGERS =
      List.of("org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

  /** System property holding {@code true} with {@code --debug}. */
  static final String DEBUG_PROPERTY = "cqlp.log.debug";

  /**
   * SLF4J's system property naming its provider (SLF4J 2.0.9+): without it SLF4J finds the provider
   * with a {@link java.util.ServiceLoader}, which opens every jar of the class path (92), a
   * noticeable part of a one-shot run.
   */
  static final String SLF4J_PROVIDER = "slf4j.provider";

  /** slf4j-jdk14's provider, the one cqlp ships. */
  static final String JUL_PROVIDER = "org.slf4j.jul.JULServiceProvider";

  /**
   * SLF4J's own messages' level: a named provider makes SLF4J print an INFO line on standard error
   * ("Attempting to load provider ..."), which a shell must not.
   */
  static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

  private static final String CONFIG_CLASS = "java.util.logging.config.class";
  private static final String CONFIG_FILE = "java.util.logging.config.file";

  /**
   * Called by java.util.logging's {@link LogManager} (named by {@link #install}): gives it the
   * handler and the levels. Never throws: without them nothing is logged, and nothing is printed.
   */
  public LogFile() {
    try {
      LogManager.getLogManager()
          .readConfiguration(
              new ByteArrayInputStream(
                  properties(Boolean.getBoolean(DEBUG_PROPERTY))
                      .getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IOException | RuntimeException e) {
      // No log file then; the screen must stay as it is.
    }
  }

  /**
   * Routes the libraries' logging to the log file, at DEBUG or WARN. Call before anything logs. It
   * names slf4j-jdk14's provider to SLF4J (unless {@code slf4j.provider} is set). A configuration
   * the user gives (the system property {@code java.util.logging.config.class} or {@code
   * java.util.logging.config.file}, e.g. in {@code CQLP_JAVA_OPTS}) is kept instead.
   *
   * @param debug true for {@code --debug}
   */
  public static void install(boolean debug) {
    System.setProperty(DEBUG_PROPERTY, Boolean.toString(debug));
    if (System.getProperty(SLF4J_PROVIDER) == null) {
      System.setProperty(SLF4J_PROVIDER, JUL_PROVIDER);
      if (System.getProperty(SLF4J_VERBOSITY) == null) {
        System.setProperty(SLF4J_VERBOSITY, "WARN");
      }
    }
    if (System.getProperty(CONFIG_CLASS) == null && System.getProperty(CONFIG_FILE) == null) {
      System.setProperty(CONFIG_CLASS, LogFile.class.getName());
    }
  }

  /**
   * Whether {@link #install} was told {@code --debug}: code that logs at FINE on a path where even
   * looking up a logger costs start-up time asks this first.
   */
  public static boolean debug() {
    return Boolean.getBoolean(DEBUG_PROPERTY);
  }

  /**
   * Starts java.util.logging, and with it this configuration, on a daemon thread, after {@link
   * #install}; returns at once.
   *
   * <p>Why: the first time java.util.logging starts, the JDK looks through every jar of the class
   * path for a {@code System.LoggerFinder} service (JDK 17's {@code
   * BootstrapLogger.DetectBackend}), and a one-shot {@code cqlp -e} starts it anyway, when the
   * driver's type classes ask SLF4J for their loggers: about a fifth of such a run's CPU. Started
   * here, it runs on the other core while the shell connects and parses its statements; whoever
   * asks for a logger meanwhile waits for it (java.util.logging is thread-safe). The file itself is
   * still opened only at the first line written. A failure here only leaves the start to the first
   * logger, as before.
   */
  public static void startInBackground() {
    Thread starter =
        new Thread(
            () -> {
              try {
                LogManager.getLogManager();
              } catch (RuntimeException | LinkageError e) {
                // the first logger starts java.util.logging instead, and meets the same failure
              }
            },
            "cqlp-logging-start");
    starter.setDaemon(true);
    starter.start();
  }

  /**
   * The log file of a user.
   *
   * @param userHome the user's home directory (the system property {@code user.home})
   * @return {@code <userHome>/.cqlp/logs/cqlp.log}
   */
  public static Path path(String userHome) {
    return Path.of(userHome, ".cqlp", "logs", "cqlp.log");
  }

  /**
   * The java.util.logging properties of cqlp.
   *
   * @param debug true for {@code --debug}
   * @return the text of a {@code logging.properties}
   */
  static String properties(boolean debug) {
    StringBuilder text = new StringBuilder();
    text.append("handlers=").append(RotatingFileHandler.class.getName()).append('\n');
    text.append(".level=").append(debug ? "INFO" : "WARNING").append('\n');
    if (debug) {
      for (String logger : DEBUG_LOGGERS) {
        text.append(logger).append(".level=FINE\n");
      }
      for (String logger : QUIET_LOGGERS) {
        text.append(logger).append(".level=INFO\n");
      }
    }
    for (String logger : SILENT_LOGGERS) {
      text.append(logger).append(".level=OFF\n");
    }
    return text.toString();
  }
}
