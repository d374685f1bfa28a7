package io.cqlp.command;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns the first error of the lexer or the parser into a {@link ParsingException}, so nothing is
 * ever printed to stderr and no error recovery guesses at what the user meant.
 *
 * <p>Parser messages come ready-made from {@link SyntaxErrorStrategy}; lexer errors (the only
 * characters the lexer cannot match are an unterminated quote or a lone {@code $}) get a message
 * that says which closing quote is missing.
 */
final class ThrowingErrorListener extends BaseErrorListener {
  static final ThrowingErrorListener INSTANCE = new ThrowingErrorListener();

  private ThrowingErrorListener() {}

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String message,
      RecognitionException e) {
    String text =
        e instanceof LexerNoViableAltException lexerError ? lexerMessage(lexerError) : message;
    throw new ParsingException(text, line, charPositionInLine + 1);
  }

  private static String lexerMessage(LexerNoViableAltException e) {
    CharStream input = e.getInputStream();
    int start = e.getStartIndex();
    String head = input.getText(Interval.of(start, Math.min(start + 1, input.size() - 1)));
    if (head.startsWith("'")) {
      return "unterminated string: the closing ' is missing (write '' for a quote inside)";
    }
    if (head.startsWith("\"")) {
      return "unterminated quoted identifier: the closing \" is missing";
    }
    if (head.equals("$$")) {
      return "unterminated $$ string: the closing $$ is missing";
    }
    return "unexpected character '" + head.charAt(0) + "'";
  }
}
