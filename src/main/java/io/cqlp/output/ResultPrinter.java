package io.cqlp.output;

import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cqlp.types.CqlshText;
import io.cqlp.types.JsonValues;
import io.cqlp.types.ValueFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Prints a query's result page by page in the {@link Display}'s format: a cqlsh table, cqlsh's
 * vertical {@code @ Row N} blocks (EXPAND ON or {@code --format expand}), JSON Lines (one object a
 * row, values typed by {@link JsonValues}) or CSV (a header, then values as cqlsh displays them,
 * NULL empty). Memory is bounded by one block of at most {@code blockRows} rows, whatever the
 * result's size: pages are fetched from Cassandra as the previous one is printed. With a {@link
 * Pager} (a terminal with PAGING ON), the table and vertical forms stop after each block until the
 * user asks for more.
 */
public final class ResultPrinter {
  private final PrintWriter out;
  private final ValueFormatter formatter;
  private final Display display;

  /**
   * @param out where to print; not null
   * @param formatter value formatting; not null
   */
  public ResultPrinter(PrintWriter out, ValueFormatter formatter) {
    this(out, formatter, new Display());
  }

  /**
   * @param out where to print; not null
   * @param formatter value formatting; not null
   * @param display the format, colours, width and pager, read at every result; not null
   */
  public ResultPrinter(PrintWriter out, ValueFormatter formatter, Display display) {
    this.out = out;
    this.formatter = formatter;
    this.display = display;
  }

  /**
   * Prints every row of {@code result}, fetching further pages as needed.
   *
   * @param result a result with column definitions (a SELECT); statements without columns print
   *     nothing
   * @param blockRows rows per printed block (widths are computed per block), at least 1
   * @param expand vertical display
   * @return rows printed
   */
  public long print(ResultSet result, int blockRows, boolean expand) {
    return print(result, blockRows, expand, null);
  }

  /**
   * Prints every row of {@code result} and hands each row to {@code tee} as it goes (CAPTURE).
   *
   * @param tee sees every printed row, in order; {@code null} for none
   */
  public long print(ResultSet result, int blockRows, boolean expand, Consumer<Row> tee) {
    return print(result, blockRows, expand, tee, true);
  }

  /**
   * As {@link #print(ResultSet, int, boolean, Consumer)}; {@code counted} false prints the rows as
   * cqlsh prints the result of a statement that is not a SELECT or LIST (a conditional update's
   * {@code [applied]} row): no {@code (N rows)} line, and nothing at all for no rows.
   *
   * @param counted whether the result ends with {@code (N rows)} (SELECT and LIST statements)
   */
  public long print(
      ResultSet result, int blockRows, boolean expand, Consumer<Row> tee, boolean counted) {
    List<String> names = new ArrayList<>();
    for (ColumnDefinition column : result.getColumnDefinitions()) {
      names.add(column.getName().asCql(true));
    }
    if (names.isEmpty()) {
      return 0;
    }
    Iterator<Row> rows = tee == null ? result.iterator() : teeing(result.iterator(), tee);
    if (!counted && !rows.hasNext()) {
      return 0;
    }
    // cqlsh heads a table with the names as the server gives them, escaped as text.
    List<String> shown = new ArrayList<>();
    for (ColumnDefinition column : result.getColumnDefinitions()) {
      shown.add(CqlshText.escape(column.getName().asInternal()));
    }
    try {
      return switch (display.format()) {
        case JSON -> printJson(rows, result);
        case CSV -> printCsv(rows, names);
        // cqlsh shows an empty result as a table header even with EXPAND ON
        default ->
            (expand || display.format() == OutputFormat.EXPAND) && rows.hasNext()
                ? printExpanded(rows, shown, blockRows, counted)
                : printTable(rows, shown, blockRows, counted);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("Could not print the result: " + e.getMessage(), e);
    }
  }

  private long printTable(Iterator<Row> rows, List<String> names, int blockRows, boolean counted) {
    TablePrinter table =
        new TablePrinter(out, colored(names))
            .fitTo(display.width())
            .headerEveryBlock(display.pager() != null)
            .tty(display.tty());
    List<String[]> block = new ArrayList<>(Math.min(blockRows, 5000));
    List<int[]> uncounted = new ArrayList<>(Math.min(blockRows, 5000));
    while (next(rows)) {
      addRow(rows.next(), names.size(), block, uncounted);
      if (block.size() >= blockRows) {
        table.printBlock(block, uncounted);
        block.clear();
        uncounted.clear();
        if (!more(rows)) {
          break;
        }
      }
    }
    if (!block.isEmpty()) {
      table.printBlock(block, uncounted);
    }
    if (counted) {
      table.finish();
    } else if (display.tty()) {
      out.println();
      out.flush();
    }
    return table.rows();
  }

  private long printExpanded(
      Iterator<Row> rows, List<String> names, int blockRows, boolean counted) {
    ExpandedPrinter expanded =
        new ExpandedPrinter(out, colored(names), display.tty()).fitTo(display.width());
    List<String[]> block = new ArrayList<>(Math.min(blockRows, 5000));
    List<int[]> uncounted = new ArrayList<>(Math.min(blockRows, 5000));
    while (next(rows)) {
      addRow(rows.next(), names.size(), block, uncounted);
      if (block.size() >= blockRows) {
        expanded.printBlock(block, uncounted);
        block.clear();
        uncounted.clear();
        if (!more(rows)) {
          break;
        }
      }
    }
    expanded.printBlock(block, uncounted);
    if (counted) {
      expanded.finish();
    }
    return expanded.rows();
  }

  private long printJson(Iterator<Row> rows, ResultSet result) throws IOException {
    List<String> keys = new ArrayList<>();
    for (ColumnDefinition column : result.getColumnDefinitions()) {
      keys.add(column.getName().asInternal());
    }
    JsonGenerator json = new JsonFactory().createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setRootValueSeparator(null);
    long count = 0;
    while (next(rows)) {
      Row row = rows.next();
      json.writeStartObject();
      for (int c = 0; c < keys.size(); c++) {
        json.writeFieldName(keys.get(c));
        JsonValues.write(json, row.isNull(c) ? null : row.getObject(c));
      }
      json.writeEndObject();
      json.writeRaw('\n');
      count++;
    }
    json.flush();
    out.flush();
    return count;
  }

  private long printCsv(Iterator<Row> rows, List<String> names) throws IOException {
    CSVPrinter csv =
        new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
    csv.printRecord(names);
    long count = 0;
    List<String> values = new ArrayList<>(names.size());
    while (next(rows)) {
      Row row = rows.next();
      values.clear();
      for (int c = 0; c < names.size(); c++) {
        values.add(row.isNull(c) ? "" : formatter.format(row.getObject(c)));
      }
      csv.printRecord(values);
      count++;
    }
    csv.flush();
    return count;
  }

  /** Whether another row is there, stopping at an interrupt (Ctrl-C). */
  private static boolean next(Iterator<Row> rows) {
    return !Thread.currentThread().isInterrupted() && rows.hasNext();
  }

  /** After a full block: asks the pager, if any, when more rows follow. */
  private boolean more(Iterator<Row> rows) {
    Pager pager = display.pager();
    return pager == null || !rows.hasNext() || pager.more();
  }

  private List<String> colored(List<String> names) {
    return names.stream().map(n -> Ansi.paint(n, Ansi.MAGENTA, display.colors())).toList();
  }

  /** Formats a row into {@code block}, and the cells cqlsh counts short into {@code uncounted}. */
  private void addRow(Row row, int columns, List<String[]> block, List<int[]> uncounted) {
    String[] cells = new String[columns];
    int[] shortBy = new int[columns];
    for (int c = 0; c < columns; c++) {
      // isNull looks at the bytes: getObject gives an empty collection for a null one.
      Object value = row.isNull(c) ? null : row.getObject(c);
      cells[c] = Ansi.paint(formatter.format(value), Ansi.colorOf(value), display.colors());
      shortBy[c] = formatter.screenText() == null ? 0 : CqlshText.uncounted(value);
    }
    block.add(cells);
    uncounted.add(shortBy);
  }

  private static Iterator<Row> teeing(Iterator<Row> rows, Consumer<Row> tee) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        tee.accept(row);
        return row;
      }
    };
  }
}
