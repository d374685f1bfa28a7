package io.cqlp.format.xlsx;

import io.cqlp.rows.RowSink;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import io.cqlp.types.ColumnSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * COPY TO an .xlsx file: a header row of the column names, then one row per table row, typed as
 * {@link XlsxWriter} describes, continued on Sheet2, Sheet3, ... past Excel's 1,048,576 rows per
 * sheet. A new result ({@link #beginResult}, CAPTURE) starts with a header row of its columns under
 * the rows before, on the same sheet. Staged and published whole ({@link StagedFile}). Not
 * thread-safe.
 */
public final class XlsxRowSink implements RowSink {
  private final StagedFile file;
  private final XlsxWriter writer;
  private long published;

  private XlsxRowSink(StagedFile file, XlsxWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  /**
   * Opens a sink; nothing exists at {@code target} until {@link #commit()}.
   *
   * @param target the .xlsx file to publish
   * @param columns the columns of every row, in row order
   * @throws IOException if the target's directory does not exist or the staging file cannot be
   *     created
   */
  public static XlsxRowSink open(Location target, List<ColumnSpec> columns) throws IOException {
    return open(target, columns, XlsxWriter.MAX_ROWS_PER_SHEET);
  }

  /** As {@link #open(Location, List)} with {@code rowsPerSheet} rows a sheet (tests). */
  static XlsxRowSink open(Location target, List<ColumnSpec> columns, int rowsPerSheet)
      throws IOException {
    StagedFile file = target.create();
    try {
      XlsxWriter writer =
          new XlsxWriter(new BufferedOutputStream(file.stream(), 64 * 1024), rowsPerSheet);
      writer.header(columns.stream().map(ColumnSpec::name).toList());
      return new XlsxRowSink(file, writer);
    } catch (IOException | RuntimeException e) {
      file.discard();
      throw e;
    }
  }

  @Override
  public void write(Object[] row) throws IOException {
    writer.row(row);
  }

  /** Writes a header row of {@code columns}' names; the next rows go under it. */
  @Override
  public void beginResult(List<ColumnSpec> columns) throws IOException {
    writer.header(columns.stream().map(ColumnSpec::name).toList());
  }

  /** Adds the sheet after the rows' sheets (see {@link XlsxWriter#textSheet}); true. */
  @Override
  public boolean addTextSheet(String name, List<List<String>> rows) throws IOException {
    writer.textSheet(name, rows);
    return true;
  }

  @Override
  public void commit() throws IOException {
    try {
      writer.finish();
      file.publish();
    } catch (IOException | RuntimeException e) {
      file.discard();
      throw e;
    }
    published = file.size();
  }

  @Override
  public void abort() {
    file.discard();
  }

  @Override
  public long rowsWritten() {
    return writer.rows();
  }

  @Override
  public long bytesWritten() {
    return published;
  }

  /** Sheets begun so far. */
  public int sheets() {
    return writer.sheets();
  }

  @Override
  public void close() {
    abort();
  }
}
