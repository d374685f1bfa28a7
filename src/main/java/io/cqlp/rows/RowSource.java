package io.cqlp.rows;

import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.util.List;

/**
 * Where rows come from when loading into Cassandra: a file reader (Parquet, CSV, ...).
 *
 * <p>A source is opened against the target columns: it delivers one value per target column,
 * already converted to that column's CQL type, so the loader only binds them. Not thread-safe.
 */
public interface RowSource extends AutoCloseable {

  /** The target columns, in the order of the values {@link #next()} returns. */
  List<ColumnSpec> columns();

  /**
   * The next row, or {@code null} at the end of the input.
   *
   * @return one value per {@link #columns()} entry in driver Java types ({@code null} = CQL NULL);
   *     a fresh array each call
   * @throws IOException if the input cannot be read (message names the file)
   * @throws io.cqlp.rows.ConversionException if a value cannot be converted to its column's CQL
   *     type (message names file, row and column)
   */
  Object[] next() throws IOException;

  /** Rows returned so far. */
  long rowsRead();

  /**
   * The input record of the row {@link #next()} last returned, or of the one whose conversion it
   * last refused, as text in the input's own format (a CSV line without its line break, a JSON
   * object), for ERRFILE.
   *
   * @return the record's text, or {@code null} for a format without a text form (Parquet) or before
   *     the first call to {@link #next()}
   */
  default String lastRecord() {
    return null;
  }

  @Override
  void close() throws IOException;

  /** Files opened so far: 1 for a single file, the part files opened for a dataset directory. */
  default long filesRead() {
    return 1;
  }

  /**
   * Bytes of the files opened so far, or -1 when the source does not count them (a single file,
   * whose size its caller knows, or a stream).
   */
  default long bytesRead() {
    return -1;
  }

  /**
   * Lets the source skip, unread, whole blocks of rows in which no row can match {@code where}
   * (Parquet row groups, by their column statistics). A hint only: the rows {@link #next()} returns
   * may still fail the filter, so the caller tests each. By default nothing is skipped.
   *
   * @param where the filter the caller applies to each row; its column names are the source's
   */
  default void skipUnmatchedBlocks(RowFilter where) {}

  /** Distinct Hive-style partition directories of the files opened so far; 0 for a single file. */
  default long partitionsRead() {
    return 0;
  }
}
