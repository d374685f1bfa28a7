package io.cqlp.rows;

import io.cqlp.storage.Location;
import io.cqlp.transfer.dataset.PartitionedSink;
import io.cqlp.types.ColumnSpec;
import java.util.List;

/**
 * One part file of a dataset, as {@link PartitionedSink} asks a {@link PartWriterFactory} for it.
 *
 * @param file where the file appears when its sink is committed (inside the staging directory); its
 *     directory exists
 * @param columns the columns stored in the file, in the order of the rows written
 * @param pathColumns the exported columns whose values are in the directory names instead; a format
 *     may record them (Parquet: footer entry {@code cqlp.path_columns})
 * @param maxRowGroupBytes cap of the bytes the writer buffers (a Parquet row group), so that
 *     MAX_OPEN_FILES writers fit in memory
 * @param maxFileBytes MAX_FILE_SIZE in bytes, or 0: the sink rolls the file when its {@code
 *     bytesWritten()} nears this, so a writer should keep that figure close to the real size
 */
public record PartFileSpec(
    Location file,
    List<ColumnSpec> columns,
    List<ColumnSpec> pathColumns,
    long maxRowGroupBytes,
    long maxFileBytes) {

  /** Copies the lists. */
  public PartFileSpec {
    columns = List.copyOf(columns);
    pathColumns = List.copyOf(pathColumns);
  }
}
