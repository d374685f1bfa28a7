package io.cqlp.repl.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of the statement being typed, as completion needs them: words (keywords and
 * identifiers, dotted names kept whole: {@code ks.table}), string literals (shown as {@code '}),
 * double-quoted identifiers, and single punctuation characters. Comments are skipped; a {@code ;}
 * starts a new statement, so only the tokens after the last one are kept.
 */
final class StatementTokens {
  private final List<String> tokens;

  private StatementTokens(List<String> tokens) {
    this.tokens = tokens;
  }

  /**
   * Tokenizes {@code text} (the buffer up to the word being completed).
   *
   * @param text CQL text, possibly several statements and lines; not null
   * @return the tokens of the last statement in {@code text}
   */
  static StatementTokens of(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-'
          || c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < n) {
          if (text.charAt(j) == c) {
            if (j + 1 < n && text.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        tokens.add(c == '\'' ? "'" : text.substring(i, Math.min(n, j + 1)));
        i = j + 1;
      } else if (isWordChar(c)) {
        int j = i;
        while (j < n
            && (isWordChar(text.charAt(j)) || text.charAt(j) == '.' || text.charAt(j) == '"')) {
          j++;
        }
        tokens.add(text.substring(i, j));
        i = j;
      } else if (c == ';') {
        tokens.clear();
        i++;
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return new StatementTokens(tokens);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '*';
  }

  /** Number of tokens. */
  int size() {
    return tokens.size();
  }

  /** The token at {@code index} as typed, or {@code ""} when out of range. */
  String raw(int index) {
    return index >= 0 && index < tokens.size() ? tokens.get(index) : "";
  }

  /** The token at {@code index} upper-cased (keywords compare this way), or {@code ""}. */
  String upper(int index) {
    return raw(index).toUpperCase(Locale.ROOT);
  }

  /** The token {@code back} places from the end ({@code 1} = the last one), upper-cased. */
  String last(int back) {
    return upper(tokens.size() - back);
  }

  /** The statement's first word, upper-cased, or {@code ""}. */
  String first() {
    return upper(0);
  }

  /** Whether a token equals {@code keyword} (case-insensitive). */
  boolean contains(String keyword) {
    return indexOf(keyword) >= 0;
  }

  /** Index of the first token equal to {@code keyword} (case-insensitive), or -1. */
  int indexOf(String keyword) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equalsIgnoreCase(keyword)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the token at {@code index} is a name (identifier) rather than punctuation or a literal.
   */
  boolean isName(int index) {
    String t = raw(index);
    return !t.isEmpty()
        && (t.charAt(0) == '"' || Character.isLetter(t.charAt(0)) || t.charAt(0) == '_');
  }
}
