package io.cqlp.command;

import io.cqlp.command.grammar.CqlpShellLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.Vocabulary;

/**
 * Generates hostile shell input from a seeded {@link Random}: random tokens of the grammar's
 * vocabulary, and valid statements with tokens deleted, duplicated or swapped, random characters
 * (control characters, lone surrogates) inserted, quotes, parentheses or comments left open, huge
 * numbers and very long identifiers. The same seed gives the same inputs.
 */
public final class HostileInput {
  private HostileInput() {}

  /** Valid statements of every shell command, the material of the mutations. */
  public static final List<String> VALID =
      List.of(
          "COPY users TO 'users.parquet'",
          "COPY ks.users (id, name, email) TO '/tmp/u.parquet' WITH FORMAT='PARQUET' AND"
              + " COMPRESSION='ZSTD'",
          "COPY t TO 'f.parquet' WITH FORMAT='PARQUET' AND PARTITION='year,month,day'",
          "COPY users (id, name, email) FROM '/path/to/users.parquet' WITH FORMAT='PARQUET'",
          "COPY users FROM 'users.parquet' WITH SKIPROWS=1 AND MAXROWS=5000",
          "COPY events FROM '/data/events/' WITH PARTITION_FILTER='year=2024,month=01'",
          "COPY t TO 'f' WITH CHUNKSIZE=50000 AND MAX_FILE_SIZE=500MB AND FORMAT=parquet",
          "COPY u TO 'u.csv' WHERE status = 'act;ive' AND age > -1 AND token(id) > 5",
          "COPY (SELECT id, name FROM ks.users WHERE id IN (1, 2)) TO 's.parquet'",
          "copy (select count(*) from t) to stdout",
          "COPY ks.t FROM STDIN",
          "COPY t TO $$/tmp/a'b.csv$$",
          "COPY t TO 'it''s here.csv' WITH MAXATTEMPTS=3 AND RESUME=true",
          "copy \"KS\".\"Users\" (\"ID\") to 'x.parquet'",
          "CAPTURE 'out.txt'",
          "CAPTURE json '/tmp/r.json'",
          "CAPTURE PARQUET '/data/sized/' WITH MAX_FILE_SIZE='500MB' AND PARTITION='date'",
          "CAPTURE OFF",
          "CAPTURE",
          "USE ks",
          "USE \"MyKs\"",
          "CONSISTENCY LOCAL_QUORUM",
          "SERIAL CONSISTENCY SERIAL",
          "PAGING 100",
          "PAGING OFF",
          "EXPAND ON",
          "TRACING OFF",
          "SOURCE '/tmp/x.cql'",
          "HELP COPY",
          "? CONSISTENCY",
          "EXIT",
          "QUIT",
          "SELECT * FROM ks.t WHERE id = 1");

  static final String[] PUNCTUATION = {
    "(", ")", ",", ".", "=", "'", "\"", "$$", ";", "*", "-", "/", "--", "/*", "*/", "\\"
  };

  /** The grammar's keywords and literal tokens, e.g. COPY, WITH, '('. */
  public static List<String> vocabulary() {
    Vocabulary v = CqlpShellLexer.VOCABULARY;
    List<String> words = new ArrayList<>();
    for (int t = 1; t <= v.getMaxTokenType(); t++) {
      String literal = v.getLiteralName(t);
      if (literal != null) {
        words.add(literal.substring(1, literal.length() - 1));
      } else if (v.getSymbolicName(t) != null
          && v.getSymbolicName(t).chars().allMatch(Character::isUpperCase)) {
        words.add(v.getSymbolicName(t));
      }
    }
    return words;
  }

  /** Input number {@code index}: one of several kinds of hostile text. */
  public static String generate(Random random, List<String> vocabulary, int index) {
    String base = VALID.get(random.nextInt(VALID.size()));
    return switch (index % 8) {
      case 0 -> randomTokens(random, vocabulary);
      case 1 -> deleteToken(random, base);
      case 2 -> duplicateToken(random, base);
      case 3 -> swapTokens(random, base);
      case 4 -> randomBytes(random, base);
      case 5 -> unbalance(random, base);
      case 6 -> hugeNumber(random, base);
      default -> longIdentifier(random, base);
    };
  }

  private static String randomTokens(Random random, List<String> vocabulary) {
    StringBuilder text = new StringBuilder(random.nextBoolean() ? "COPY " : "");
    int n = 1 + random.nextInt(15);
    for (int i = 0; i < n; i++) {
      int pick = random.nextInt(10);
      text.append(
              pick < 7
                  ? vocabulary.get(random.nextInt(vocabulary.size()))
                  : pick < 9
                      ? PUNCTUATION[random.nextInt(PUNCTUATION.length)]
                      : "'" + Integer.toHexString(random.nextInt()) + "'")
          .append(random.nextInt(4) == 0 ? "" : " ");
    }
    return text.toString();
  }

  private static List<String> tokens(String statement) {
    return new ArrayList<>(List.of(statement.split("(?<=[ (),=])|(?=[ (),=])")));
  }

  private static String deleteToken(Random random, String base) {
    List<String> t = tokens(base);
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n && t.size() > 1; i++) {
      t.remove(random.nextInt(t.size()));
    }
    return String.join("", t);
  }

  private static String duplicateToken(Random random, String base) {
    List<String> t = tokens(base);
    int at = random.nextInt(t.size());
    t.add(at, t.get(at));
    return String.join("", t);
  }

  private static String swapTokens(Random random, String base) {
    List<String> t = tokens(base);
    int a = random.nextInt(t.size());
    int b = random.nextInt(t.size());
    String x = t.get(a);
    t.set(a, t.get(b));
    t.set(b, x);
    return String.join("", t);
  }

  private static String randomBytes(Random random, String base) {
    StringBuilder text = new StringBuilder(base);
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(5) == 0 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x250);
      text.insert(random.nextInt(text.length() + 1), (char) c);
    }
    return text.toString();
  }

  private static String unbalance(Random random, String base) {
    String[] opens = {"(", ")", "'", "\"", "$$", "/*", "(("};
    if (random.nextInt(40) == 0) {
      int depth = 1_000 + random.nextInt(12_000);
      return "COPY (SELECT f("
          + "(".repeat(depth)
          + "1"
          + ")".repeat(random.nextInt(depth + 1))
          + ") FROM t) TO STDOUT";
    }
    StringBuilder text = new StringBuilder(base);
    text.insert(random.nextInt(text.length() + 1), opens[random.nextInt(opens.length)]);
    return text.toString();
  }

  private static String hugeNumber(Random random, String base) {
    String number =
        random.nextBoolean() ? "9".repeat(20 + random.nextInt(400)) : "-" + Long.MAX_VALUE + "0";
    String[] options = {
      "MAXATTEMPTS", "CHUNKSIZE", "PAGESIZE", "MAX_FILE_SIZE", "MAXROWS", "SKIPROWS"
    };
    return switch (random.nextInt(3)) {
      case 0 -> "PAGING " + number;
      case 1 ->
          "COPY t TO 'x.parquet' WITH " + options[random.nextInt(options.length)] + "=" + number;
      default -> base.replaceAll("\\d+", number);
    };
  }

  private static String longIdentifier(Random random, String base) {
    String id = "k".repeat(500 + random.nextInt(8_000));
    return switch (random.nextInt(3)) {
      case 0 -> "COPY " + id + "." + id + " (" + id + ") TO '" + id + "'";
      case 1 -> "USE " + (random.nextBoolean() ? "\"" + id + "\"" : id);
      default -> base.replace("users", id).replace("t ", id + " ");
    };
  }
}
