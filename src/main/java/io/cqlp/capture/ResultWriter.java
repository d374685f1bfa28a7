package io.cqlp.capture;

import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.util.List;

/**
 * Writes captured query results into one target. Lifecycle: for each result, {@link #begin}, any
 * number of {@link #write}, {@link #end}; finally {@link #commit} (the target appears, whole) or
 * {@link #abort} (nothing appears). Not thread-safe: {@link Capture} serialises calls.
 */
interface ResultWriter {

  /**
   * Starts a result.
   *
   * @param columns the result's columns
   * @throws CaptureException if this writer cannot take a result of these columns (Parquet's fixed
   *     schema); nothing of the result is written then
   * @throws IOException if the target cannot be opened
   */
  void begin(List<ColumnSpec> columns) throws IOException;

  /** Writes one row of the current result (values in the driver's Java types). */
  void write(Object[] row) throws IOException;

  /** Ends the current result. */
  void end() throws IOException;

  /** Finishes and publishes the target. */
  void commit() throws IOException;

  /** Discards everything; the target is left as it was. Never throws. */
  void abort();

  /** Files the target has or will have. */
  int files();
}
