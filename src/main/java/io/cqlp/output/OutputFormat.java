package io.cqlp.output;

import java.util.Locale;

/** How query results are printed ({@code --format}); shell messages stay plain text. */
public enum OutputFormat {
  /** cqlsh's table: names, a rule, right-aligned values, {@code (N rows)}. The default. */
  TABLE,
  /** cqlsh's vertical {@code @ Row N} blocks, as {@code EXPAND ON}. */
  EXPAND,
  /**
   * One JSON object per row (JSON Lines), values typed as {@code io.cqlp.types.JsonValues} writes
   * them.
   */
  JSON,
  /** A header line of column names, then one CSV record per row, values as cqlsh displays them. */
  CSV;

  /**
   * @param text a format name, case-insensitive
   * @throws IllegalArgumentException naming the valid formats when {@code text} is none of them
   */
  public static OutputFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown output format '" + text + "': use table, expand, json or csv");
    }
  }
}
