package io.cqlp.rows;

import java.io.IOException;

/** Opens the writer of one part file of a dataset, in the export's file format. */
@FunctionalInterface
public interface PartWriterFactory {

  /**
   * @param spec the file, its columns and its limits
   * @return an open sink whose file appears at {@code spec.file()} on commit, and whose {@link
   *     RowSink#bytesWritten()} follows the file's size as it grows
   * @throws IOException if the file cannot be created
   */
  RowSink open(PartFileSpec spec) throws IOException;
}
