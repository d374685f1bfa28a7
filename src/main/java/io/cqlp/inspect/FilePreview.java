package io.cqlp.inspect;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.Options;
import io.cqlp.format.Formats;
import io.cqlp.format.parquet.read.ParquetFooter;
import io.cqlp.format.parquet.read.ParquetRowReader;
import io.cqlp.output.TablePrinter;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.TableSchema;
import io.cqlp.storage.Location;
import io.cqlp.transfer.dataset.DatasetListing;
import io.cqlp.transfer.dataset.DatasetSource;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.ValueFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints SHOW FILE: the first rows of a Parquet file or dataset, read as COPY FROM reads them into
 * the columns' natural CQL types ({@link ParquetFooter.Column#cqlType()}), and printed as SELECT
 * prints rows ({@link TablePrinter}, values by {@link ValueFormatter}). A dataset's partition keys
 * are shown as text columns after the file's columns. A column cqlp cannot load is left out, with a
 * line saying so.
 */
final class FilePreview {
  private final PrintWriter out;
  private final ValueFormatter formatter = new ValueFormatter();

  FilePreview(PrintWriter out) {
    this.out = out;
  }

  void file(Location file, int limit) throws IOException {
    List<ColumnSpec> columns = columns(ParquetFooter.read(file), List.of());
    try (ParquetRowReader reader = ParquetRowReader.open(file, columns, true)) {
      print(reader, limit);
    }
  }

  void dataset(DatasetListing listing, List<String> partitionColumns, int limit)
      throws IOException {
    ParquetFooter first = ParquetFooter.read(listing.files().get(0).file());
    List<ColumnSpec> columns = columns(first, partitionColumns);
    TableSchema schema = new TableSchema("", "", columns, List.of());
    try (RowSource source =
        DatasetSource.open(listing, schema, true, Formats.sources(), Options.empty())) {
      print(source, limit);
    }
  }

  private List<ColumnSpec> columns(ParquetFooter footer, List<String> partitionColumns)
      throws IOException {
    List<ColumnSpec> columns = new ArrayList<>();
    List<String> lower = new ArrayList<>();
    for (ParquetFooter.Column c : footer.columns()) {
      if (c.cqlType().isPresent()) {
        columns.add(ColumnSpec.regular(c.name(), c.cqlType().get()));
        lower.add(c.name().toLowerCase(Locale.ROOT));
      } else {
        out.println(
            "Column "
                + c.name()
                + " is not shown: cqlp cannot read Parquet "
                + c.parquetType()
                + ".");
      }
    }
    for (String key : partitionColumns) {
      if (!lower.contains(key.toLowerCase(Locale.ROOT))) {
        columns.add(ColumnSpec.regular(key, DataTypes.TEXT));
      }
    }
    if (columns.isEmpty()) {
      throw new IOException("cqlp can read none of the columns of '" + footer.file() + "'");
    }
    return columns;
  }

  private void print(RowSource source, int limit) throws IOException {
    List<String[]> block = new ArrayList<>();
    Object[] row;
    while (block.size() < limit && (row = source.next()) != null) {
      String[] cells = new String[row.length];
      for (int i = 0; i < row.length; i++) {
        cells[i] = formatter.format(row[i]);
      }
      block.add(cells);
    }
    TablePrinter printer =
        new TablePrinter(out, source.columns().stream().map(ColumnSpec::name).toList());
    if (!block.isEmpty()) {
      printer.printBlock(block);
    }
    printer.finish();
  }
}
