package io.cqlp.rows;

import io.cqlp.command.Options;
import io.cqlp.storage.Location;
import java.io.IOException;
import java.io.Reader;

/** Opens the file source of an import for its format (from FORMAT or the file's extension). */
@FunctionalInterface
public interface SourceFactory {

  /**
   * @param file the file to read (local or in an object store)
   * @param schema the target table and the columns to fill
   * @param explicitColumns true when the user listed the columns: each must then be in the file;
   *     otherwise the source fills the table columns the file has and reports the rest as absent
   * @param options the COPY options
   * @return an open source whose {@link RowSource#columns()} are the columns it fills
   * @throws IOException if the file is missing, empty, truncated or not of the format (one-line
   *     message naming the file)
   * @throws TransferException if a listed column is not in the file
   */
  RowSource open(Location file, TableSchema schema, boolean explicitColumns, Options options)
      throws IOException;

  /**
   * Opens the source of {@code COPY ... FROM STDIN}: CSV text read from {@code in}.
   *
   * @param in the CSV text (standard input up to a {@code \.} line, or a script's inline data)
   * @param schema the target table and the columns of the fields, in order
   * @param options the COPY options
   * @throws TransferException when the format cannot be read from STDIN, or for a bad option value
   */
  default RowSource openStdin(Reader in, TableSchema schema, Options options) throws IOException {
    throw new TransferException("COPY FROM STDIN is not available in this shell.");
  }
}
