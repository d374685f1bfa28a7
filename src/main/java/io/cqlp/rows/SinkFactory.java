package io.cqlp.rows;

import io.cqlp.command.Options;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Opens the file sink of an export for its format (from FORMAT or the target's extension). */
@FunctionalInterface
public interface SinkFactory {

  /**
   * @param target the file to publish on commit (local or in an object store)
   * @param schema the table and the columns of every row written
   * @param options the COPY options (FORMAT, COMPRESSION, CHUNKSIZE, ...)
   * @return an open sink; nothing exists at {@code target} until it is committed
   * @throws IOException if the target's directory does not exist or cannot be written
   * @throws TransferException for a bad option value
   */
  RowSink open(Location target, TableSchema schema, Options options) throws IOException;

  /**
   * The writer of the part files of a dataset directory (PARTITION, MAX_FILE_SIZE, a target ending
   * with {@code /}), in the format FORMAT names, Parquet by default.
   *
   * @param schema the table
   * @param fileColumns the columns each part file keeps: the schema's, less the PARTITION columns
   *     that only the directory names hold
   * @param options the COPY options
   * @return a factory of part file writers
   * @throws TransferException for a format that cannot write datasets, or a bad option value
   */
  default PartWriterFactory partWriters(
      TableSchema schema, List<ColumnSpec> fileColumns, Options options) {
    throw new TransferException("This format cannot write a dataset directory.");
  }

  /**
   * Opens the sink of {@code COPY ... TO STDOUT}: CSV written to the shell's output as rows come.
   *
   * @param out the shell's output; flushed, never closed
   * @param schema the table and the columns of every row written
   * @param options the COPY options
   * @throws TransferException when the format cannot write to STDOUT, or for a bad option value
   */
  default RowSink openStdout(Writer out, TableSchema schema, Options options) throws IOException {
    throw new TransferException("COPY TO STDOUT is not available in this shell.");
  }

  /**
   * This factory with further footer entries in the Parquet files it writes (COPY 'file' TO with
   * INCLUDE_METADATA keeps the source's key-value metadata).
   *
   * @param footer the entries; cqlp's own ({@code cqlp.*}) are written by the writer and win
   * @return a factory writing them
   * @throws TransferException when this factory cannot write footer entries
   */
  default SinkFactory withFooter(Map<String, String> footer) {
    throw new TransferException("This shell cannot keep a file's metadata.");
  }
}
