package io.cqlp.cli;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cqlp.config.ConnectionSettings;
import io.cqlp.config.CopyDefaults;
import io.cqlp.config.IniException;
import io.cqlp.config.ShellFlags;
import io.cqlp.config.StartupConfig;
import io.cqlp.format.Formats;
import io.cqlp.local.LocalCassandra;
import io.cqlp.logging.LogFile;
import io.cqlp.logging.SecretRedaction;
import io.cqlp.output.ErrorText;
import io.cqlp.output.OutputFormat;
import io.cqlp.output.Pager;
import io.cqlp.repl.Console;
import io.cqlp.session.Connector;
import io.cqlp.session.DirectReads;
import io.cqlp.session.ErrorReporter;
import io.cqlp.session.Interpreter;
import io.cqlp.session.SchemaOnDemandSession;
import io.cqlp.session.ShellState;
import io.cqlp.tls.TlsException;
import io.cqlp.types.ValueFormatter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The cqlp command line, cqlsh-compatible: {@code cqlp [host [port]] [options]}. Declared with
 * picocli's programmatic API ({@link FieldBinding} says why), in the order {@code --help} shows.
 */
final class CqlpCommand implements Callable<Integer> {

  /** Where and as whom to connect: the flags cqlsh has, shared with the Spark runner. */
  final ConnectionFlags connection = new ConnectionFlags();

  String execute;
  Path file;
  boolean local;
  boolean noConnect;
  boolean debug;
  String format;
  boolean noColor;
  boolean color;
  boolean tty;
  String encoding;
  String cqlVersion;
  Integer protocolVersion;
  String browser;
  boolean coverage;
  String completion;

  private final CommandSpec spec;
  private StartupConfig.Resolved config;

  /** The command, with its options declared and no arguments parsed yet. */
  CqlpCommand() {
    spec =
        CommandSpec.wrapWithoutInspection(this, PlainFactory.INSTANCE)
            .name("cqlp")
            .versionProvider(new VersionProvider());
    spec.usageMessage()
        .sortOptions(false)
        .description(
            "A CQL shell for Apache Cassandra that moves rows between tables and Parquet files.")
        .footer("", "Log file: ~/.cqlp/logs/cqlp.log (warnings; with --debug also DEBUG lines).");
    spec.addOption(FieldBinding.helpOption());
    spec.addOption(
        FieldBinding.versionOption(
            "Print the version of cqlp and exit (cqlsh's -v).", "-v", "-V", "--version"));
    connection.addTo(spec);
    FieldBinding.addScriptOptions(spec, "statements", v -> execute = v, v -> file = v);
    spec.addOption(
        FieldBinding.flag(
            (Boolean v) -> local = v,
            "Start a throwaway single-node Cassandra on 127.0.0.1 (or reuse one another cqlp"
                + " --local is running), connect to it, and stop it at exit.",
            "--local"));
    spec.addOption(
        FieldBinding.flag(
            (Boolean v) -> noConnect = v,
            "Start without connecting to Cassandra: files only (DESCRIBE FILE, SHOW FILE, COPY"
                + " 'file' TO ..., HELP, SOURCE, EXIT); statements that need a cluster fail.",
            "--no-connect"));
    spec.addOption(
        FieldBinding.flag(
            (Boolean v) -> debug = v,
            "Show stack traces of errors, and the choices of COPY TO's scans.",
            "--debug"));
    spec.addOption(
        FieldBinding.option(String.class, (String v) -> format = v, "--format")
            .paramLabel("FORMAT")
            .defaultValue("table")
            .description(
                "How query results are printed: table (default), expand (vertical, as EXPAND ON),"
                    + " json (one object a line) or csv.")
            .build());
    spec.addOption(
        FieldBinding.flag(
            (Boolean v) -> noColor = v,
            "Never colour the output (beats [ui] color of the cqlshrc).",
            "--no-color"));
    spec.addOption(
        FieldBinding.flag(
            (Boolean v) -> color = v,
            "Colour the output even when it is not a terminal (beats [ui] color).",
            "-C",
            "--color"));
    spec.addOption(
        FieldBinding.flag(
            (Boolean v) -> tty = v,
            "Force tty mode: the prompt, even when standard input is not a terminal (not with -e or"
                + " -f).",
            "-t",
            "--tty"));
    spec.addOption(
        FieldBinding.valued(
            String.class,
            (String v) -> encoding = v,
            "ENCODING",
            "Encoding of the output (default: [ui] encoding of the cqlshrc, else utf-8).",
            "--encoding"));
    spec.addOption(
        FieldBinding.valued(
            String.class,
            (String v) -> cqlVersion = v,
            "CQLVERSION",
            "The CQL version the server must speak, e.g. 3.4.7 (default: [cql] version of the"
                + " cqlshrc, else the server's).",
            "--cqlversion"));
    spec.addOption(
        FieldBinding.valued(
            Integer.class,
            (Integer v) -> protocolVersion = v,
            "N",
            "Native protocol version to use, 3 to 6 (default: [protocol] version of the cqlshrc,"
                + " else negotiated).",
            "--protocol-version"));
    spec.addOption(
        FieldBinding.valued(
            String.class,
            (String v) -> browser = v,
            "BROWSER",
            "Accepted for cqlsh compatibility; no effect (HELP prints its text).",
            "--browser"));
    spec.addOption(
        FieldBinding.flag(
            (Boolean v) -> coverage = v,
            "Accepted for cqlsh compatibility; no effect.",
            "--coverage"));
    spec.addOption(
        FieldBinding.valued(
            String.class,
            (String v) -> completion = v,
            "SHELL",
            "Print the completion script of cqlp's flags for bash or zsh, and exit.",
            "--completion"));
  }

  /** The declared command line, for {@code new CommandLine(spec())}. */
  CommandSpec spec() {
    return spec;
  }

  private ShellFlags.Resolved flags;
  private boolean ttyMode;

  @Override
  public Integer call() throws IOException {
    LogFile.install(debug);
    LogFile.startInBackground();
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    ErrorReporter errors = new ErrorReporter(err, debug);
    if (completion != null) {
      return Completion.print(completion, spec.commandLine(), out, errors);
    }
    OutputFormat outputFormat;
    try {
      outputFormat = OutputFormat.parse(format);
    } catch (IllegalArgumentException e) {
      errors.report(null, 0, e.getMessage());
      return ExitStatus.STATEMENT_FAILED.code();
    }
    boolean colors = !noColor && (color || System.console() != null);
    errors.colors(colors);
    StartupConfig.Resolved config;
    try {
      config =
          StartupConfig.resolve(
              connection.given(), System.getenv(), System.getProperty("user.home"), errors::note);
    } catch (IniException e) {
      errors.report(null, 0, e.getMessage());
      return ExitStatus.STATEMENT_FAILED.code();
    }
    try {
      flags =
          ShellFlags.resolve(
              new ShellFlags.Given(
                  colorChoice(),
                  tty,
                  encoding,
                  cqlVersion,
                  protocolVersion,
                  execute != null || file != null,
                  file != null),
              config.cqlshrc());
    } catch (IniException e) {
      errors.report(null, 0, e.getMessage());
      return ExitStatus.STATEMENT_FAILED.code();
    }
    boolean terminal = System.console() != null;
    colors = flags.color().on(terminal);
    ttyMode = flags.tty().on(terminal);
    out = new PrintWriter(new OutputStreamWriter(System.out, flags.encoding()), true);
    err = new PrintWriter(new OutputStreamWriter(System.err, flags.encoding()), true);
    errors = new ErrorReporter(err, debug).colors(colors);
    ConnectionSettings settings = config.connection().withProtocolVersion(flags.protocolVersion());
    if (debug) {
      debugLines(settings).forEach(errors::note);
    }
    SecretRedaction.remember(settings.password());
    if (settings.username() != null && settings.password() == null && System.console() != null) {
      settings = withPassword(settings, new String(System.console().readPassword("Password: ")));
      SecretRedaction.remember(settings.password());
    }
    this.config = config;
    if (noConnect) {
      if (local) {
        errors.report(null, 0, "--no-connect and --local exclude each other: drop one.");
        return ExitStatus.STATEMENT_FAILED.code();
      }
      return runWithout(outputFormat, colors, out, errors);
    }
    LocalCassandra node = null;
    if (local) {
      try {
        err.println("Starting a local Cassandra node (about 20 seconds)...");
        node =
            LocalCassandra.startOrReuse(
                localStateDir(), LocalCassandra.defaultLibDir(), Duration.ofMinutes(4));
      } catch (IOException | RuntimeException e) {
        errors.report(null, 0, "Could not start a local Cassandra node: " + ErrorText.describe(e));
        return ExitStatus.CANNOT_CONNECT.code();
      }
      // The local node speaks plain CQL: a cqlshrc's [connection] ssl is not for it.
      settings =
          new ConnectionSettings(
              node.host(),
              node.port(),
              settings.username(),
              settings.password(),
              settings.keyspace(),
              settings.connectTimeout(),
              settings.requestTimeout(),
              null,
              settings.protocolVersion());
    }
    try {
      return connectAndRun(outputFormat, colors, settings, out, errors);
    } finally {
      if (node != null) {
        node.stop();
      }
    }
  }

  /** --no-connect: the shell without a session; statements that need one fail with one line. */
  private int runWithout(
      OutputFormat outputFormat, boolean colors, PrintWriter out, ErrorReporter errors)
      throws IOException {
    return runIn(new ShellState(null, ttyMode), outputFormat, colors, out, errors, ttyMode);
  }

  /**
   * Applies the display settings and runs the shell on {@code state}, a CAPTURE ended however it
   * ends.
   */
  private int runIn(
      ShellState state,
      OutputFormat outputFormat,
      boolean colors,
      PrintWriter out,
      ErrorReporter errors,
      boolean tty)
      throws IOException {
    applyCqlshrc(state, errors);
    state.maxTraceWait(flags.maxTraceWait());
    state
        .display()
        .colors(colors)
        .format(outputFormat == OutputFormat.EXPAND ? OutputFormat.TABLE : outputFormat);
    state.expand(outputFormat == OutputFormat.EXPAND);
    // A running CAPTURE ends cleanly however the shell ends: EXIT, end of input, SIGTERM.
    Thread finisher = new Thread(() -> finishCapture(state, errors), "cqlp-capture-finish");
    Runtime.getRuntime().addShutdownHook(finisher);
    try {
      return runShell(state, out, errors, tty);
    } finally {
      finishCapture(state, errors);
    }
  }

  private int connectAndRun(
      OutputFormat outputFormat,
      boolean colors,
      ConnectionSettings settings,
      PrintWriter out,
      ErrorReporter errors)
      throws IOException {
    // A run that executes statements and exits reads over a direct connection, and opens the
    // driver session only for a statement that needs it (DirectReads says why).
    boolean statementsOnly = execute != null || file != null || !ttyMode;
    DirectReads reads = statementsOnly ? Connector.openDirectReads(settings) : null;
    ShellState state;
    if (reads != null) {
      state = new ShellState(() -> Connector.connect(settings), reads, ttyMode);
    } else {
      try {
        state = new ShellState(Connector.connect(settings), ttyMode);
      } catch (TlsException e) {
        errors.report(null, 0, e.getMessage());
        return ExitStatus.CANNOT_CONNECT.code();
      } catch (RuntimeException e) {
        errors.report(
            null,
            0,
            ErrorText.connectionError(settings.host(), settings.port(), ErrorText.describe(e)));
        return ExitStatus.CANNOT_CONNECT.code();
      }
    }
    try {
      var mismatch =
          ShellFlags.cqlVersionMismatch(
              flags.cqlVersion(),
              flags.cqlVersion() == null
                  ? null
                  : state
                      .execute(SimpleStatement.newInstance("SELECT cql_version FROM system.local"))
                      .one()
                      .getString(0));
      if (mismatch.isPresent()) {
        errors.report(
            null, 0, ErrorText.connectionError(settings.host(), settings.port(), mismatch.get()));
        return ExitStatus.CANNOT_CONNECT.code();
      }
      state.connection(
          settings.host(),
          settings.port(),
          (user, password, ks) ->
              Connector.connect(
                  new ConnectionSettings(
                      settings.host(),
                      settings.port(),
                      user,
                      password,
                      ks,
                      settings.connectTimeout(),
                      settings.requestTimeout(),
                      settings.tls(),
                      settings.protocolVersion())));
      return runIn(state, outputFormat, colors, out, errors, ttyMode);
    } finally {
      state.close();
    }
  }

  private static void finishCapture(ShellState state, ErrorReporter errors) {
    try {
      state.finishCapture();
    } catch (IOException | RuntimeException e) {
      errors.report(null, 0, "Capture could not be finished: " + ErrorText.describe(e));
    }
  }

  private int runShell(ShellState state, PrintWriter out, ErrorReporter errors, boolean tty)
      throws IOException {
    Interpreter interpreter =
        new Interpreter(state, out, errors, Formats.sinks(), Formats.sources());
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
      // -t without a terminal: JLine's dumb terminal on the standard streams, without its warning.
      // The terminal's encoding stays JLine's choice unless --encoding or [ui] encoding names one.
      boolean named = encoding != null || config.cqlshrc().encoding().isPresent();
      TerminalBuilder builder =
          TerminalBuilder.builder().system(true).encoding(named ? flags.encoding() : null);
      if (System.console() == null) {
        builder.dumb(true);
      }
      // completion will want the schema: fetched while the user types the first statement
      if (state.session() instanceof SchemaOnDemandSession session) {
        session.prefetch();
      }
      try (Terminal terminal = builder.build()) {
        state.display().width(terminal.getWidth()).pager(morePrompt(terminal));
        terminal.handle(
            Terminal.Signal.WINCH, signal -> state.display().width(terminal.getWidth()));
        new Console(terminal, interpreter, historyFile()).run();
      }
      return ExitStatus.OK.code();
    } else {
      String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      outcome = interpreter.runScript(text, "<stdin>");
    }
    return outcome == Interpreter.Outcome.FAILED
        ? ExitStatus.STATEMENT_FAILED.code()
        : ExitStatus.OK.code();
  }

  /** The cqlshrc's [ui] precisions and COPY sections, for the shell's display and COPY commands. */
  private void applyCqlshrc(ShellState state, ErrorReporter errors) {
    var rc = config.cqlshrc();
    // The screen's [ui] settings, and TZ, as cqlsh reads them; cqlsh's warnings go to stderr.
    state.valueFormatter(
        ValueFormatter.screen(
            io.cqlp.types.ScreenSettings.resolve(
                rc.floatPrecision(),
                rc.doublePrecision(),
                rc.get("ui", "timezone"),
                rc.get("ui", "time_format"),
                System.getenv(),
                warning -> System.err.println(warning))));
    state.copyDefaults(CopyDefaults.of(rc.ini(), errors::note));
  }

  /**
   * What {@code --debug} says at startup, as cqlsh's first lines (driver, connect timeout,
   * encoding, ssl), and the protocol and CQL versions asked for.
   */
  private List<String> debugLines(ConnectionSettings settings) {
    var driver = com.datastax.oss.driver.api.core.session.Session.OSS_DRIVER_COORDINATES;
    double timeout = settings.connectTimeout().toMillis() / 1000.0;
    return List.of(
        "Using CQL driver: " + driver.getName() + " " + driver.getVersion(),
        "Using connect timeout: "
            + (timeout == Math.rint(timeout)
                ? String.valueOf((long) timeout)
                : String.valueOf(timeout))
            + " seconds",
        "Using '" + flags.encodingName() + "' encoding",
        "Using ssl: " + (settings.tls() != null ? "True" : "False"),
        "Using protocol version: "
            + (settings.protocolVersion() == null ? "negotiated" : settings.protocolVersion()),
        "Using CQL version: " + (flags.cqlVersion() == null ? "the server's" : flags.cqlVersion()));
  }

  /**
   * {@code -C}/{@code --color} gives true, {@code --no-color} false, neither null; with both, the
   * last one typed wins, as with cqlsh's argparse (both set one destination).
   */
  private Boolean colorChoice() {
    if (!color || !noColor) {
      return color ? Boolean.TRUE : noColor ? Boolean.FALSE : null;
    }
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    return args.lastIndexOf("--no-color")
        < Math.max(args.lastIndexOf("-C"), args.lastIndexOf("--color"));
  }

  private static ConnectionSettings withPassword(ConnectionSettings s, String password) {
    return new ConnectionSettings(
        s.host(),
        s.port(),
        s.username(),
        password,
        s.keyspace(),
        s.connectTimeout(),
        s.requestTimeout(),
        s.tls(),
        s.protocolVersion());
  }

  /**
   * cqlsh's {@code ---MORE---} between pages at the prompt: Enter for more, Ctrl-C or Ctrl-D to
   * stop.
   */
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
