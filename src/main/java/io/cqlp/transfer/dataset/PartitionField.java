package io.cqlp.transfer.dataset;

import io.cqlp.types.ColumnSpec;

/**
 * One level of a partition directory tree: a column's value ({@code origin=ORD}) or a time part of
 * it ({@code date.month=01}).
 *
 * @param key the directory key, unescaped: the column's name for a column, the name as typed
 *     ({@code date.month}) for a virtual column; not null
 * @param index the position of the source column in the rows
 * @param column the source column; not null
 * @param part the time part for a virtual column, or null when the level is the column itself
 */
public record PartitionField(String key, int index, ColumnSpec column, VirtualColumn part) {

  /** Whether the level is a time part of the column rather than its value. */
  public boolean isVirtual() {
    return part != null;
  }

  /**
   * The level's escaped value for a row: the column's value as {@link PathValues#format} writes it,
   * or the time part ({@link VirtualColumn#apply}); {@link HiveEscaping#DEFAULT_PARTITION} when the
   * column is NULL.
   *
   * @param row values in the order of the columns the spec was made for
   */
  public String value(Object[] row) {
    Object v = row[index];
    if (part == null || v == null) {
      return PathValues.format(v);
    }
    return HiveEscaping.escape(part.apply(v));
  }
}
