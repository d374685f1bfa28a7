package io.cqlp.capture;

import io.cqlp.command.Options;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.transfer.TargetLocations;
import io.cqlp.transfer.dataset.PartitionedSink;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Captures results into Parquet. The first result fixes the schema (column names and CQL types); a
 * later result with other columns or types is refused before anything of it is written, with a
 * message naming the difference. The sink is the same one COPY TO uses.
 */
final class ParquetResultWriter implements ResultWriter {
  private final String target;
  private final Options options;
  private final SinkFactory sinks;
  private List<ColumnSpec> schema;
  private RowSink sink;

  ParquetResultWriter(String target, Options options, SinkFactory sinks) {
    this.target = target;
    this.options = options;
    this.sinks = sinks;
  }

  /** The fixed schema, or {@code null} before the first result. */
  List<ColumnSpec> schema() {
    return schema;
  }

  @Override
  public void begin(List<ColumnSpec> columns) throws IOException {
    if (schema == null) {
      sink =
          TargetLocations.open(
              sinks, target, new TableSchema("", "", List.copyOf(columns), List.of()), options);
      schema = List.copyOf(columns);
      return;
    }
    String difference = difference(schema, columns);
    if (difference != null) {
      throw new CaptureException(
          "Result not captured: "
              + difference
              + "; a Parquet capture keeps the columns of its first result ("
              + describe(schema)
              + "). Start another CAPTURE for this result.");
    }
  }

  /** What differs between the fixed schema and a result's columns, or {@code null} if nothing. */
  static String difference(List<ColumnSpec> fixed, List<ColumnSpec> columns) {
    if (fixed.size() != columns.size()) {
      return "it has "
          + columns.size()
          + " columns ("
          + describe(columns)
          + "), not "
          + fixed.size();
    }
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < fixed.size(); i++) {
      ColumnSpec a = fixed.get(i);
      ColumnSpec b = columns.get(i);
      if (!a.name().equals(b.name())) {
        diffs.add("column " + (i + 1) + " is '" + b.name() + "', not '" + a.name() + "'");
      } else if (!a.type().equals(b.type())) {
        diffs.add(
            "column '"
                + a.name()
                + "' is "
                + b.type().asCql(false, true)
                + ", not "
                + a.type().asCql(false, true));
      }
    }
    return diffs.isEmpty() ? null : String.join(", ", diffs);
  }

  static String describe(List<ColumnSpec> columns) {
    return columns.stream()
        .map(c -> c.name() + " " + c.type().asCql(false, true))
        .collect(Collectors.joining(", "));
  }

  @Override
  public void write(Object[] row) throws IOException {
    sink.write(row);
  }

  @Override
  public void end() {}

  @Override
  public void commit() throws IOException {
    if (sink != null) {
      sink.commit();
    }
  }

  @Override
  public void abort() {
    if (sink != null) {
      sink.abort();
    }
  }

  @Override
  public int files() {
    if (sink instanceof PartitionedSink dataset) {
      return (int) dataset.filesWritten();
    }
    return sink == null ? 0 : 1;
  }
}
