package io.cqlp.capture;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.JsonValues;
import java.io.IOException;
import java.util.List;

/**
 * Captures results as JSON Lines: one JSON object per row, keys the column names in result order,
 * values typed as {@link JsonValues} writes them. Results of different columns may follow each
 * other; each line stands alone, so the file is valid JSON Lines at every row boundary.
 */
final class JsonResultWriter extends StagedResultWriter {
  private final JsonGenerator json;
  private List<ColumnSpec> columns;

  JsonResultWriter(Location target) throws IOException {
    super(target);
    json = new JsonFactory().createGenerator(file.stream(), JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
  }

  @Override
  public void begin(List<ColumnSpec> columns) {
    this.columns = columns;
  }

  @Override
  public void write(Object[] row) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < row.length; i++) {
      json.writeFieldName(columns.get(i).name());
      JsonValues.write(json, row[i]);
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  @Override
  public void end() throws IOException {
    json.flush();
  }

  @Override
  protected void closeContent() throws IOException {
    json.close();
  }
}
