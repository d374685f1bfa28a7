package io.cqlp.script;

import io.cqlp.script.ScriptScanner.Kind;
import io.cqlp.script.ScriptScanner.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Splits script or prompt text into statements the way cqlsh does.
 *
 * <ul>
 *   <li>A statement ends at a {@code ;} outside 'strings', "identifiers", $$ bodies $$ and comments
 *       ({@code --} and {@code //} to the end of the line, {@code /* ... *}{@code /}).
 *   <li>In {@code BEGIN [UNLOGGED | COUNTER] BATCH ... APPLY BATCH} the inner {@code ;} do not end
 *       the statement; the {@code ;} after {@code APPLY BATCH} does.
 *   <li>Shell commands whose first word is in cqlsh's {@code my_commands_ending_with_newline}
 *       (help, ?, consistency, serial, describe, desc, show, source, capture, login, debug,
 *       tracing, expand, paging, exit, quit, clear, cls, history; any case) also end at the end of
 *       their line, or at the end of the text. So that the multi-line form of the seed documents
 *       ({@code CAPTURE PARQUET 'dir/' WITH} / {@code PARTITION='d'} / {@code AND
 *       COMPRESSION='ZSTD';}) works, such a command goes on to the next line when its line ends
 *       with WITH, AND or {@code =}, or when the next line starts with WITH or AND.
 *   <li>Statements holding only comments are dropped, as are empty ones ({@code ;;}).
 * </ul>
 *
 * <p>Thread-safe: no state is shared between calls.
 */
public final class StatementSplitter {
  private static final Set<String> ENDING_WITH_NEWLINE =
      Set.of(
          "help",
          "?",
          "consistency",
          "serial",
          "describe",
          "desc",
          "show",
          "source",
          "capture",
          "login",
          "debug",
          "tracing",
          "expand",
          "paging",
          "exit",
          "quit",
          "clear",
          "cls",
          "history");
  private static final Set<String> CONTINUING_WORDS = Set.of("with", "and");

  private StatementSplitter() {}

  /**
   * One complete statement.
   *
   * @param text the statement from its first to its last character that is not whitespace or a
   *     comment, without the final {@code ;}; comments inside are kept
   * @param line the 1-based line of its first character (counted from {@code firstLine})
   */
  public record Statement(String text, int line) {
    public Statement {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * @param statements the complete statements in input order
   * @param remainder the end of the input after the last complete statement, exactly as given (a
   *     suffix of the input), when it holds the start of another statement or an open block
   *     comment; {@code ""} when only whitespace and comments are left
   */
  public record Result(List<Statement> statements, String remainder) {
    public Result {
      statements = List.copyOf(statements);
      Objects.requireNonNull(remainder, "remainder");
    }

    /**
     * @return whether the input ended with a complete statement (nothing remains)
     */
    public boolean isComplete() {
      return remainder.isEmpty();
    }
  }

  /**
   * @param text script or prompt text, any number of lines
   * @return the complete statements (lines counted from 1) and the incomplete rest
   */
  public static Result split(String text) {
    return split(text, 1);
  }

  /**
   * @param text script or prompt text
   * @param firstLine the line number of the first line of {@code text}, for text that continues a
   *     larger script
   * @return the complete statements and the incomplete rest
   */
  public static Result split(String text, int firstLine) {
    return new Splitting(text, firstLine).run();
  }

  /**
   * For the interactive prompt: whether to run the buffer now or ask for another line.
   *
   * @return true when the text ends with a complete statement or holds none (blank, comments)
   */
  public static boolean isComplete(String text) {
    return split(text).isComplete();
  }

  /** The state of one split: the statement being collected and where the last one ended. */
  private static final class Splitting {
    private final String text;
    private final int lineOffset;
    private final List<Token> tokens;
    private final List<Statement> statements = new ArrayList<>();
    private int consumed;
    private Token first;
    private Token last;
    private Token beforeLast;
    private int count;
    private boolean endsWithLine;
    private boolean maybeBatch;
    private boolean batch;

    Splitting(String text, int firstLine) {
      this.text = Objects.requireNonNull(text, "text");
      this.lineOffset = firstLine - 1;
      this.tokens = ScriptScanner.scan(text);
    }

    Result run() {
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        switch (token.kind()) {
          case COMMENT -> {}
          case NEWLINE -> {
            if (first != null && endsWithLine && !continues(nextSignificant(i))) {
              finish(token);
            }
          }
          case SEMICOLON -> {
            if (first == null) {
              consumed = token.end();
            } else if (batch && !(is(beforeLast, "apply") && is(last, "batch"))) {
              add(token);
            } else {
              finish(token);
            }
          }
          default -> add(token);
        }
      }
      Token end = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
      boolean open = end != null && !end.terminated();
      if (first != null && endsWithLine && !open && !continues(null)) {
        finish(null);
      }
      if (first == null && !open) {
        consumed = text.length();
      }
      return new Result(statements, text.substring(consumed));
    }

    private void add(Token token) {
      if (first == null) {
        first = token;
        String word = token.text(text).toLowerCase(Locale.ROOT);
        endsWithLine = token.kind() != Kind.QUOTED && ENDING_WITH_NEWLINE.contains(word);
      }
      if (!batch) {
        trackBatchStart(token);
      }
      count++;
      beforeLast = last;
      last = token;
    }

    /** BEGIN [UNLOGGED | COUNTER] BATCH: the first two or three tokens of a statement. */
    private void trackBatchStart(Token token) {
      String word = token.kind() == Kind.WORD ? token.text(text).toLowerCase(Locale.ROOT) : "";
      switch (count) {
        case 0 -> maybeBatch = word.equals("begin");
        case 1 -> {
          if (word.equals("batch")) {
            batch = maybeBatch;
          } else {
            maybeBatch &= word.equals("unlogged") || word.equals("counter");
          }
        }
        case 2 -> batch = maybeBatch && word.equals("batch");
        default -> {}
      }
    }

    /** Whether a newline-ended command goes on past the end of its line. */
    private boolean continues(Token next) {
      return is(last, "with")
          || is(last, "and")
          || last.text(text).equals("=")
          || (next != null
              && next.kind() == Kind.WORD
              && CONTINUING_WORDS.contains(next.text(text).toLowerCase(Locale.ROOT)));
    }

    private Token nextSignificant(int index) {
      for (int i = index + 1; i < tokens.size(); i++) {
        Kind kind = tokens.get(i).kind();
        if (kind != Kind.NEWLINE && kind != Kind.COMMENT) {
          return tokens.get(i);
        }
      }
      return null;
    }

    /** Ends the current statement at {@code terminator} (null: the end of the text). */
    private void finish(Token terminator) {
      statements.add(
          new Statement(text.substring(first.start(), last.end()), lineOffset + first.line()));
      consumed = terminator == null ? text.length() : terminator.end();
      first = null;
      last = null;
      beforeLast = null;
      count = 0;
      endsWithLine = false;
      maybeBatch = false;
      batch = false;
    }

    private boolean is(Token token, String word) {
      return token != null && token.kind() == Kind.WORD && token.text(text).equalsIgnoreCase(word);
    }
  }
}
