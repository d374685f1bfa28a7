package io.cqlp.output;

import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints a query's result page by page, as a cqlsh table or, with EXPAND ON, as cqlsh's vertical
 * {@code @ Row N} blocks. Memory is bounded by one block of at most {@code blockRows} rows,
 * whatever the result's size: pages are fetched from Cassandra as the previous one is printed.
 */
public final class ResultPrinter {
  private final PrintWriter out;
  private final ValueFormatter formatter;

  /**
   * @param out where to print; not null
   * @param formatter value formatting; not null
   */
  public ResultPrinter(PrintWriter out, ValueFormatter formatter) {
    this.out = out;
    this.formatter = formatter;
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
    List<String> names = new ArrayList<>();
    for (ColumnDefinition column : result.getColumnDefinitions()) {
      names.add(column.getName().asCql(true));
    }
    if (names.isEmpty()) {
      return 0;
    }
    return expand ? printExpanded(result, names, tee) : printTable(result, names, blockRows, tee);
  }

  private long printTable(ResultSet result, List<String> names, int blockRows, Consumer<Row> tee) {
    TablePrinter table = new TablePrinter(out, names);
    List<String[]> block = new ArrayList<>(Math.min(blockRows, 5000));
    for (Row row : result) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      if (tee != null) {
        tee.accept(row);
      }
      block.add(formatRow(row, names.size()));
      if (block.size() >= blockRows) {
        table.printBlock(block);
        block.clear();
      }
    }
    if (!block.isEmpty()) {
      table.printBlock(block);
    }
    table.finish();
    return table.rows();
  }

  private long printExpanded(ResultSet result, List<String> names, Consumer<Row> tee) {
    int nameWidth = names.stream().mapToInt(DisplayWidth::of).max().orElse(0);
    long count = 0;
    for (Row row : result) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      if (tee != null) {
        tee.accept(row);
      }
      String[] cells = formatRow(row, names.size());
      int valueWidth = 0;
      for (String cell : cells) {
        valueWidth = Math.max(valueWidth, DisplayWidth.of(cell));
      }
      count++;
      out.println();
      out.println("@ Row " + count);
      out.println("-" + "-".repeat(nameWidth) + "-+-" + "-".repeat(valueWidth) + "-");
      for (int c = 0; c < cells.length; c++) {
        String name = names.get(c);
        out.println(" " + name + " ".repeat(nameWidth - DisplayWidth.of(name)) + " | " + cells[c]);
      }
    }
    out.println();
    out.println("(" + count + " rows)");
    out.flush();
    return count;
  }

  private String[] formatRow(Row row, int columns) {
    String[] cells = new String[columns];
    for (int c = 0; c < columns; c++) {
      // isNull looks at the bytes: getObject gives an empty collection for a null one.
      cells[c] = formatter.format(row.isNull(c) ? null : row.getObject(c));
    }
    return cells;
  }
}
