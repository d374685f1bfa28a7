package io.cqlp.rows;

import io.cqlp.format.parquet.read.RowGroupPruning;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlScalar;
import io.cqlp.types.CqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WHERE of {@code COPY 'file' TO ... WHERE ...}: comparisons of a column with a literal, joined
 * by AND ({@code origin = 'LAS' AND delay > 30 AND date < '2001-02-01'}), tested on each row read
 * (row groups that cannot hold a match are skipped by {@link RowGroupPruning}).
 *
 * <p>A column is named as in CQL: unquoted (matched exactly, else ignoring case when that finds one
 * column) or double-quoted (exactly). The operators are {@code =}, {@code <}, {@code >}, {@code
 * <=}, {@code >=}; the ordering ones only for numbers, text, timestamp, date and time. A literal is
 * written as in CQL: numbers and booleans bare, the rest between single quotes ({@code ''} for a
 * quote), read as the column's type ({@link CqlText}). A NULL value matches no comparison, as in
 * SQL. Stateless once built.
 */
public final class RowFilter {
  private static final Pattern CONDITION =
      Pattern.compile(
          "\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_]*)\\s*(<=|>=|=|<|>)\\s*(.+?)\\s*");
  private static final Set<CqlScalar> UNORDERED =
      Set.of(CqlScalar.UUID, CqlScalar.TIMEUUID, CqlScalar.INET, CqlScalar.BLOB, CqlScalar.BOOLEAN);

  /**
   * One comparison.
   *
   * @param column the column's position in the row
   * @param name the column's name
   * @param type the column's CQL type
   * @param op {@code =}, {@code <}, {@code >}, {@code <=} or {@code >=}
   * @param value the literal, in the column type's Java type
   */
  public record Condition(int column, String name, CqlScalar type, String op, Object value) {}

  private final List<Condition> conditions;

  private RowFilter(List<Condition> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  /**
   * Reads a WHERE text.
   *
   * @param where the text after WHERE, as typed
   * @param columns the columns of the rows to test, in row order
   * @return the filter
   * @throws TransferException for a condition it cannot read, an unknown column, a column that is
   *     not a scalar, an ordering of an unordered type, or a literal not of the column's type (one
   *     line quoting the condition)
   */
  public static RowFilter parse(String where, List<ColumnSpec> columns) {
    List<Condition> conditions = new ArrayList<>();
    for (String text : splitOnAnd(where)) {
      Matcher m = CONDITION.matcher(text);
      if (!m.matches()) {
        throw new TransferException(
            "Cannot read the WHERE condition '"
                + text.strip()
                + "': COPY 'file' TO takes column = literal (or <, >, <=, >=), joined by AND.");
      }
      int column = column(m.group(1), columns, text);
      ColumnSpec spec = columns.get(column);
      CqlScalar scalar =
          CqlScalar.of(spec.type())
              .orElseThrow(
                  () ->
                      new TransferException(
                          "WHERE '"
                              + text.strip()
                              + "': column "
                              + spec.name()
                              + " is "
                              + spec.type().asCql(false, true)
                              + "; only columns of a scalar type can be compared."));
      if (!m.group(2).equals("=") && UNORDERED.contains(scalar)) {
        throw new TransferException(
            "WHERE '"
                + text.strip()
                + "': "
                + spec.type().asCql(false, true)
                + " values have no order; compare column "
                + spec.name()
                + " with =.");
      }
      conditions.add(
          new Condition(
              column, spec.name(), scalar, m.group(2), literal(scalar, m.group(3), text)));
    }
    return new RowFilter(conditions);
  }

  /** The comparisons, all of which a row must meet. */
  public List<Condition> conditions() {
    return conditions;
  }

  /** Whether a row meets every condition. */
  public boolean test(Object[] row) {
    for (Condition c : conditions) {
      Object value = row[c.column];
      if (value == null) {
        return false;
      }
      boolean ok =
          switch (c.op) {
            case "=" -> compare(value, c.value) == 0;
            case "<" -> compare(value, c.value) < 0;
            case ">" -> compare(value, c.value) > 0;
            case "<=" -> compare(value, c.value) <= 0;
            default -> compare(value, c.value) >= 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object value, Object literal) {
    if (!(value instanceof Comparable) || value instanceof java.util.UUID) {
      return Objects.equals(value, literal) ? 0 : 1;
    }
    return ((Comparable) value).compareTo(literal);
  }

  private static int column(String typed, List<ColumnSpec> columns, String text) {
    boolean quoted = typed.startsWith("\"");
    String name = quoted ? typed.substring(1, typed.length() - 1).replace("\"\"", "\"") : typed;
    int found = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
      if (!quoted && columns.get(i).name().equalsIgnoreCase(name)) {
        found = found == -1 ? i : -2;
      }
    }
    if (found < 0) {
      throw new TransferException(
          "WHERE '"
              + text.strip()
              + "': no column "
              + typed
              + "; the columns are: "
              + String.join(", ", columns.stream().map(ColumnSpec::name).toList())
              + ".");
    }
    return found;
  }

  private static Object literal(CqlScalar type, String typed, String text) {
    String value = typed;
    if (typed.length() >= 2 && typed.startsWith("'") && typed.endsWith("'")) {
      value = typed.substring(1, typed.length() - 1).replace("''", "'");
    } else if (type == CqlScalar.TEXT || type == CqlScalar.ASCII) {
      throw new TransferException(
          "WHERE '" + text.strip() + "': write the text between single quotes.");
    }
    try {
      return CqlText.parse(type, value);
    } catch (IllegalArgumentException e) {
      throw new TransferException(
          "WHERE '"
              + text.strip()
              + "': not a "
              + type.name().toLowerCase(Locale.ROOT)
              + " ("
              + e.getMessage()
              + ").");
    }
  }

  /** The conditions: the text split at each AND outside quotes, any case. */
  private static List<String> splitOnAnd(String where) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    char quote = 0;
    for (int i = 0; i < where.length(); i++) {
      char c = where.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (where.regionMatches(true, i, "AND", 0, 3)
          && (i == 0 || Character.isWhitespace(where.charAt(i - 1)))
          && (i + 3 == where.length() || Character.isWhitespace(where.charAt(i + 3)))) {
        parts.add(where.substring(start, i));
        start = i + 3;
        i += 2;
      }
    }
    parts.add(where.substring(start));
    return parts;
  }
}
