package io.cqlp.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints result rows as cqlsh does: a leading blank line, column names left-aligned, a rule of
 * {@code -} and {@code +}, every value right-aligned in its column, then a blank line and {@code
 * (N rows)}. Column widths are computed per block of rows, so memory is bounded by one block
 * (cqlsh computes them per page in the same way when paging is on).
 *
 * <p>Usage: {@link #printBlock} any number of times, then {@link #finish}. Not thread-safe.
 */
public final class TablePrinter {
  private final PrintWriter out;
  private final List<String> names;
  private long rows;
  private boolean headerPrinted;

  /**
   * @param out where to print; flushed after every block
   * @param names column names in display order
   */
  public TablePrinter(PrintWriter out, List<String> names) {
    this.out = out;
    this.names = List.copyOf(names);
  }

  /**
   * Prints one block of formatted rows with its own header (the first block only) and widths.
   *
   * @param block rows of already formatted values, each of {@code names.size()} cells
   */
  public void printBlock(List<String[]> block) {
    int[] widths = new int[names.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = DisplayWidth.of(names.get(c));
    }
    for (String[] row : block) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], DisplayWidth.of(row[c]));
      }
    }
    if (!headerPrinted) {
      printHeader(widths);
      headerPrinted = true;
    }
    StringBuilder line = new StringBuilder();
    for (String[] row : block) {
      line.setLength(0);
      line.append(' ');
      for (int c = 0; c < widths.length; c++) {
        if (c > 0) {
          line.append(" | ");
        }
        pad(line, widths[c] - DisplayWidth.of(row[c]));
        line.append(row[c]);
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
      header.append(names.get(c));
      pad(header, widths[c] - DisplayWidth.of(names.get(c)));
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
    }
    out.println();
    out.println("(" + rows + " rows)");
    out.flush();
  }

  /** Rows printed so far. */
  public long rows() {
    return rows;
  }

  private static void pad(StringBuilder line, int n) {
    for (int i = 0; i < n; i++) {
      line.append(' ');
    }
  }
}
