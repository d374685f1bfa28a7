package io.cqlp.format.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cqlp.format.compress.StreamCompression;
import io.cqlp.rows.RowSink;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.JsonValues;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes rows as JSON, UTF-8: one object per row, keys the column names (case kept) in column
 * order, values typed by {@link JsonValues} (the same as CAPTURE JSON). Two layouts: JSON Lines
 * (one object a line, the default) or, with {@code array}, one JSON array holding an object a line.
 * Compressed by the target's extension ({@code .gz}, {@code .zst}; see {@link StreamCompression}).
 * Staged and published whole ({@link StagedFile}).
 *
 * <p>A new result ({@link #beginResult}, CAPTURE) goes on in the same JSON Lines or the same array,
 * its objects keyed by its own column names: the file stays one valid JSON Lines file (or one JSON
 * document), and readers that take the union of the keys see a key a result lacks as null (DuckDB's
 * {@code read_json}). Not thread-safe.
 */
public final class JsonRowSink implements RowSink {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final StagedFile file;
  private final JsonGenerator json;
  private String[] names;
  private final boolean array;
  private long rows;
  private long published = -1;

  private JsonRowSink(
      StagedFile file, JsonGenerator json, List<ColumnSpec> columns, boolean array) {
    this.file = file;
    this.json = json;
    this.names = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
    this.array = array;
  }

  /**
   * Opens a sink; nothing exists at {@code target} until {@link #commit()}.
   *
   * @param target the file to publish
   * @param columns the columns of every row, in row order
   * @param array write one JSON array instead of JSON Lines
   * @throws IOException if the target's directory does not exist or the staging file cannot be
   *     created
   */
  public static JsonRowSink open(Location target, List<ColumnSpec> columns, boolean array)
      throws IOException {
    StagedFile file = target.create();
    try {
      JsonGenerator json =
          FACTORY.createGenerator(
              StreamCompression.fromPath(target.toString())
                  .compress(new BufferedOutputStream(file.stream(), 64 * 1024)),
              JsonEncoding.UTF8);
      json.setRootValueSeparator(null);
      if (array) {
        json.writeRaw('[');
      }
      return new JsonRowSink(file, json, columns, array);
    } catch (IOException | RuntimeException e) {
      file.discard();
      throw e;
    }
  }

  @Override
  public void write(Object[] row) throws IOException {
    if (array) {
      json.writeRaw(rows == 0 ? "\n" : ",\n");
    }
    json.writeStartObject();
    for (int i = 0; i < names.length; i++) {
      json.writeFieldName(names[i]);
      JsonValues.write(json, row[i]);
    }
    json.writeEndObject();
    if (!array) {
      json.writeRaw('\n');
    }
    rows++;
  }

  /** Goes on in the same output; the next objects have the keys of {@code columns}. */
  @Override
  public void beginResult(List<ColumnSpec> columns) {
    names = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
  }

  @Override
  public void commit() throws IOException {
    if (array) {
      json.writeRaw("\n]\n");
    }
    try {
      json.close();
      file.publish();
    } catch (IOException e) {
      file.discard();
      throw e;
    }
    published = file.size();
  }

  @Override
  public void abort() {
    try {
      json.close();
    } catch (IOException | RuntimeException ignored) {
      // discarded next
    }
    file.discard();
  }

  @Override
  public long rowsWritten() {
    return rows;
  }

  @Override
  public long bytesWritten() {
    return Math.max(0, published);
  }

  @Override
  public void close() {
    abort();
  }
}
