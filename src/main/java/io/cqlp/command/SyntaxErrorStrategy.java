package io.cqlp.command;

import io.cqlp.command.grammar.CqlpShellLexer;
import io.cqlp.command.grammar.CqlpShellParser;
import java.util.LinkedHashSet;
import java.util.Set;
import org.antlr.v4.runtime.ANTLRErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first syntax error, without any recovery, and reports it in Trino's format: {@code
 * mismatched input 'X'. Expecting: 'TO', 'FROM'}.
 *
 * <p>The expected list is as complete as the grammar allows: when the parser skipped optional
 * elements before the bad token (an optional column list, an optional WITH), the state before the
 * first skipped element is remembered, so those elements are listed too. Tokens are listed in
 * grammar order with {@code <EOF>} last; identifiers, strings and numbers are shown as {@code
 * <identifier>}, {@code <string>} and {@code <number>}, keywords are folded into {@code
 * <identifier>} where an identifier is expected, and the raw text of WHERE or of a query is {@code
 * <expression>} (with {@code ')'} inside a query). {@code ;} is never listed: statements come
 * without it.
 *
 * <p>One instance per parse (it keeps state); the message goes to the parser's error listeners,
 * which are expected to throw ({@link ThrowingErrorListener}).
 */
final class SyntaxErrorStrategy implements ANTLRErrorStrategy {
  private ParserRuleContext skippedContext;
  private int skippedState = ATNState.INVALID_STATE_NUMBER;

  @Override
  public void reset(Parser recognizer) {
    forgetSkipped();
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    throw fail(recognizer, recognizer.getCurrentToken(), new InputMismatchException(recognizer));
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    throw fail(recognizer, e.getOffendingToken(), e);
  }

  @Override
  public void sync(Parser recognizer) {
    ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
    IntervalSet next = recognizer.getATN().nextTokens(state);
    if (next.contains(recognizer.getInputStream().LA(1))) {
      return;
    }
    if (next.contains(Token.EPSILON)) {
      if (skippedContext == null) {
        skippedContext = recognizer.getContext();
        skippedState = recognizer.getState();
      }
      return;
    }
    switch (state.getStateType()) {
      case ATNState.BLOCK_START,
          ATNState.STAR_BLOCK_START,
          ATNState.PLUS_BLOCK_START,
          ATNState.STAR_LOOP_ENTRY,
          ATNState.PLUS_LOOP_BACK,
          ATNState.STAR_LOOP_BACK ->
          throw fail(recognizer, recognizer.getCurrentToken(), null);
      default -> {
        // Not a decision: the next match() reports the error.
      }
    }
  }

  @Override
  public boolean inErrorRecoveryMode(Parser recognizer) {
    return false;
  }

  @Override
  public void reportMatch(Parser recognizer) {
    forgetSkipped();
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    throw fail(recognizer, e.getOffendingToken(), e);
  }

  private void forgetSkipped() {
    skippedContext = null;
    skippedState = ATNState.INVALID_STATE_NUMBER;
  }

  private RuntimeException fail(Parser recognizer, Token offending, RecognitionException e) {
    IntervalSet expected;
    if (skippedContext != null) {
      expected = recognizer.getATN().getExpectedTokens(skippedState, skippedContext);
    } else if (e != null && e.getOffendingState() >= 0) {
      expected = e.getExpectedTokens();
    } else {
      expected = recognizer.getExpectedTokens();
    }
    ParserRuleContext context = skippedContext != null ? skippedContext : recognizer.getContext();
    boolean inWhere = context != null && context.getRuleIndex() == CqlpShellParser.RULE_whereText;
    String list = describe(expected, inWhere);
    String message =
        "mismatched input '"
            + display(offending)
            + "'"
            + (list.isEmpty() ? "" : ". Expecting: " + list);
    recognizer.notifyErrorListeners(offending, message, e);
    return new ParseCancellationException(message);
  }

  private static String display(Token token) {
    if (token.getType() == Token.EOF) {
      return "<EOF>";
    }
    return token.getText().replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static String describe(IntervalSet expected, boolean inWhere) {
    boolean rawText = expected.contains(CqlpShellLexer.OTHER);
    boolean identifier = expected.contains(CqlpShellLexer.IDENTIFIER);
    Set<String> names = new LinkedHashSet<>();
    for (int type : expected.toArray()) {
      if (type == Token.EOF || type == CqlpShellLexer.SEMI) {
        continue;
      }
      if (rawText) {
        if (type == CqlpShellLexer.RPAREN && !inWhere) {
          names.add("')'");
        }
        continue;
      }
      if (identifier && type >= CqlpShellLexer.COPY && type <= CqlpShellLexer.AGAINST) {
        continue;
      }
      names.add(name(type));
    }
    if (rawText) {
      names.add("<expression>");
    }
    if (expected.contains(Token.EOF)) {
      names.add("<EOF>");
    }
    return String.join(", ", names);
  }

  private static String name(int type) {
    return switch (type) {
      case CqlpShellLexer.IDENTIFIER, CqlpShellLexer.QUOTED_IDENTIFIER -> "<identifier>";
      case CqlpShellLexer.STRING, CqlpShellLexer.DOLLAR_STRING -> "<string>";
      case CqlpShellLexer.NUMBER, CqlpShellLexer.NUMBER_WITH_UNIT -> "<number>";
      default -> {
        String literal = CqlpShellLexer.VOCABULARY.getLiteralName(type);
        yield literal != null ? literal : CqlpShellLexer.VOCABULARY.getSymbolicName(type);
      }
    };
  }
}
