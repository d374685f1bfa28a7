package io.cqlp.repl;

import io.cqlp.repl.completion.CqlCompleter;
import io.cqlp.repl.completion.DriverSchemaView;
import io.cqlp.script.StatementSplitter;
import io.cqlp.session.Interpreter;
import java.io.IOException;
import java.nio.file.Path;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive prompt: {@code cqlp:ks> }, statements over several lines until a {@code ;} (or a
 * newline for the shell commands cqlsh ends at a newline), persistent history without passwords,
 * Ctrl-C abandons the line being typed or interrupts the running statement, Ctrl-D (or EXIT)
 * leaves. TAB completes from the live schema ({@link CqlCompleter}); Ctrl-R searches the history
 * backwards.
 */
public final class Console {
  /** What completion knows without a cluster ({@code --no-connect}): no schema. */
  private static final io.cqlp.repl.completion.SchemaView NO_SCHEMA =
      new io.cqlp.repl.completion.SchemaView() {
        @Override
        public java.util.List<String> keyspaces() {
          return java.util.List.of();
        }

        @Override
        public java.util.List<String> tables(String keyspace) {
          return java.util.List.of();
        }

        @Override
        public java.util.List<String> columns(String keyspace, String table) {
          return java.util.List.of();
        }

        @Override
        public String currentKeyspace() {
          return null;
        }
      };

  private final Terminal terminal;
  private final Interpreter interpreter;
  private final Path historyFile;

  /**
   * @param terminal the terminal to read from; owned by the caller
   * @param interpreter runs each statement
   * @param historyFile where history persists across sessions (created when missing)
   */
  public Console(Terminal terminal, Interpreter interpreter, Path historyFile) {
    this.terminal = terminal;
    this.interpreter = interpreter;
    this.historyFile = historyFile;
  }

  /** Reads and runs statements until EXIT, QUIT or end of input. */
  public void run() {
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("cqlp")
            .parser(new StatementParser())
            .completer(
                new CqlCompleter(
                    interpreter.state().connected()
                        ? new DriverSchemaView(interpreter.state().session())
                        : NO_SCHEMA))
            .option(LineReader.Option.CASE_INSENSITIVE, true)
            .history(new SecretFilteringHistory())
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ... ")
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
    reader
        .getKeyMaps()
        .get(LineReader.EMACS)
        .bind(new Reference(LineReader.HISTORY_INCREMENTAL_SEARCH_BACKWARD), KeyMap.ctrl('R'));
    Thread shellThread = Thread.currentThread();
    terminal.handle(Terminal.Signal.INT, signal -> shellThread.interrupt());
    while (true) {
      String text;
      try {
        text = reader.readLine(prompt());
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        terminal.writer().println();
        break;
      }
      Thread.interrupted();
      if (text.isBlank()) {
        continue;
      }
      Interpreter.Outcome outcome = interpreter.runScript(text, null);
      Thread.interrupted();
      if (outcome == Interpreter.Outcome.EXIT) {
        break;
      }
    }
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      terminal.writer().println("Could not save history to " + historyFile + ": " + e.getMessage());
    }
  }

  private String prompt() {
    String keyspace = interpreter.state().keyspace();
    return keyspace == null ? "cqlp> " : "cqlp:" + keyspace + "> ";
  }

  /** Whether the typed text is a whole statement (the prompt asks for more lines otherwise). */
  static boolean complete(String text) {
    return StatementSplitter.isComplete(text);
  }
}
