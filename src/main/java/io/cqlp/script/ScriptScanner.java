package io.cqlp.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts CQL script text into the few kinds of tokens that statement splitting needs. It knows CQL's
 * quoting and comments, nothing of its grammar: 'strings' (a quote inside is doubled),
 * "identifiers" (same), $$ bodies $$ (nothing escaped), {@code --} and {@code //} comments to the
 * end of the line and non-nested block comments. Newlines outside those are tokens of their own;
 * other whitespace is dropped.
 */
final class ScriptScanner {
  enum Kind {
    WORD,
    QUOTED,
    SEMICOLON,
    SYMBOL,
    COMMENT,
    NEWLINE
  }

  /**
   * @param start offset of the first character
   * @param end offset after the last character
   * @param line 1-based line of the first character
   * @param terminated false for a quote or block comment still open at the end of the text
   */
  record Token(Kind kind, int start, int end, int line, boolean terminated) {
    String text(String input) {
      return input.substring(start, end);
    }
  }

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int position;
  private int line = 1;

  private ScriptScanner(String text) {
    this.text = text;
  }

  static List<Token> scan(String text) {
    ScriptScanner scanner = new ScriptScanner(text);
    scanner.run();
    return scanner.tokens;
  }

  private void run() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '\n') {
        add(Kind.NEWLINE, position + 1, true);
      } else if (Character.isWhitespace(c)) {
        position++;
      } else if (startsWith("--") || startsWith("//")) {
        int end = text.indexOf('\n', position);
        add(Kind.COMMENT, end < 0 ? text.length() : end, true);
      } else if (startsWith("/*")) {
        closedBy("*/", Kind.COMMENT, 2);
      } else if (startsWith("$$")) {
        closedBy("$$", Kind.QUOTED, 2);
      } else if (c == '\'' || c == '"') {
        quoted(c);
      } else if (c == ';') {
        add(Kind.SEMICOLON, position + 1, true);
      } else if (isWordPart(c)) {
        int end = position;
        while (end < text.length() && isWordPart(text.charAt(end))) {
          end++;
        }
        add(Kind.WORD, end, true);
      } else {
        add(Kind.SYMBOL, position + 1, true);
      }
    }
  }

  private void closedBy(String close, Kind kind, int openLength) {
    int found = text.indexOf(close, position + openLength);
    boolean terminated = found >= 0;
    add(kind, terminated ? found + close.length() : text.length(), terminated);
  }

  /** 'it''s' or "My""Name": a doubled quote stays inside. */
  private void quoted(char quote) {
    int i = position + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        add(Kind.QUOTED, i + 1, true);
        return;
      }
      i++;
    }
    add(Kind.QUOTED, text.length(), false);
  }

  private void add(Kind kind, int end, boolean terminated) {
    tokens.add(new Token(kind, position, end, line, terminated));
    for (int i = position; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    position = end;
  }

  private boolean startsWith(String prefix) {
    return text.startsWith(prefix, position);
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
