package io.cqlp.command;

import io.cqlp.command.grammar.CqlpShellLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Parses cqlsh's informational shell commands, whose forms are a few words each: {@code
 * DESCRIBE}/{@code DESC}, {@code SHOW}, {@code LOGIN}, {@code HISTORY}, {@code CLEAR}/{@code CLS}.
 * The forms follow cqlsh's grammar ({@code cqlshlib/cqlshhandling.py}); keywords are
 * case-insensitive and read by their text, so these words stay usable as names in CQL.
 *
 * <p>{@code DESCRIBE FILE 'path'} is left to the CqlpShell grammar. Stateless.
 */
final class MetaCommands {
  private static final Set<String> FIRST_WORDS =
      Set.of("DESCRIBE", "DESC", "SHOW", "LOGIN", "HISTORY", "CLEAR", "CLS");
  private static final Set<String> NAME_LISTS =
      Set.of("TABLES", "COLUMNFAMILIES", "TYPES", "FUNCTIONS", "AGGREGATES");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private MetaCommands() {}

  /**
   * @param statement one statement, a final {@code ;} allowed
   * @return the command, or {@code null} when the statement is none of these commands
   * @throws ParsingException when it is one of them but does not follow its form
   */
  static Command parse(String statement) {
    List<Token> tokens = tokens(statement, false);
    if (tokens.isEmpty() || !FIRST_WORDS.contains(upper(tokens.get(0)))) {
      return null;
    }
    String first = upper(tokens.get(0));
    if (first.equals("DESCRIBE") || first.equals("DESC")) {
      return describe(statement, tokens);
    }
    tokens = tokens(statement, true);
    return switch (first) {
      case "SHOW" -> show(statement, tokens);
      case "LOGIN" -> login(tokens);
      case "HISTORY" -> history(tokens);
      default -> {
        expectEnd(tokens, 1, first + " takes nothing after it");
        yield new Clear();
      }
    };
  }

  private static Command describe(String statement, List<Token> tokens) {
    if (tokens.size() < 2) {
      throw error(
          tokens.get(0),
          "DESCRIBE needs what to describe: KEYSPACES, KEYSPACE [ks], TABLES, TABLE t, TYPES, TYPE"
              + " t, FUNCTIONS, AGGREGATES, INDEX i, MATERIALIZED VIEW v, SCHEMA, FULL SCHEMA,"
              + " CLUSTER or a name");
    }
    String what = upper(tokens.get(1));
    if (what.equals("FILE")
        && tokens.size() > 2
        && tokens.get(2).getType() == CqlpShellLexer.STRING) {
      return null;
    }
    Describe.Kind kind =
        what.equals("KEYSPACES")
            ? Describe.Kind.KEYSPACES
            : NAME_LISTS.contains(what)
                ? Describe.Kind.NAMES
                : what.equals("CLUSTER") ? Describe.Kind.CLUSTER : Describe.Kind.ELEMENT;
    Token last = tokens.get(tokens.size() - 1);
    return new Describe(
        kind, statement.substring(tokens.get(0).getStartIndex(), last.getStopIndex() + 1));
  }

  private static Command show(String statement, List<Token> tokens) {
    String usage = "expected SHOW VERSION, SHOW HOST or SHOW SESSION <tracing session id>";
    if (tokens.size() < 2) {
      throw error(tokens.get(0), usage);
    }
    switch (upper(tokens.get(1))) {
      case "VERSION" -> {
        expectEnd(tokens, 2, "SHOW VERSION takes nothing after it");
        return new Show(Show.What.VERSION, null);
      }
      case "HOST" -> {
        expectEnd(tokens, 2, "SHOW HOST takes nothing after it");
        return new Show(Show.What.HOST, null);
      }
      case "SESSION" -> {
        if (tokens.size() < 3) {
          throw error(
              tokens.get(1),
              "SHOW SESSION needs a tracing session id,"
                  + " e.g. SHOW SESSION 4f0fd5b0-9c58-11ee-a6c5-3b1e8d2d2d77");
        }
        String id =
            statement.substring(
                tokens.get(2).getStartIndex(), tokens.get(tokens.size() - 1).getStopIndex() + 1);
        if (!UUID_TEXT.matcher(id).matches()) {
          throw error(
              tokens.get(2),
              "'"
                  + id
                  + "' is not a tracing session id: expected a UUID"
                  + " such as 4f0fd5b0-9c58-11ee-a6c5-3b1e8d2d2d77");
        }
        return new Show(Show.What.SESSION, UUID.fromString(id));
      }
      default -> throw error(tokens.get(1), usage);
    }
  }

  private static Command login(List<Token> tokens) {
    if (tokens.size() < 2 || !isName(tokens.get(1))) {
      throw error(
          tokens.get(tokens.size() < 2 ? 0 : 1),
          "LOGIN needs a user name and optionally a quoted password: LOGIN user ['password']");
    }
    String user = unquote(tokens.get(1));
    String password = null;
    if (tokens.size() > 2) {
      Token p = tokens.get(2);
      if (p.getType() != CqlpShellLexer.STRING && p.getType() != CqlpShellLexer.DOLLAR_STRING) {
        throw error(p, "the password must be quoted: LOGIN user 'password'");
      }
      password = unquote(p);
      expectEnd(tokens, 3, "LOGIN takes a user and a password only");
    }
    return new Login(user, password);
  }

  private static Command history(List<Token> tokens) {
    if (tokens.size() == 1) {
      return new History(null);
    }
    Token n = tokens.get(1);
    expectEnd(tokens, 2, "HISTORY takes one number at most");
    try {
      int count = Integer.parseInt(n.getText());
      if (count > 0) {
        return new History(count);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        n,
        "invalid history length '"
            + n.getText()
            + "': expected a positive whole number, e.g. HISTORY 20");
  }

  private static boolean isName(Token token) {
    int type = token.getType();
    return type == CqlpShellLexer.STRING
        || type == CqlpShellLexer.QUOTED_IDENTIFIER
        || WORD.matcher(token.getText()).matches();
  }

  private static void expectEnd(List<Token> tokens, int from, String message) {
    if (tokens.size() > from) {
      throw error(tokens.get(from), "unexpected '" + tokens.get(from).getText() + "': " + message);
    }
  }

  /** The statement's tokens without comments and without a final {@code ;}. */
  private static List<Token> tokens(String statement, boolean strict) {
    CqlpShellLexer lexer = new CqlpShellLexer(CharStreams.fromString(statement));
    lexer.removeErrorListeners();
    if (strict) {
      lexer.addErrorListener(ThrowingErrorListener.INSTANCE);
    }
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      tokens.add(t);
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).getType() == CqlpShellLexer.SEMI) {
      tokens.remove(tokens.size() - 1);
    }
    return tokens;
  }

  private static String unquote(Token token) {
    String text = token.getText();
    if (text.startsWith("$$")) {
      return text.substring(2, text.length() - 2);
    }
    if (text.startsWith("'") || text.startsWith("\"")) {
      String quote = text.substring(0, 1);
      return text.substring(1, text.length() - 1).replace(quote + quote, quote);
    }
    return text;
  }

  private static String upper(Token token) {
    return token.getText().toUpperCase(Locale.ROOT);
  }

  private static ParsingException error(Token token, String message) {
    return new ParsingException(message, token.getLine(), token.getCharPositionInLine() + 1);
  }
}
