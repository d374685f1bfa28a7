package io.cqlp.format.xlsx;

import io.cqlp.types.ValueFormatter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Streams rows into an Office Open XML workbook (.xlsx) through fastexcel, with memory bounded by
 * {@link #FLUSH_ROWS} rows: every value is written as an inline string or a number, so no shared
 * string table grows with the data.
 *
 * <p>Cells, per value (Java types of the Cassandra driver):
 *
 * <ul>
 *   <li>tinyint, smallint, int: numbers; bigint, counter, varint and decimal: numbers when they
 *       have at most {@link #EXACT_DIGITS} significant digits (what an Excel cell shows and keeps),
 *       else text, so that nothing is rounded;
 *   <li>float, double: numbers (a float as its shortest decimal text, {@code 0.1f} as 0.1); NaN and
 *       the infinities, which Excel cannot hold, as the text {@code NaN}, {@code Infinity}, {@code
 *       -Infinity};
 *   <li>boolean: Excel booleans;
 *   <li>timestamp: an Excel date-time in UTC, format {@code yyyy-mm-dd hh:mm:ss.000}; date: an
 *       Excel date, format {@code yyyy-mm-dd}; either as ISO-8601 text ({@code
 *       2024-01-02T03:04:05.678Z}, {@code 1899-12-31}) outside Excel's dates, 1900-03-01 to
 *       9999-12-31 (Excel's serial numbers before March 1900 count a day that never was);
 *   <li>NULL: an empty cell; everything else (text, uuid, inet, blob, time, duration, collections,
 *       UDTs, tuples, vectors) as cqlsh shows it ({@link ValueFormatter}).
 * </ul>
 *
 * <p>A sheet holds at most {@link #MAX_ROWS_PER_SHEET} rows (Excel's limit), its header row
 * included; the rows after that continue on a new sheet, {@code Sheet2}, {@code Sheet3}, ..., which
 * starts with the same header row. Not thread-safe.
 */
public final class XlsxWriter {
  /** Rows per sheet in Excel 2007 and later (ECMA-376 / Excel specifications and limits). */
  public static final int MAX_ROWS_PER_SHEET = 1_048_576;

  /** Characters an Excel cell holds at most. */
  public static final int MAX_CELL_CHARS = 32_767;

  /** Significant digits an Excel number keeps (IEEE double shown with 15 digits). */
  public static final int EXACT_DIGITS = 15;

  /** Rows kept in memory before they are flushed to the stream. */
  static final int FLUSH_ROWS = 1000;

  private static final String TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss.000";
  private static final String DATE_FORMAT = "yyyy-mm-dd";
  private static final LocalDate FIRST_DATE = LocalDate.of(1900, 3, 1);
  private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
  private static final BigInteger EXACT_LIMIT = BigInteger.TEN.pow(EXACT_DIGITS);
  private static final ValueFormatter TEXT = new ValueFormatter();

  private final OutputStream out;
  private final Workbook workbook;
  private final int rowsPerSheet;
  private Worksheet sheet;
  private int sheets;
  private int row;
  private List<String> header = List.of();
  private long dataRows;

  /**
   * @param out where the workbook goes; closed by {@link #finish()}
   * @param rowsPerSheet rows per sheet before a new one is begun, header included; {@link
   *     #MAX_ROWS_PER_SHEET} but in tests
   */
  XlsxWriter(OutputStream out, int rowsPerSheet) {
    if (rowsPerSheet < 2) {
      throw new IllegalArgumentException("a sheet must hold a header and a row");
    }
    this.out = out;
    this.workbook = new Workbook(out, "cqlp", "1.0");
    this.rowsPerSheet = rowsPerSheet;
  }

  /** A writer of sheets of {@link #MAX_ROWS_PER_SHEET} rows. */
  public XlsxWriter(OutputStream out) {
    this(out, MAX_ROWS_PER_SHEET);
  }

  /**
   * Begins a table of rows: writes a header row of {@code names} (plain text) on the current sheet,
   * or on the first sheet when none is begun yet.
   *
   * @param names the column names, in row order
   * @throws IOException if the stream fails
   */
  public void header(List<String> names) throws IOException {
    header = List.copyOf(names);
    if (sheet == null || row >= rowsPerSheet) {
      newSheet();
    } else {
      writeHeader();
    }
  }

  /**
   * Writes one row under the current header.
   *
   * @param values one value per header column, in the driver's Java types; null = empty cell
   * @throws IOException if the stream fails
   * @throws IllegalArgumentException if a text is longer than {@link #MAX_CELL_CHARS}, naming the
   *     column
   */
  public void row(Object[] values) throws IOException {
    if (sheet == null || row >= rowsPerSheet) {
      newSheet();
    }
    for (int c = 0; c < values.length; c++) {
      cell(c, values[c]);
    }
    row++;
    dataRows++;
    if (row % FLUSH_ROWS == 0) {
      sheet.flush();
    }
  }

  /** Sheets begun so far. */
  public int sheets() {
    return sheets;
  }

  /** Data rows written so far (header rows not counted). */
  public long rows() {
    return dataRows;
  }

  /**
   * Ends the sheet of rows and writes a sheet of plain text cells after it (COPY 'file' TO with
   * INCLUDE_METADATA: the columns and the source's metadata); rows written later would go on a new
   * data sheet.
   *
   * @param name the sheet's name, unique in the workbook (at most 31 characters, Excel's limit)
   * @param rows the rows of cells, the first one the header; a null cell is left empty
   * @throws IOException if the stream fails
   * @throws IllegalArgumentException if a cell is longer than {@link #MAX_CELL_CHARS}
   */
  public void textSheet(String name, List<List<String>> rows) throws IOException {
    if (sheet == null) {
      newSheet();
    }
    sheet.finish();
    Worksheet text = workbook.newWorksheet(name);
    for (int r = 0; r < rows.size(); r++) {
      List<String> cells = rows.get(r);
      for (int c = 0; c < cells.size(); c++) {
        String value = cells.get(c);
        if (value != null) {
          if (value.length() > MAX_CELL_CHARS) {
            throw new IllegalArgumentException(
                "sheet "
                    + name
                    + ": a cell of "
                    + value.length()
                    + " characters is longer than Excel's "
                    + MAX_CELL_CHARS);
          }
          text.inlineString(r, c, value);
        }
      }
    }
    sheet = text;
    row = rowsPerSheet;
  }

  /**
   * Finishes the workbook (an empty first sheet if nothing was written) and closes the stream.
   *
   * @throws IOException if the stream fails
   */
  public void finish() throws IOException {
    if (sheet == null) {
      newSheet();
    }
    sheet.finish();
    workbook.finish();
    out.close();
  }

  private void newSheet() throws IOException {
    if (sheet != null) {
      sheet.finish();
    }
    sheets++;
    sheet = workbook.newWorksheet("Sheet" + sheets);
    row = 0;
    writeHeader();
  }

  private void writeHeader() {
    if (header.isEmpty()) {
      return;
    }
    for (int c = 0; c < header.size(); c++) {
      sheet.inlineString(row, c, header.get(c));
    }
    row++;
  }

  private void cell(int c, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
      sheet.value(row, c, (Number) value);
    } else if (value instanceof Long l) {
      number(c, BigInteger.valueOf(l), value);
    } else if (value instanceof BigInteger i) {
      number(c, i, value);
    } else if (value instanceof BigDecimal d) {
      if (d.precision() <= EXACT_DIGITS && Math.abs(d.precision() - d.scale()) < 300) {
        sheet.value(row, c, d);
      } else {
        text(c, d.toString());
      }
    } else if (value instanceof Float f) {
      floating(c, f.doubleValue(), Float.toString(f));
    } else if (value instanceof Double d) {
      floating(c, d, Double.toString(d));
    } else if (value instanceof Boolean b) {
      sheet.value(row, c, b);
    } else if (value instanceof Instant i) {
      LocalDateTime utc = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
      if (inExcel(utc.toLocalDate())) {
        sheet.value(row, c, utc);
        sheet.style(row, c).format(TIMESTAMP_FORMAT).set();
      } else {
        text(c, i.toString());
      }
    } else if (value instanceof LocalDate d) {
      if (inExcel(d)) {
        sheet.value(row, c, d);
        sheet.style(row, c).format(DATE_FORMAT).set();
      } else {
        text(c, d.toString());
      }
    } else if (value instanceof String s) {
      text(c, s);
    } else {
      text(c, TEXT.format(value));
    }
  }

  private static boolean inExcel(LocalDate date) {
    return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
  }

  private void number(int c, BigInteger v, Object value) {
    if (v.abs().compareTo(EXACT_LIMIT) < 0) {
      sheet.value(row, c, (Number) value);
    } else {
      text(c, v.toString());
    }
  }

  private void floating(int c, double v, String exact) {
    if (Double.isNaN(v)) {
      text(c, "NaN");
    } else if (Double.isInfinite(v)) {
      text(c, v > 0 ? "Infinity" : "-Infinity");
    } else {
      sheet.value(row, c, Double.parseDouble(exact));
    }
  }

  private void text(int c, String s) {
    if (s.length() > MAX_CELL_CHARS) {
      throw new IllegalArgumentException(
          "the value of column "
              + (header.size() > c ? header.get(c) : c + 1)
              + " has "
              + s.length()
              + " characters; an Excel cell holds at most "
              + MAX_CELL_CHARS);
    }
    sheet.inlineString(row, c, s);
  }
}
