package io.cqlp.capture;

import io.cqlp.format.xlsx.XlsxWriter;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Captures results into an .xlsx workbook ({@link XlsxWriter}): each result starts with a header
 * row of its column names, on the same sheet as the result before it; past 1,048,576 rows a sheet,
 * rows continue on Sheet2, Sheet3, ... under the current header.
 */
final class XlsxResultWriter extends StagedResultWriter {
  private final XlsxWriter xlsx;

  XlsxResultWriter(Location target) throws IOException {
    super(target);
    xlsx = new XlsxWriter(new BufferedOutputStream(file.stream(), 64 * 1024));
  }

  @Override
  public void begin(List<ColumnSpec> columns) throws IOException {
    xlsx.header(columns.stream().map(ColumnSpec::name).toList());
  }

  @Override
  public void write(Object[] row) throws IOException {
    xlsx.row(row);
  }

  @Override
  public void end() {
    // rows are flushed by the writer as they go
  }

  @Override
  protected void closeContent() throws IOException {
    xlsx.finish();
  }
}
