package io.cqlp.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.cqlp.format.compress.StreamCompression;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSource;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads rows from JSON Lines or a JSON array of objects (told apart by the first non-blank
 * character), UTF-8, decompressed by the file's extension ({@code .gz}, {@code .zst}; see {@link
 * StreamCompression}).
 *
 * <p>Each object is one row. Keys name columns as CQL names them: a key equal to a column name
 * matches it; otherwise a key matches the column named by its lower-case form when that name is all
 * lower case (as an unquoted CQL identifier is folded). A column whose key is missing, or whose
 * value is {@code null}, is NULL (left unset by the import). A key that names none of the columns
 * is refused (one line naming it), unless {@code skipOtherKeys} (COPY FROM with a column list, or
 * IGNORE_UNKNOWN_KEYS=true). A row without a value for a partition key column is refused (a row
 * without its clustering values is passed on: it may hold only static values). Values are read by
 * {@link JsonValueReader}. Not thread-safe.
 */
public final class JsonRowSource implements RowSource {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Location file;
  private final List<ColumnSpec> columns;
  private final Map<String, Integer> byName = new HashMap<>();
  private final boolean skipOtherKeys;
  private final Reader reader;
  private final JsonRecordScanner scanner;
  private String lastRecord;
  private long records;
  private long rowsRead;

  private JsonValueReader values = JsonValueReader.of(io.cqlp.format.PrecisionLoss.REJECT);

  private JsonRowSource(
      Location file, List<ColumnSpec> columns, boolean skipOtherKeys, Reader reader) {
    this.file = file;
    this.columns = List.copyOf(columns);
    this.skipOtherKeys = skipOtherKeys;
    this.reader = reader;
    this.scanner = new JsonRecordScanner(reader, file.toString());
    for (int i = 0; i < columns.size(); i++) {
      byName.put(columns.get(i).name(), i);
    }
  }

  /**
   * Opens a file.
   *
   * @param file a JSON Lines or JSON array file, compressed or not by its extension
   * @param columns the columns to fill, in the order {@link #next()} returns values
   * @param skipOtherKeys skip keys that name none of {@code columns} instead of refusing the row
   * @return an open source, positioned before the first row
   * @throws IOException if the file cannot be opened, or its compressed header is invalid
   */
  public static JsonRowSource open(Location file, List<ColumnSpec> columns, boolean skipOtherKeys)
      throws IOException {
    InputStream raw;
    try {
      raw = file.open();
    } catch (java.io.FileNotFoundException e) {
      throw new IOException("cannot read " + file + ": no such file", e);
    }
    try {
      InputStream in =
          StreamCompression.fromPath(file.toString())
              .decompress(new BufferedInputStream(raw, 64 * 1024));
      return new JsonRowSource(
          file, columns, skipOtherKeys, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      raw.close();
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sets what a timestamp with digits below the millisecond does: refuse its row ({@link
   * io.cqlp.format.PrecisionLoss#REJECT}, the default) or lose them.
   *
   * @return this source
   */
  public JsonRowSource precisionLoss(io.cqlp.format.PrecisionLoss loss) {
    this.values = JsonValueReader.of(loss);
    return this;
  }

  @Override
  public List<ColumnSpec> columns() {
    return columns;
  }

  /**
   * {@inheritDoc}
   *
   * <p>After a {@link ConversionException} the row is skipped: the next call returns the next
   * object of the file.
   */
  @Override
  public Object[] next() throws IOException {
    String record = scanner.next();
    if (record == null) {
      return null;
    }
    records++;
    lastRecord = record;
    Object[] row = new Object[columns.size()];
    try (JsonParser json = FACTORY.createParser(record)) {
      json.nextToken();
      boolean[] seen = new boolean[row.length];
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String key = json.currentName();
        json.nextToken();
        int i = column(key);
        if (i < 0) {
          json.skipChildren();
          continue;
        }
        if (seen[i]) {
          throw refuse("key '" + key + "' appears twice for column " + columns.get(i).name());
        }
        seen[i] = true;
        try {
          row[i] = values.value(json, columns.get(i).type());
        } catch (IllegalArgumentException e) {
          throw refuse(
              "column "
                  + columns.get(i).name()
                  + ": "
                  + e.getMessage()
                  + " (CQL "
                  + columns.get(i).type().asCql(false, true)
                  + ")");
        }
      }
      if (json.nextToken() != null) {
        throw refuse("text after the object");
      }
    } catch (JsonProcessingException e) {
      throw refuse("invalid JSON: " + e.getOriginalMessage());
    }
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null && columns.get(i).kind() == ColumnKind.PARTITION_KEY) {
        throw refuse("no value for partition key column " + columns.get(i).name());
      }
    }
    rowsRead++;
    return row;
  }

  /** The index of the column a key names, -1 to skip it; refuses unknown keys. */
  private int column(String key) {
    Integer i = byName.get(key);
    if (i == null) {
      String lower = key.toLowerCase(Locale.ROOT);
      i = byName.get(lower);
      if (i == null && !skipOtherKeys) {
        throw refuse(
            "key '"
                + key
                + "' names no column of the table; remove it from the file,"
                + " or add WITH IGNORE_UNKNOWN_KEYS=true");
      }
    }
    return i == null ? -1 : i;
  }

  private ConversionException refuse(String problem) {
    return new ConversionException(
        file + ", row " + records + " (line " + scanner.recordLine() + "): " + problem);
  }

  @Override
  public long rowsRead() {
    return rowsRead;
  }

  /** The object last returned or refused, as its raw text in the file; null before the first. */
  @Override
  public String lastRecord() {
    return lastRecord;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
