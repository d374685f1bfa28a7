package io.cqlp.format.csv;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.compress.StreamCompression;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * COPY FROM in CSV, as cqlsh reads it: fields are taken by position, in the order of the columns of
 * the COPY (the listed ones, else the table's); with HEADER the first line is skipped (not matched
 * by name, as in cqlsh); SKIPCOLS names file columns that are read but not imported. Each field is
 * converted by {@link CsvValueParser}; an unquoted NULL text is NULL (a quoted one is text), and an
 * empty field of a non-text column is NULL too. A file whose name ends with {@code .gz} or {@code
 * .zst} is decompressed; it is decoded with ENCODING, strictly.
 *
 * <p>A row with the wrong number of fields, or a field that does not convert, is refused with a
 * {@link ConversionException} naming the file, the row (1-based, header not counted) and the
 * column; {@link #lastRecord()} then gives that row's raw text. Not thread-safe.
 */
public final class CsvRowReader implements RowSource {
  private final String name;
  private final RecordingReader input;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<ColumnSpec> fileColumns;
  private final List<ColumnSpec> columns;
  private final int[] fieldIndex;
  private final CsvValueParser values;
  private final String nullText;
  private final String charset;
  private CSVRecord pending;
  private long rowNumber;
  private long rowsRead;
  private long recordStart = -1;
  private long recordEnd;

  private CsvRowReader(String name, Reader in, List<ColumnSpec> fileColumns, CsvOptions options)
      throws IOException {
    this.name = name;
    this.fileColumns = List.copyOf(fileColumns);
    List<String> names = fileColumns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    for (String skip : options.skipColumns()) {
      if (!names.contains(skip)) {
        throw new TransferException(
            "SKIPCOLS names '"
                + skip
                + "', which is not among the columns "
                + String.join(", ", names)
                + ".");
      }
    }
    List<ColumnSpec> kept = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < fileColumns.size(); i++) {
      if (!options.skipColumns().contains(names.get(i))) {
        kept.add(fileColumns.get(i));
        index.add(i);
      }
    }
    this.columns = List.copyOf(kept);
    this.fieldIndex = index.stream().mapToInt(Integer::intValue).toArray();
    this.values = new CsvValueParser(options);
    this.nullText = options.nullText();
    this.charset = options.charset().name();
    this.input = new RecordingReader(in);
    this.parser = options.readFormat().parse(input);
    this.records = parser.iterator();
    pending = fetch();
    if (options.header() && pending != null) {
      pending = fetch();
    }
  }

  /**
   * Opens a CSV file.
   *
   * @param file the file; {@code .gz}/{@code .zst} names are decompressed
   * @param fileColumns the columns of the file's fields, in order
   * @param options the CSV options
   * @throws IOException if the file cannot be read (message names it)
   * @throws TransferException if SKIPCOLS names a column that is not in {@code fileColumns}
   */
  public static CsvRowReader open(Location file, List<ColumnSpec> fileColumns, CsvOptions options)
      throws IOException {
    InputStream in;
    try {
      in = StreamCompression.fromPath(file.toString()).decompress(file.open());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new IOException("Cannot read " + file + ": no such file.");
    } catch (IOException e) {
      throw new IOException("Cannot read " + file + ": " + e.getMessage());
    }
    try {
      return new CsvRowReader(
          file.toString(),
          new InputStreamReader(in, options.charset().newDecoder()),
          fileColumns,
          options);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * The fields of a CSV file's first record: its header when HEADER=true.
   *
   * @param file the file; {@code .gz}/{@code .zst} names are decompressed
   * @param options the CSV options (delimiter, quote, encoding)
   * @return the fields as written, or an empty list for an empty file
   * @throws IOException if the file cannot be read or its first record is not valid CSV
   */
  public static List<String> firstRecord(Location file, CsvOptions options) throws IOException {
    try (InputStream in = StreamCompression.fromPath(file.toString()).decompress(file.open());
        CSVParser parser =
            options.readFormat().parse(new InputStreamReader(in, options.charset().newDecoder()))) {
      Iterator<CSVRecord> records = parser.iterator();
      return records.hasNext() ? records.next().toList() : List.of();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new IOException("Cannot read the header of " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads CSV text from a reader (standard input, or the lines after COPY ... FROM STDIN in a
   * script).
   *
   * @param name what messages call the input, e.g. {@code STDIN}
   */
  public static CsvRowReader fromReader(
      String name, Reader in, List<ColumnSpec> fileColumns, CsvOptions options) throws IOException {
    return new CsvRowReader(name, in, fileColumns, options);
  }

  private CSVRecord fetch() throws IOException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      if (cause instanceof CharacterCodingException) {
        throw new IOException(
            name
                + " is not valid "
                + charset
                + " text near row "
                + (rowNumber + 1)
                + "; set ENCODING to the file's encoding.");
      }
      throw new IOException("Cannot read " + name + ": " + cause.getMessage(), cause);
    } catch (IllegalStateException e) {
      throw new ConversionException(
          name + ": row " + (rowNumber + 1) + " is not valid CSV: " + e.getMessage());
    }
  }

  @Override
  public List<ColumnSpec> columns() {
    return columns;
  }

  @Override
  public Object[] next() throws IOException {
    CSVRecord record = pending;
    if (record == null) {
      recordStart = -1;
      return null;
    }
    recordStart = record.getCharacterPosition();
    input.discardBefore(recordStart);
    pending = null;
    rowNumber++;
    pending = fetch();
    recordEnd = pending != null ? pending.getCharacterPosition() : input.position();
    if (record.size() != fileColumns.size()) {
      throw new ConversionException(
          name
              + ": row "
              + rowNumber
              + " has "
              + record.size()
              + " fields, expected "
              + fileColumns.size()
              + " ("
              + fileColumns.stream().map(ColumnSpec::name).collect(Collectors.joining(", "))
              + "); check DELIMITER and the column list.");
    }
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      String text = record.get(fieldIndex[i]);
      ColumnSpec column = columns.get(i);
      row[i] = convert(column, text);
    }
    rowsRead++;
    return row;
  }

  private Object convert(ColumnSpec column, String text) {
    if (text == null) {
      return null;
    }
    DataType type = column.type();
    boolean textual = type.equals(DataTypes.TEXT) || type.equals(DataTypes.ASCII);
    if (!textual && (text.isEmpty() || text.equals(nullText))) {
      return null;
    }
    try {
      return values.parse(type, text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ConversionException(
          name
              + ": row "
              + rowNumber
              + ", column "
              + column.name()
              + " ("
              + type.asCql(false, true)
              + "): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public long rowsRead() {
    return rowsRead;
  }

  /** The raw text of the row last returned or refused, without its line break. */
  @Override
  public String lastRecord() {
    return recordStart < 0 ? null : input.text(recordStart, recordEnd);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
