package io.cqlp.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells jline to keep reading lines while the statement typed so far is incomplete (no closing
 * {@code ;}, an open quote, comment or batch), as cqlsh does. For completion, words end at CQL's
 * punctuation too ({@code , ( ) = < > ;}), so {@code (id,na} completes {@code na}.
 */
public final class StatementParser extends DefaultParser {
  private static final String PUNCTUATION = ",()=<>;";

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !Console.complete(line)) {
      throw new EOFError(-1, cursor, "statement continues");
    }
    return super.parse(line, cursor, context);
  }

  @Override
  public boolean isDelimiterChar(CharSequence buffer, int pos) {
    return super.isDelimiterChar(buffer, pos) || PUNCTUATION.indexOf(buffer.charAt(pos)) >= 0;
  }
}
