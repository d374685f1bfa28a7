package io.cqlp.transfer.dataset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The Hive escaping of names and values in partition directory names ({@code key=value}).
 *
 * <p>{@link #escape} follows Hive's {@code FileUtils.escapePathName} (on a POSIX file system):
 * each of these characters becomes {@code %XX}, two upper-case hex digits of its code:
 * the control characters U+0000 to U+001F and U+007F, and {@code " # % ' * / : = ? \ { [ ] ^}.
 * Every other character, spaces and non-ASCII letters included, is kept as is (Hive and Spark
 * do the same; DuckDB reads such names back). So a value can never split a directory level
 * ({@code /}), never be mistaken for the {@code =} between key and value, and never start an
 * escape of its own ({@code %}). A value of {@code .} or {@code ..} needs no escaping: every
 * level is written as {@code key=value}, so no level is ever {@code .} or {@code ..}.
 *
 * <p>{@link #unescape} reads what Hive, Spark and DuckDB write: each run of {@code %XX}
 * sequences is decoded as UTF-8 bytes (DuckDB escapes {@code ü} as {@code %C3%BC}); a run that
 * is not valid UTF-8 is decoded byte by byte as Hive does, and a {@code %} not followed by two
 * hex digits is kept. Stateless and thread-safe.
 */
public final class HiveEscaping {

  /** The directory value that stands for NULL, as Hive, Spark and DuckDB name it. */
  public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private static final String SPECIAL = "\"#%'*/:=?\\{[]^";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HiveEscaping() {}

  /** Whether Hive escapes this character in a path name. */
  static boolean needsEscaping(char c) {
    return c < 0x20 || c == 0x7F || SPECIAL.indexOf(c) >= 0;
  }

  /**
   * Escapes a partition key or value for a directory name.
   *
   * @param text any text; not null
   * @return the text with each character Hive escapes written as {@code %XX}
   */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (needsEscaping(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Reverses {@link #escape}, and the percent-encoding of other writers.
   *
   * @param text a key or value as found in a directory name; not null
   * @return the decoded text (see the class comment for the rules)
   */
  public static String unescape(String text) {
    int first = text.indexOf('%');
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    int i = first;
    while (i < text.length()) {
      char c = text.charAt(i);
      int hi = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (lo >= 0) {
        run.write(hi << 4 | lo);
        i += 3;
        continue;
      }
      flush(run, out);
      out.append(c);
      i++;
    }
    flush(run, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream run, StringBuilder out) {
    if (run.size() == 0) {
      return;
    }
    byte[] bytes = run.toByteArray();
    run.reset();
    try {
      out.append(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes)));
    } catch (CharacterCodingException e) {
      for (byte b : bytes) {
        out.append((char) (b & 0xFF));
      }
    }
  }
}
