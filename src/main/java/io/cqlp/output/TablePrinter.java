package io.cqlp.output;

import io.cqlp.types.CqlshText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints result rows as cqlsh does: a leading blank line, column names left-aligned, a rule of
 * {@code -} and {@code +}, every value right-aligned in its column, then a blank line and {@code (N
 * rows)}. Column widths are computed per block of rows, so memory is bounded by one block (cqlsh
 * computes them per page in the same way when paging is on).
 *
 * <p>At a terminal ({@link #fitTo}), a table wider than the terminal never wraps: the widest
 * columns are narrowed and their long cells cut with {@code …}. With {@link #headerEveryBlock} each
 * block gets its own header, as cqlsh's pages at a terminal.
 *
 * <p>Usage: {@link #printBlock} any number of times, then {@link #finish}. Not thread-safe.
 */
public final class TablePrinter {
  private final PrintWriter out;
  private final List<String> names;
  private long rows;
  private boolean headerPrinted;
  private int maxWidth;
  private boolean headerEveryBlock;
  private boolean tty = true;

  /** The narrowest a column is cut to when fitting the terminal, in cells. */
  static final int MIN_FIT_WIDTH = 6;

  /**
   * @param out where to print; flushed after every block
   * @param names column names in display order
   */
  public TablePrinter(PrintWriter out, List<String> names) {
    this.out = out;
    this.names = List.copyOf(names);
  }

  /**
   * Fits every line into {@code width} cells by narrowing the widest columns (never below {@value
   * #MIN_FIT_WIDTH} cells) and cutting their cells with {@code …}.
   *
   * @param width the terminal's width in cells; 0 for no limit (the default)
   * @return this printer
   */
  public TablePrinter fitTo(int width) {
    this.maxWidth = Math.max(0, width);
    return this;
  }

  /**
   * @param on print the header above every block, not only the first (cqlsh's pages at a terminal);
   *     off by default
   * @return this printer
   */
  public TablePrinter headerEveryBlock(boolean on) {
    this.headerEveryBlock = on;
    return this;
  }

  /**
   * @param on whether output goes to a terminal prompt (the default); when not, an empty result
   *     gets one more blank line before {@code (0 rows)}, as cqlsh prints it with {@code -e} or
   *     {@code -f} ({@code print_result} and {@code print_formatted_result})
   * @return this printer
   */
  public TablePrinter tty(boolean on) {
    this.tty = on;
    return this;
  }

  /**
   * Prints one block of formatted rows with its own header (the first block only) and widths.
   *
   * @param block rows of already formatted values, each of {@code names.size()} cells
   */
  public void printBlock(List<String[]> block) {
    printBlock(block, null);
  }

  /**
   * As {@link #printBlock(List)}, with cells counted narrower than they are, as cqlsh counts empty
   * collections ({@link CqlshText#uncounted}): their columns and padding follow that count.
   *
   * @param uncounted for each row, the cells each cell's width is counted short by; null for none
   */
  public void printBlock(List<String[]> block, List<int[]> uncounted) {
    int[] widths = new int[names.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = DisplayWidth.of(names.get(c));
    }
    for (int r = 0; r < block.size(); r++) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] =
            Math.max(widths[c], DisplayWidth.of(block.get(r)[c]) - shortBy(uncounted, r, c));
      }
    }
    if (maxWidth > 0) {
      fit(widths);
    }
    if (!headerPrinted || headerEveryBlock) {
      printHeader(widths);
      headerPrinted = true;
    }
    StringBuilder line = new StringBuilder();
    for (int r = 0; r < block.size(); r++) {
      String[] row = block.get(r);
      line.setLength(0);
      line.append(' ');
      for (int c = 0; c < widths.length; c++) {
        if (c > 0) {
          line.append(" | ");
        }
        String cell = maxWidth > 0 ? DisplayWidth.truncate(row[c], widths[c]) : row[c];
        pad(
            line,
            widths[c] - DisplayWidth.of(cell) + (cell == row[c] ? shortBy(uncounted, r, c) : 0));
        line.append(cell);
      }
      out.println(line);
    }
    rows += block.size();
    out.flush();
  }

  private void printHeader(int[] widths) {
    StringBuilder header = new StringBuilder(" ");
    StringBuilder rule = new StringBuilder("-");
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        header.append(" | ");
        rule.append("-+-");
      }
      String name = maxWidth > 0 ? DisplayWidth.truncate(names.get(c), widths[c]) : names.get(c);
      header.append(name);
      pad(header, widths[c] - DisplayWidth.of(name));
      rule.append("-".repeat(widths[c]));
    }
    rule.append('-');
    out.println();
    out.println(header.toString().stripTrailing());
    out.println(rule);
  }

  /** Prints the closing {@code (N rows)} line (and the header when no row came). */
  public void finish() {
    if (!headerPrinted) {
      printBlock(new ArrayList<>());
      if (!tty) {
        out.println();
      }
    }
    out.println();
    out.println("(" + rows + " rows)");
    out.flush();
  }

  /** Rows printed so far. */
  public long rows() {
    return rows;
  }

  /** Narrows the widest columns until a line ({@code -w1-+-w2-...}) fits {@link #maxWidth}. */
  private void fit(int[] widths) {
    int total = 2 + 3 * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    int overflow = total - maxWidth;
    while (overflow > 0) {
      int widest = 0;
      for (int c = 1; c < widths.length; c++) {
        if (widths[c] > widths[widest]) {
          widest = c;
        }
      }
      if (widths[widest] <= MIN_FIT_WIDTH) {
        return;
      }
      int second = MIN_FIT_WIDTH;
      for (int c = 0; c < widths.length; c++) {
        if (c != widest) {
          second = Math.max(second, widths[c]);
        }
      }
      int cut = Math.max(1, Math.min(overflow, widths[widest] - second));
      widths[widest] -= cut;
      overflow -= cut;
    }
  }

  static int shortBy(List<int[]> uncounted, int row, int column) {
    return uncounted == null ? 0 : uncounted.get(row)[column];
  }

  private static void pad(StringBuilder line, int n) {
    for (int i = 0; i < n; i++) {
      line.append(' ');
    }
  }
}
