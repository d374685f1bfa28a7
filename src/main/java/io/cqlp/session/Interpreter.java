package io.cqlp.session;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cqlp.capture.Capture;
import io.cqlp.capture.CaptureException;
import io.cqlp.command.Clear;
import io.cqlp.command.Command;
import io.cqlp.command.CommandParser;
import io.cqlp.command.Consistency;
import io.cqlp.command.CopyFileTo;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.CopyTo;
import io.cqlp.command.CqlStatement;
import io.cqlp.command.Describe;
import io.cqlp.command.DescribeFile;
import io.cqlp.command.Exit;
import io.cqlp.command.Expand;
import io.cqlp.command.Help;
import io.cqlp.command.History;
import io.cqlp.command.Login;
import io.cqlp.command.Paging;
import io.cqlp.command.ParsingException;
import io.cqlp.command.PendingUploads;
import io.cqlp.command.RunScript;
import io.cqlp.command.Show;
import io.cqlp.command.ShowFile;
import io.cqlp.command.Tracing;
import io.cqlp.command.Use;
import io.cqlp.command.Verify;
import io.cqlp.inspect.FileInspector;
import io.cqlp.inspect.UploadInspector;
import io.cqlp.output.ResultPrinter;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.script.StatementSplitter;
import io.cqlp.transfer.scan.RowDecoder;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs statements: the shell's own commands (COPY, USE, CONSISTENCY, PAGING, EXPAND, SOURCE, EXIT,
 * ...) here, DESCRIBE, SHOW, LOGIN, HISTORY, CLEAR and HELP in {@link ShellCommands}, every other
 * statement sent to Cassandra as typed and its result printed as cqlsh prints it. Shared by the
 * interactive prompt and the script runner. Used from one thread; Ctrl-C interrupts that thread.
 */
public final class Interpreter {

  /** What became of one statement. */
  public enum Outcome {
    /** It ran. */
    OK,
    /** It failed; the error was printed. */
    FAILED,
    /** EXIT or QUIT: the shell should stop. */
    EXIT
  }

  private final ShellState state;
  private final PrintWriter out;
  private final ErrorReporter errors;
  private final SinkFactory sinks;
  private final SourceFactory sources;
  private final ResultPrinter printer;
  private final ShellCommands shellCommands;
  private final CopyCommands copies;
  private final SettingCommands settings;
  private final Handlers handlers = new Handlers();
  private int sourceDepth;

  /** The inline data of the COPY FROM STDIN being run from a script; null otherwise. */
  private String inlineStdin;

  /**
   * @param state the connection and settings
   * @param out results and summaries
   * @param errors where errors are reported
   * @param sinks opens COPY TO targets
   * @param sources opens COPY FROM inputs
   */
  public Interpreter(
      ShellState state,
      PrintWriter out,
      ErrorReporter errors,
      SinkFactory sinks,
      SourceFactory sources) {
    this.state = state;
    this.out = out;
    this.errors = errors;
    this.sinks = sinks;
    this.sources = sources;
    this.printer = new ResultPrinter(out, state.valueFormatter(), state.display());
    this.shellCommands =
        new ShellCommands(state, out, Path.of(System.getProperty("user.home"), ".cqlp", "history"));
    this.copies = new CopyCommands(state, out, errors, sinks, sources, this::stdin);
    this.settings = new SettingCommands(state, out, sinks);
  }

  /** The shell state this interpreter runs against. */
  public ShellState state() {
    return state;
  }

  /**
   * Runs every statement of a script, continuing after a failed one as cqlsh does.
   *
   * @param text the script's text
   * @param sourceName the name errors are reported under ({@code <stdin>}, a file name)
   * @return {@link Outcome#EXIT} if the script said EXIT, {@link Outcome#FAILED} if any statement
   *     failed, else {@link Outcome#OK}
   */
  public Outcome runScript(String text, String sourceName) {
    String rest = text;
    int firstLine = 1;
    StatementSplitter.Result split;
    Outcome result = Outcome.OK;
    boolean again;
    do {
      again = false;
      split = StatementSplitter.split(rest, firstLine);
      for (StatementSplitter.Statement statement : split.statements()) {
        // COPY ... FROM STDIN in a script reads the lines after it, up to \. (InlineStdin).
        InlineStdin.Split inline =
            InlineStdin.isCopyFromStdin(statement.text())
                ? InlineStdin.after(rest, firstLine, statement)
                : null;
        inlineStdin = inline == null ? null : inline.data();
        Outcome outcome;
        try {
          outcome = execute(statement.text(), sourceName, statement.line());
        } finally {
          inlineStdin = null;
        }
        if (outcome == Outcome.EXIT) {
          return Outcome.EXIT;
        }
        if (outcome == Outcome.FAILED) {
          result = Outcome.FAILED;
        }
        if (inline != null) {
          rest = inline.rest();
          firstLine = inline.restFirstLine();
          again = true;
          break;
        }
      }
    } while (again);
    if (!split.remainder().isBlank()) {
      errors.report(
          sourceName,
          lineOf(rest, split.remainder()) + firstLine - 1,
          "Incomplete statement at end of input (missing ';'?)");
      result = Outcome.FAILED;
    }
    return result;
  }

  /**
   * The CSV text of a COPY FROM STDIN: the script's inline data when there is some, else the
   * shell's standard input up to a {@code \.} line (with cqlsh's hint at a terminal).
   */
  private java.io.Reader stdin() {
    if (inlineStdin != null) {
      return new java.io.StringReader(inlineStdin);
    }
    if (state.interactive()) {
      out.println("[Use \\. on a line by itself to end input]");
      out.flush();
    }
    return new io.cqlp.format.csv.DotTerminatedReader(
        new java.io.BufferedReader(
            new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)));
  }

  private static int lineOf(String text, String remainder) {
    String before = text.substring(0, Math.max(0, text.length() - remainder.length()));
    String trimmed = remainder.stripLeading();
    int offset = remainder.length() - trimmed.length();
    String upTo = before + remainder.substring(0, offset);
    return (int) upTo.chars().filter(c -> c == '\n').count() + 1;
  }

  /**
   * Runs one statement.
   *
   * @param statement the statement text, without its final {@code ;}
   * @param sourceName where it came from, for error lines; {@code null} at the prompt
   * @param line its first line in the source (1-based)
   * @return what became of it; errors are reported, never thrown
   */
  public Outcome execute(String statement, String sourceName, int line) {
    try {
      return executeParsed(statement, sourceName, line);
    } finally {
      reportObjectStoreRequests();
    }
  }

  /** With --debug, the S3 requests of the statement, by operation, as one line on stderr. */
  private void reportObjectStoreRequests() {
    if (errors.debug()) {
      java.util.Map<String, Long> counts = io.cqlp.storage.s3.S3Requests.take();
      if (!counts.isEmpty()) {
        errors.note(
            "S3 requests: "
                + counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", ")));
      }
    }
  }

  private Outcome executeParsed(String statement, String sourceName, int line) {
    try {
      Command command = CommandParser.parse(statement);
      return dispatch(command);
    } catch (InterruptedException e) {
      errors.report(sourceName, line, "Interrupted.");
      return Outcome.FAILED;
    } catch (ParsingException e) {
      int errorLine = line + e.getLineNumber() - 1;
      errors.report(
          sourceName,
          errorLine,
          "SyntaxException: line "
              + errorLine
              + ":"
              + e.getColumnNumber()
              + ": "
              + e.getErrorMessage());
      return Outcome.FAILED;
    } catch (RuntimeException e) {
      if (Thread.interrupted()) {
        errors.report(sourceName, line, "Interrupted.");
        return Outcome.FAILED;
      }
      errors.report(sourceName, line, e);
      return Outcome.FAILED;
    }
  }

  private Outcome dispatch(Command command) throws InterruptedException {
    Outcome outcome = command.accept(handlers);
    out.flush();
    return outcome;
  }

  /** Hands each command family to its handler; the compiler checks that every type is handled. */
  private final class Handlers implements Command.Visitor<Outcome> {

    @Override
    public Outcome visit(CqlStatement command) throws InterruptedException {
      runCql(command.text());
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Use command) throws InterruptedException {
      runCql("USE " + CqlIdentifier.fromInternal(command.keyspace()).asCql(false));
      return Outcome.OK;
    }

    @Override
    public Outcome visit(CopyTo command) throws InterruptedException {
      return copies.copyTo(command);
    }

    @Override
    public Outcome visit(CopyFrom command) throws InterruptedException {
      return copies.copyFrom(command);
    }

    @Override
    public Outcome visit(CopyFileTo command) throws InterruptedException {
      return copies.copyFileTo(command);
    }

    @Override
    public Outcome visit(Verify command) throws InterruptedException {
      return copies.verify(command);
    }

    @Override
    public Outcome visit(io.cqlp.command.Capture command) {
      settings.capture(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Consistency command) {
      settings.consistency(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Paging command) {
      settings.paging(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Expand command) {
      settings.expand(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Tracing command) {
      settings.tracing(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(RunScript command) {
      return source(command.path());
    }

    @Override
    public Outcome visit(Exit command) {
      return Outcome.EXIT;
    }

    @Override
    public Outcome visit(DescribeFile command) {
      new FileInspector(out).describe(command.path());
      return Outcome.OK;
    }

    @Override
    public Outcome visit(ShowFile command) {
      new FileInspector(out).show(command.path(), command.limit());
      return Outcome.OK;
    }

    @Override
    public Outcome visit(PendingUploads command) {
      new UploadInspector(out).run(command.path(), command.abort(), command.options());
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Describe command) {
      shellCommands.describe(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Show command) throws InterruptedException {
      shellCommands.show(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Login command) {
      shellCommands.login(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(History command) {
      shellCommands.history(command);
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Clear command) {
      shellCommands.clear();
      return Outcome.OK;
    }

    @Override
    public Outcome visit(Help command) {
      shellCommands.help(command);
      return Outcome.OK;
    }
  }

  private void runCql(String cql) throws InterruptedException {
    SimpleStatement statement =
        SimpleStatement.newInstance(cql)
            .setConsistencyLevel(state.consistency())
            .setSerialConsistencyLevel(state.serialConsistency())
            .setPageSize(state.paging() ? state.pageSize() : 5000)
            .setTracing(state.tracing() && !readsTraces(cql));
    CompletableFuture<ResultSet> future =
        CompletableFuture.supplyAsync(() -> state.execute(statement));
    ResultSet result;
    try {
      result = future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
    // cqlsh sizes columns per page of 100 rows (PAGING's size; 5,000 with PAGING OFF), at a
    // terminal and with -e or -f alike.
    int block = state.paging() ? state.pageSize() : 5000;
    Capture capture = state.capture();
    // cqlsh counts rows of SELECT and LIST only; other results (a conditional update's) print bare
    String verb = cql.stripLeading().toLowerCase(Locale.ROOT);
    boolean counted = verb.startsWith("select") || verb.startsWith("list");
    if (capture == null || result.getColumnDefinitions().size() == 0) {
      printer.print(result, block, state.expand(), null, counted);
      printWarnings(result);
      shellCommands.printTraces(result, errors);
      return;
    }
    if (capture.isText()) {
      // cqlsh's CAPTURE writes the text the result prints as: the screen's, without colours
      PrintWriter both = new PrintWriter(capture.tee(out));
      long printed =
          new ResultPrinter(both, state.valueFormatter(), state.display())
              .print(result, block, state.expand(), null, counted);
      both.flush();
      capture.textResult(printed);
      printWarnings(result);
      shellCommands.printTraces(result, errors);
      return;
    }
    List<ColumnSpec> columns = new ArrayList<>();
    for (ColumnDefinition column : result.getColumnDefinitions()) {
      columns.add(ColumnSpec.regular(column.getName().asInternal(), column.getType()));
    }
    ColumnDefinition first = result.getColumnDefinitions().get(0);
    String refused = null;
    try {
      capture.beginResult(
          new TableSchema(
              first.getKeyspace().asInternal(), first.getTable().asInternal(), columns, List.of()));
    } catch (CaptureException e) {
      refused = e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (refused != null) {
      printer.print(result, block, state.expand(), null, counted);
      throw new CaptureException(refused);
    }
    RowDecoder decoder =
        new RowDecoder(
            columns,
            state.session().getContext().getCodecRegistry(),
            state.session().getContext().getProtocolVersion());
    long[] captured = {0};
    try (ProgressLine progress =
        ProgressLine.start(errors, state.interactive(), "Captured", -1, state.display()::width)) {
      printer.print(
          result,
          block,
          state.expand(),
          row -> {
            try {
              capture.write(decoder.decode(row));
              progress.rowsDone(++captured[0]);
            } catch (IOException e) {
              throw new UncheckedIOException(
                  "Capture to '" + capture.target() + "' failed: " + e.getMessage(), e);
            }
          });
    }
    capture.endResult();
    printWarnings(result);
    shellCommands.printTraces(result, errors);
  }

  /**
   * The server's warnings on a statement, after its rows, as cqlsh's print_warnings: a blank line,
   * {@code Warnings :}, then each warning followed by a blank line, on standard output. Those of
   * the last page fetched, as the Python driver keeps them.
   */
  private void printWarnings(ResultSet result) {
    List<com.datastax.oss.driver.api.core.cql.ExecutionInfo> infos = result.getExecutionInfos();
    List<String> warnings = infos.isEmpty() ? List.of() : infos.get(infos.size() - 1).getWarnings();
    if (warnings.isEmpty()) {
      return;
    }
    out.println();
    out.println("Warnings :");
    for (String warning : warnings) {
      out.println(warning);
      out.println();
    }
    out.flush();
  }

  /** cqlsh does not trace reads of the traces themselves. */
  private boolean readsTraces(String cql) {
    String text = cql.toLowerCase(Locale.ROOT);
    return text.startsWith("select")
        && (text.contains("system_traces.")
            || (!text.contains(".") && "system_traces".equals(state.keyspace())));
  }

  private Outcome source(String path) {
    if (sourceDepth > 8) {
      throw new IllegalStateException("SOURCE nested too deeply (more than 8 levels): " + path);
    }
    String text;
    try {
      text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not open '" + path + "': " + e.getMessage());
    }
    sourceDepth++;
    try {
      return runScript(text, path);
    } finally {
      sourceDepth--;
    }
  }
}
