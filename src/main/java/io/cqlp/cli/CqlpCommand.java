package io.cqlp.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.format.Formats;
import io.cqlp.local.LocalCassandra;
import io.cqlp.repl.Console;
import io.cqlp.session.ConnectionSettings;
import io.cqlp.session.Connector;
import io.cqlp.session.ErrorReporter;
import io.cqlp.session.Interpreter;
import io.cqlp.session.ShellState;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import io.cqlp.output.OutputFormat;
import io.cqlp.output.Pager;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The cqlp command line, cqlsh-compatible: {@code cqlp [host [port]] [options]}. */
@Command(
    name = "cqlp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "A CQL shell for Apache Cassandra that moves rows between tables and Parquet files.")
final class CqlpCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "host", description = "Contact point (default: $CQLSH_HOST or 127.0.0.1).")
  String host;

  @Parameters(index = "1", arity = "0..1", paramLabel = "port", description = "CQL port (default: $CQLSH_PORT or 9042).")
  Integer port;

  @Option(names = {"-u", "--username"}, description = "Authenticate as this user.")
  String username;

  @Option(names = {"-p", "--password"}, arity = "0..1", interactive = true, description = "Password; asked without echo when given without a value.")
  char[] password;

  @Option(names = {"-k", "--keyspace"}, description = "Start in this keyspace.")
  String keyspace;

  @Option(names = {"-e", "--execute"}, paramLabel = "STATEMENTS", description = "Run these statements and exit.")
  String execute;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of this file and exit.")
  Path file;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "5", description = "Connect timeout in seconds (default: ${DEFAULT-VALUE}).")
  double connectTimeout;

  @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Request timeout in seconds (default: ${DEFAULT-VALUE}).")
  double requestTimeout;

  @Option(names = "--local", description = "Start a throwaway single-node Cassandra on 127.0.0.1 (or reuse one another cqlp --local is running), connect to it, and stop it at exit.")
  boolean local;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "How query results are printed: table (default), expand (vertical, as EXPAND ON), json (one object a line) or csv.")
  String format;

  @Option(names = "--no-color", description = "Never colour the output.")
  boolean noColor;

  @Option(names = "--color", description = "Colour the output even when it is not a terminal.")
  boolean color;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    ErrorReporter errors = new ErrorReporter(err, debug);
    OutputFormat outputFormat;
    try {
      outputFormat = OutputFormat.parse(format);
    } catch (IllegalArgumentException e) {
      errors.report(null, 0, e.getMessage());
      return ExitStatus.STATEMENT_FAILED.code();
    }
    boolean colors = !noColor && (color || System.console() != null);
    errors.colors(colors);
    if (username != null && password == null && System.console() != null) {
      password = System.console().readPassword("Password: ");
    }
    LocalCassandra node = null;
    String contactHost = host != null ? host : env("CQLSH_HOST", "127.0.0.1");
    int contactPort = port != null ? port : Integer.parseInt(env("CQLSH_PORT", String.valueOf(ConnectionSettings.DEFAULT_PORT)));
    if (local) {
      try {
        err.println("Starting a local Cassandra node (about 20 seconds)...");
        node = LocalCassandra.startOrReuse(localStateDir(), LocalCassandra.defaultLibDir(), Duration.ofMinutes(4));
      } catch (IOException | RuntimeException e) {
        errors.report(null, 0, "Could not start a local Cassandra node: " + ErrorReporter.describe(e));
        return ExitStatus.CANNOT_CONNECT.code();
      }
      contactHost = node.host();
      contactPort = node.port();
    }
    try {
      return connectAndRun(outputFormat, colors, new ConnectionSettings(
          contactHost, contactPort, username, password == null ? null : new String(password), keyspace,
          Duration.ofMillis((long) (connectTimeout * 1000)), Duration.ofMillis((long) (requestTimeout * 1000))),
          out, errors);
    } finally {
      if (node != null) {
        node.stop();
      }
    }
  }

  private int connectAndRun(OutputFormat outputFormat, boolean colors, ConnectionSettings settings,
      PrintWriter out, ErrorReporter errors) throws IOException {
    CqlSession session;
    try {
      session = Connector.connect(settings);
    } catch (RuntimeException e) {
      errors.report(null, 0, "Connection error: could not connect to " + settings.host() + ":" + settings.port() + ": " + ErrorReporter.describe(e));
      return ExitStatus.CANNOT_CONNECT.code();
    }
    try (session) {
      boolean tty = execute == null && file == null && System.console() != null;
      ShellState state = new ShellState(session, tty);
      state.display().colors(colors)
          .format(outputFormat == OutputFormat.EXPAND ? OutputFormat.TABLE : outputFormat);
      state.expand(outputFormat == OutputFormat.EXPAND);
      state.connection(settings.host(), settings.port(), (user, password, ks) -> Connector.connect(
          new ConnectionSettings(settings.host(), settings.port(), user, password, ks,
              settings.connectTimeout(), settings.requestTimeout())));
      // A running CAPTURE ends cleanly however the shell ends: EXIT, end of input, SIGTERM.
      Thread finisher = new Thread(() -> finishCapture(state, errors), "cqlp-capture-finish");
      Runtime.getRuntime().addShutdownHook(finisher);
      try {
        return runShell(state, out, errors, tty);
      } finally {
        finishCapture(state, errors);
        if (state.session() != session) {
          state.session().close();
        }
      }
    }
  }

  private static void finishCapture(ShellState state, ErrorReporter errors) {
    try {
      state.finishCapture();
    } catch (IOException | RuntimeException e) {
      errors.report(null, 0, "Capture could not be finished: " + ErrorReporter.describe(e));
    }
  }

  private int runShell(ShellState state, PrintWriter out, ErrorReporter errors, boolean tty) throws IOException {
    Interpreter interpreter = new Interpreter(state, out, errors, Formats.sinks(), Formats.sources());
    Interpreter.Outcome outcome;
    if (execute != null) {
      // As cqlsh: the -e text need not end with a semicolon.
      String statements = execute.strip().endsWith(";") ? execute : execute + ";";
      outcome = interpreter.runScript(statements, "<stdin>");
    } else if (file != null) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        errors.report(null, 0, "Could not open '" + file + "': " + e.getMessage());
        return ExitStatus.STATEMENT_FAILED.code();
      }
      outcome = interpreter.runScript(text, file.toString());
    } else if (tty) {
      try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
        state.display().width(terminal.getWidth()).pager(morePrompt(terminal));
        terminal.handle(Terminal.Signal.WINCH, signal -> state.display().width(terminal.getWidth()));
        new Console(terminal, interpreter, historyFile()).run();
      }
      return ExitStatus.OK.code();
    } else {
      String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      outcome = interpreter.runScript(text, "<stdin>");
    }
    return outcome == Interpreter.Outcome.FAILED ? ExitStatus.STATEMENT_FAILED.code() : ExitStatus.OK.code();
  }

  /** cqlsh's {@code ---MORE---} between pages at the prompt: Enter for more, Ctrl-C or Ctrl-D to stop. */
  private static Pager morePrompt(Terminal terminal) {
    LineReader more = LineReaderBuilder.builder().terminal(terminal).build();
    return () -> {
      try {
        more.readLine("---MORE---");
        return true;
      } catch (UserInterruptException | EndOfFileException e) {
        return false;
      }
    };
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Path cqlpHome() {
    return Path.of(System.getProperty("user.home"), ".cqlp");
  }

  private static Path historyFile() throws IOException {
    Files.createDirectories(cqlpHome());
    return cqlpHome().resolve("history");
  }

  private static Path localStateDir() {
    return cqlpHome().resolve("local");
  }
}
