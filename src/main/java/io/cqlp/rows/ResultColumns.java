package io.cqlp.rows;

import io.cqlp.types.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The check of a sink of one schema (Parquet file, dataset) asked to take a further result ({@link
 * RowSink#beginResult}): the result must have the same column names and CQL types, in the same
 * order.
 */
public final class ResultColumns {
  private ResultColumns() {}

  /**
   * Refuses columns that differ from the sink's.
   *
   * @param fixed the sink's columns
   * @param columns the new result's columns
   * @param output what the sink writes, for the message (e.g. "a Parquet file")
   * @throws TransferException naming the difference and the sink's columns, e.g. {@code it has 2
   *     columns (id int, name text), not 3; a Parquet file keeps the columns it began with (id int,
   *     name text, score double)}
   */
  public static void requireSame(List<ColumnSpec> fixed, List<ColumnSpec> columns, String output) {
    String difference = difference(fixed, columns);
    if (difference != null) {
      throw new TransferException(
          difference
              + "; "
              + output
              + " keeps the columns it began with ("
              + describe(fixed)
              + ")");
    }
  }

  /** What differs between the fixed columns and a result's, or {@code null} if nothing. */
  static String difference(List<ColumnSpec> fixed, List<ColumnSpec> columns) {
    if (fixed.size() != columns.size()) {
      return "it has "
          + columns.size()
          + " columns ("
          + describe(columns)
          + "), not "
          + fixed.size();
    }
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < fixed.size(); i++) {
      ColumnSpec a = fixed.get(i);
      ColumnSpec b = columns.get(i);
      if (!a.name().equals(b.name())) {
        diffs.add("column " + (i + 1) + " is '" + b.name() + "', not '" + a.name() + "'");
      } else if (!a.type().equals(b.type())) {
        diffs.add(
            "column '"
                + a.name()
                + "' is "
                + b.type().asCql(false, true)
                + ", not "
                + a.type().asCql(false, true));
      }
    }
    return diffs.isEmpty() ? null : String.join(", ", diffs);
  }

  /**
   * Columns as {@code name type, ...} (e.g. {@code id int, name text}), CQL types as the server
   * spells them.
   */
  public static String describe(List<ColumnSpec> columns) {
    return columns.stream()
        .map(c -> c.name() + " " + c.type().asCql(false, true))
        .collect(Collectors.joining(", "));
  }
}
