package io.cqlp.session;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cqlp.capture.CaptureException;
import io.cqlp.command.Capture;
import io.cqlp.command.Command;
import io.cqlp.command.CommandParser;
import io.cqlp.command.Consistency;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.CopyTo;
import io.cqlp.command.CqlStatement;
import io.cqlp.command.Exit;
import io.cqlp.command.Expand;
import io.cqlp.command.Paging;
import io.cqlp.command.ParsingException;
import io.cqlp.command.Source;
import io.cqlp.command.Tracing;
import io.cqlp.command.Use;
import io.cqlp.output.ResultPrinter;
import io.cqlp.script.StatementSplitter;
import io.cqlp.transfer.CopyFromWorkflow;
import io.cqlp.transfer.CopyToWorkflow;
import io.cqlp.transfer.SinkFactory;
import io.cqlp.transfer.SourceFactory;
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
    if (command instanceof CqlStatement cql) {
      runCql(cql.text());
    } else if (command instanceof io.cqlp.command.CopyFileTo copy) {
      // A file converted: no session involved, so it also runs with --no-connect.
      io.cqlp.transfer.TransferSummary converted;
      try (ProgressLine progress =
          ProgressLine.start(
              errors, state.interactive(), "Processed", -1, state.display()::width)) {
        converted =
            new io.cqlp.transfer.FileCopyWorkflow(sinks, sources)
                .withStdout(out)
                .progress(progress)
                .run(copy);
      }
      if (!copy.stdout()) {
        out.println(converted.exportLine());
      }
    } else if (command instanceof CopyTo copy) {
      CqlSession session = state.session();
      CopyTo withDefaults = state.copyDefaults().apply(copy, state.keyspace());
      io.cqlp.command.Verify verify =
          io.cqlp.transfer.verify.VerifyWorkflow.afterExport(withDefaults);
      io.cqlp.transfer.TransferSummary exported;
      CopyToWorkflow workflow =
          new CopyToWorkflow(session, state.consistency(), sinks, sources)
              .debug(errors.debug() ? errors::note : null);
      try (ProgressLine progress =
          ProgressLine.start(
              errors,
              state.interactive(),
              "Processed",
              io.cqlp.transfer.RowEstimate.forExport(session, withDefaults),
              state.display()::width)) {
        exported = workflow.withStdout(out).progress(progress).run(withDefaults);
      }
      if (!copy.stdout()) {
        // As cqlsh: COPY TO STDOUT prints only the rows.
        out.println(exported.exportLine() + workflow.scanSummary());
      }
      if (verify != null) {
        return verify(verify);
      }
    } else if (command instanceof CopyFrom copy) {
      CqlSession session = state.session();
      CopyFrom withDefaults = state.copyDefaults().apply(copy, state.keyspace());
      io.cqlp.transfer.TransferSummary imported;
      try (ProgressLine progress =
          ProgressLine.start(
              errors,
              state.interactive(),
              "Processed",
              io.cqlp.transfer.RowEstimate.forImport(withDefaults),
              state.display()::width)) {
        imported =
            new CopyFromWorkflow(session, state.consistency(), sources, errors::note)
                .withStdin(this::stdin)
                .progress(progress)
                .run(withDefaults);
      }
      out.println(imported.importLine());
      if (imported.failedRows() > 0) {
        out.flush();
        return Outcome.FAILED;
      }
    } else if (command instanceof Use use) {
      runCql(
          "USE "
              + com.datastax.oss.driver.api.core.CqlIdentifier.fromInternal(use.keyspace())
                  .asCql(false));
    } else if (command instanceof Consistency c) {
      consistency(c);
    } else if (command instanceof Paging p) {
      paging(p);
    } else if (command instanceof Expand e) {
      state.expand(Switches.apply("EXPAND", state.expand(), e.on(), out));
    } else if (command instanceof Tracing t) {
      state.tracing(Switches.apply("TRACING", state.tracing(), t.on(), out));
    } else if (command instanceof Source s) {
      return source(s.path());
    } else if (command instanceof Exit) {
      return Outcome.EXIT;
    } else if (command instanceof Capture c) {
      capture(c);
    } else if (command instanceof io.cqlp.command.DescribeFile d) {
      new io.cqlp.inspect.FileInspector(out).describe(d.path());
    } else if (command instanceof io.cqlp.command.ShowFile s) {
      new io.cqlp.inspect.FileInspector(out).show(s.path(), s.limit());
    } else if (command instanceof io.cqlp.command.Verify v) {
      return verify(v);
    } else if (command instanceof io.cqlp.command.PendingUploads u) {
      new io.cqlp.inspect.UploadInspector(out).run(u.path(), u.abort(), u.options());
    } else if (!shellCommands.run(command)) {
      throw new IllegalStateException("Unsupported command: " + command.getClass().getSimpleName());
    }
    out.flush();
    return Outcome.OK;
  }

  /** Runs a VERIFY and prints its report: FAILED (exit status 2) when the sides differ. */
  private Outcome verify(io.cqlp.command.Verify command) throws InterruptedException {
    io.cqlp.transfer.verify.VerifyReport report =
        new io.cqlp.transfer.verify.VerifyWorkflow(state.session(), state.consistency(), sources)
            .run(command);
    report.lines().forEach(out::println);
    out.flush();
    return report.equal() ? Outcome.OK : Outcome.FAILED;
  }

  private void runCql(String cql) throws InterruptedException {
    SimpleStatement statement =
        SimpleStatement.newInstance(cql)
            .setConsistencyLevel(state.consistency())
            .setSerialConsistencyLevel(state.serialConsistency())
            .setPageSize(state.paging() ? state.pageSize() : 5000)
            .setTracing(state.tracing() && !readsTraces(cql));
    CompletableFuture<ResultSet> future =
        CompletableFuture.supplyAsync(() -> state.session().execute(statement));
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
    io.cqlp.capture.Capture capture = state.capture();
    // cqlsh counts rows of SELECT and LIST only; other results (a conditional update's) print bare
    String verb = cql.stripLeading().toLowerCase(Locale.ROOT);
    boolean counted = verb.startsWith("select") || verb.startsWith("list");
    if (capture == null || result.getColumnDefinitions().size() == 0) {
      printer.print(result, block, state.expand(), null, counted);
      printWarnings(result);
      shellCommands.printTraces(result, errors);
      return;
    }
    List<ColumnSpec> columns = new ArrayList<>();
    for (ColumnDefinition column : result.getColumnDefinitions()) {
      columns.add(ColumnSpec.regular(column.getName().asInternal(), column.getType()));
    }
    String refused = null;
    try {
      capture.beginResult(columns);
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
    try {
      capture.endResult();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Capture to '" + capture.target() + "' failed: " + e.getMessage(), e);
    }
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

  private void capture(Capture command) {
    try {
      switch (command.action()) {
        case STATUS -> {
          io.cqlp.capture.Capture running = state.capture();
          out.println(running == null ? "Currently not capturing query output." : running.status());
        }
        case OFF -> {
          io.cqlp.capture.Capture ended = state.finishCapture();
          out.println(
              ended == null
                  ? "Currently not capturing query output."
                  : "Stopped capture. "
                      + ended.rows()
                      + " rows written to '"
                      + ended.target()
                      + "'.");
        }
        case START -> {
          io.cqlp.capture.Capture ended = state.finishCapture();
          if (ended != null) {
            out.println(
                "Stopped capture. " + ended.rows() + " rows written to '" + ended.target() + "'.");
          }
          io.cqlp.capture.Capture started =
              io.cqlp.capture.Capture.start(
                  command.path(), command.format(), command.options(), sinks);
          state.capture(started);
          out.println("Now capturing query output to '" + command.path() + "'.");
        }
        default -> throw new IllegalStateException("unknown CAPTURE action " + command.action());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private void consistency(Consistency c) {
    String what = c.serial() ? "Serial consistency level" : "Consistency level";
    if (c.level() == null) {
      out.println(
          "Current "
              + what.toLowerCase(Locale.ROOT)
              + " is "
              + (c.serial() ? state.serialConsistency() : state.consistency()).name()
              + ".");
      return;
    }
    DefaultConsistencyLevel level;
    try {
      level = DefaultConsistencyLevel.valueOf(c.level().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Improper CONSISTENCY command: unknown level '" + c.level() + "'.");
    }
    if (c.serial()) {
      if (level != DefaultConsistencyLevel.SERIAL
          && level != DefaultConsistencyLevel.LOCAL_SERIAL) {
        throw new IllegalArgumentException(
            "Improper SERIAL CONSISTENCY command: the level must be SERIAL or LOCAL_SERIAL.");
      }
      state.serialConsistency(level);
    } else {
      state.consistency(level);
    }
    out.println(what + " set to " + level.name() + ".");
  }

  private void paging(Paging p) {
    if (p.pageSize() != null) {
      if (p.pageSize() < 1) {
        throw new IllegalArgumentException("Page size must be at least 1.");
      }
      state.paging(true);
      state.pageSize(p.pageSize());
      out.println("Page size: " + p.pageSize());
    } else {
      boolean on = Switches.apply("PAGING", state.paging(), p.enabled(), out);
      state.paging(on);
      if (on) {
        out.println("Page size: " + state.pageSize());
      } else {
        state.pageSize(100);
      }
    }
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
