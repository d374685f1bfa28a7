package io.cqlp.capture;

import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.ValueFormatter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Captures results as CSV (RFC 4180 quoting by Apache Commons CSV): a header line of column names
 * at the start of each result, then one line per row. NULL is an empty field; floats and doubles
 * are written with all the digits that read back to the same value; other values as cqlsh shows
 * them (collections as CQL literals, blobs as 0x..., timestamps with their milliseconds). An empty
 * string in the first column is quoted ({@code ""}) so that the line is not blank.
 */
final class CsvResultWriter extends StagedResultWriter {
  private static final ValueFormatter TEXT = new ValueFormatter();
  private final CSVPrinter csv;

  CsvResultWriter(Location target) throws IOException {
    super(target);
    csv =
        new CSVPrinter(
            new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8)),
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').setNullString("").get());
  }

  @Override
  public void begin(List<ColumnSpec> columns) throws IOException {
    csv.printRecord(columns.stream().map(ColumnSpec::name).toList());
  }

  @Override
  public void write(Object[] row) throws IOException {
    for (Object value : row) {
      csv.print(text(value));
    }
    csv.println();
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Float f) {
      return f.isNaN()
          ? "NaN"
          : f.isInfinite() ? (f > 0 ? "Infinity" : "-Infinity") : Float.toString(f);
    }
    if (value instanceof Double d) {
      return d.isNaN()
          ? "NaN"
          : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d);
    }
    return TEXT.format(value);
  }

  @Override
  public void end() throws IOException {
    csv.flush();
  }

  @Override
  protected void closeContent() throws IOException {
    csv.close();
  }
}
