package io.cqlp.rows;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value that cannot be converted between a file type and a CQL type. The message is one line for
 * the user: what value, where (file, row, column), and the two types involved.
 *
 * <p>A reader without a text form of its records (Parquet) may attach what it made of the refused
 * row ({@link #values()}), so that COPY FROM can write the row to its ERRFILE.
 */
public class ConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, Object> values;
  private final String refusedColumn;
  private final String reason;

  /**
   * @param message one line naming the file, row, column and types
   */
  public ConversionException(String message) {
    this(message, (Throwable) null);
  }

  /**
   * @param message one line naming the file, row, column and types; @param cause the parse error
   */
  public ConversionException(String message, Throwable cause) {
    super(message, cause);
    this.values = null;
    this.refusedColumn = null;
    this.reason = null;
  }

  /**
   * A refused row, with the values of the row that did convert.
   *
   * @param message one line naming the file, row, column and types
   * @param values the row's values by column name, in column order, driver Java types; the refused
   *     column's entry is present (its value meaningless)
   * @param refusedColumn the column whose value was refused
   * @param reason why, without the file and row (e.g. {@code 'abc' is not an int})
   */
  public ConversionException(
      String message, Map<String, Object> values, String refusedColumn, String reason) {
    super(message);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.refusedColumn = refusedColumn;
    this.reason = reason;
  }

  /** The refused row's values by column name, or {@code null} if the reader gave none. */
  public Map<String, Object> values() {
    return values;
  }

  /** The column whose value was refused, or {@code null} if not given. */
  public String refusedColumn() {
    return refusedColumn;
  }

  /** Why the value was refused, without file and row; {@code null} if not given. */
  public String reason() {
    return reason;
  }
}
