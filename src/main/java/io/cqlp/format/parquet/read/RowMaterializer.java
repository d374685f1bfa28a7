package io.cqlp.format.parquet.read;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/**
 * Assembles each Parquet record into an {@code Object[]} of target column values: one converter per
 * requested top-level field, each writing its value at its target column's index; columns without a
 * value (file nulls, columns missing from the file) stay null.
 */
final class RowMaterializer extends RecordMaterializer<Object[]> {
  private final RowState row;
  private final GroupConverter root;

  /**
   * @param row the row state the converters write to
   * @param fields one converter per field of the requested schema, in its order
   */
  RowMaterializer(RowState row, Converter[] fields) {
    this.row = row;
    this.root =
        new GroupConverter() {
          @Override
          public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
          }

          @Override
          public void start() {
            row.start();
          }

          @Override
          public void end() {}
        };
  }

  @Override
  public Object[] getCurrentRecord() {
    return row.values;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }
}
