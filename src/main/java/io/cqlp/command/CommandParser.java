package io.cqlp.command;

import io.cqlp.command.grammar.CqlpShellLexer;
import io.cqlp.command.grammar.CqlpShellParser;
import java.util.Objects;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Parses one statement (as split by {@code io.cqlp.script.StatementSplitter}, without its final
 * {@code ;}) into a {@link Command}.
 *
 * <p>The first word decides: COPY, CAPTURE, VERIFY, USE, CONSISTENCY, SERIAL, PAGING, EXPAND,
 * TRACING, SOURCE, HELP, ?, EXIT and QUIT (case-insensitive, after any comments), and DESCRIBE
 * FILE, DESC FILE, SHOW FILE, SHOW UPLOADS and ABORT UPLOADS (the first two words), are shell
 * commands, parsed with the CqlpShell grammar ({@code grammar/CqlpShell.g4}); the other
 * DESCRIBE/DESC forms, SHOW, LOGIN, HISTORY and CLEAR/CLS are read by {@link MetaCommands};
 * anything else is returned as a {@link CqlStatement} for Cassandra, never parsed here.
 * Thread-safe: no shared state.
 */
public final class CommandParser {
  private static final Set<Integer> SHELL_COMMANDS =
      Set.of(
          CqlpShellLexer.COPY,
          CqlpShellLexer.CAPTURE,
          CqlpShellLexer.USE,
          CqlpShellLexer.CONSISTENCY,
          CqlpShellLexer.SERIAL,
          CqlpShellLexer.PAGING,
          CqlpShellLexer.EXPAND,
          CqlpShellLexer.TRACING,
          CqlpShellLexer.SOURCE,
          CqlpShellLexer.HELP,
          CqlpShellLexer.QUESTION,
          CqlpShellLexer.EXIT,
          CqlpShellLexer.QUIT,
          CqlpShellLexer.VERIFY);

  private CommandParser() {}

  /**
   * @param statement one statement; a final {@code ;} is allowed but not needed
   * @return the shell command, or a {@link CqlStatement} holding the statement without surrounding
   *     whitespace
   * @throws ParsingException when a shell command does not follow its syntax, or when the statement
   *     is empty (only whitespace and comments), or nested too deeply to parse (thousands of
   *     parentheses); line and column are 1-based in {@code statement}
   */
  public static Command parse(String statement) {
    Objects.requireNonNull(statement, "statement");
    int first = firstTokenType(statement);
    if (first == Token.EOF) {
      throw new ParsingException("empty statement: type a shell command or a CQL statement", 1, 1);
    }
    boolean file = namesFile(statement);
    Command meta = file ? null : MetaCommands.parse(statement);
    if (meta != null) {
      return meta;
    }
    if (!SHELL_COMMANDS.contains(first) && !file) {
      return new CqlStatement(statement.strip());
    }
    CharStream input = CharStreams.fromString(statement);
    CqlpShellLexer lexer = new CqlpShellLexer(input);
    lexer.removeErrorListeners();
    lexer.addErrorListener(ThrowingErrorListener.INSTANCE);
    CqlpShellParser parser = new CqlpShellParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(ThrowingErrorListener.INSTANCE);
    parser.setErrorHandler(new SyntaxErrorStrategy());
    try {
      return new CommandBuilder(input).build(parser.command());
    } catch (StackOverflowError e) {
      // ANTLR parses nested parentheses by recursion: a thread's stack holds a few thousand.
      throw new ParsingException(
          "statement nested too deeply (parentheses, brackets or braces)", 1, 1);
    }
  }

  /**
   * Whether the statement is DESCRIBE FILE, DESC FILE or SHOW FILE (cqlp's file inspection), or
   * SHOW UPLOADS or ABORT UPLOADS (an object store's pending uploads); other DESCRIBE and SHOW
   * statements are not decided here.
   */
  private static boolean namesFile(String statement) {
    CqlpShellLexer lexer = new CqlpShellLexer(CharStreams.fromString(statement));
    lexer.removeErrorListeners();
    int first = lexer.nextToken().getType();
    boolean inspects =
        first == CqlpShellLexer.DESCRIBE
            || first == CqlpShellLexer.DESC
            || first == CqlpShellLexer.SHOW;
    int second = lexer.nextToken().getType();
    return (inspects && second == CqlpShellLexer.FILE)
        || ((first == CqlpShellLexer.SHOW || first == CqlpShellLexer.ABORT)
            && second == CqlpShellLexer.UPLOADS);
  }

  /** The type of the first token after whitespace and comments; CQL text never fails here. */
  private static int firstTokenType(String statement) {
    CqlpShellLexer lexer = new CqlpShellLexer(CharStreams.fromString(statement));
    lexer.removeErrorListeners();
    return lexer.nextToken().getType();
  }
}
