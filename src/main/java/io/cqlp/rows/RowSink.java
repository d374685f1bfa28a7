package io.cqlp.rows;

import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.util.List;

/**
 * Where rows go: a file writer (Parquet, CSV, ...) or a dataset of them.
 *
 * <p>Lifecycle: rows are given to {@link #write} one at a time, from one thread at a time; then
 * exactly one of {@link #commit()} (the output appears at its target, whole) or {@link #abort()}
 * (nothing appears at the target) is called. {@link #close()} after either is a no-op; {@link
 * #close()} without either aborts. Not thread-safe.
 */
public interface RowSink extends AutoCloseable {

  /**
   * Writes one row.
   *
   * @param row one value per column of the sink's schema, in schema order, as the Java types of the
   *     Cassandra driver's default codecs; {@code null} elements are CQL NULLs. The array may be
   *     reused by the caller after the call returns.
   * @throws IOException if the underlying file cannot be written
   * @throws IllegalArgumentException if a value does not fit its column, with the column named
   */
  void write(Object[] row) throws IOException;

  /**
   * Starts a new result: the rows written next have {@code columns}, and go on in the same output
   * (CAPTURE writes every query result of a session to one sink). Each format does what its file
   * can hold: CSV writes a header line when HEADER is on; JSON goes on in the same JSON Lines or
   * array, each object keyed by its own result's names; XLSX writes a header row under the rows
   * before; Parquet, whose file has one schema, takes only the columns it has.
   *
   * @param columns the new result's columns, in row order; not empty
   * @throws IOException if the output cannot be written
   * @throws TransferException if this sink cannot take rows of these columns (by default: a sink of
   *     one result); nothing is written then and the sink goes on as before
   */
  default void beginResult(List<ColumnSpec> columns) throws IOException {
    throw new TransferException("This output holds the rows of one result only.");
  }

  /**
   * Finishes the output (footer, flush) and publishes it at its target path.
   *
   * @throws IOException if it cannot be finished or moved into place; the target is then left as it
   *     was before the sink was opened
   */
  void commit() throws IOException;

  /**
   * Adds a sheet of text after the rows, where the format's file holds sheets (XLSX): COPY 'file'
   * TO's INCLUDE_METADATA. Call it once the rows are written, before {@link #commit()}.
   *
   * @param name the sheet's name
   * @param rows its rows of cells, the header first
   * @return whether the sheet was added; {@code false} (the default) for a format without sheets,
   *     which writes nothing
   * @throws IOException if the staging file cannot be written
   */
  default boolean addTextSheet(String name, List<List<String>> rows) throws IOException {
    return false;
  }

  /** Discards everything written so far; the target is left as it was. Never throws. */
  void abort();

  /** Rows written so far. */
  long rowsWritten();

  /**
   * Bytes of output so far: while open, what is on disk plus what is buffered for it (as the writer
   * measures it, compressed where already encoded); after {@link #commit()}, the size of what was
   * published. 0 for a sink that does not measure its output.
   */
  default long bytesWritten() {
    return 0;
  }

  /** Files this sink writes or wrote: 1 unless the format splits its output (CSV MAXOUTPUTSIZE). */
  default long filesWritten() {
    return 1;
  }

  /** Aborts unless {@link #commit()} or {@link #abort()} was called. */
  @Override
  void close();
}
