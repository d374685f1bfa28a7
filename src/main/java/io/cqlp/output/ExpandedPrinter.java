package io.cqlp.output;

import io.cqlp.types.CqlshText;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints rows vertically as cqlsh's {@code EXPAND ON} ({@code print_formatted_result_vertically}):
 * for each row {@code @ Row N}, a rule, one {@code name | value} line per column with names
 * left-aligned, then a blank line. The name and value widths of the rule are the widest of the
 * block (cqlsh's page). The whole result starts with a blank line and ends with {@code (N rows)},
 * after one more blank line when not at a terminal.
 *
 * <p>Usage: {@link #printBlock} any number of times, then {@link #finish}. Not thread-safe.
 */
public final class ExpandedPrinter {
  private final PrintWriter out;
  private final List<String> names;
  private final boolean tty;
  private int maxWidth;
  private long rows;
  private boolean started;

  /**
   * @param out where to print; flushed after every block
   * @param names column names in display order (may hold colour sequences)
   * @param tty whether output goes to a terminal prompt (no blank line before {@code (N rows)})
   */
  public ExpandedPrinter(PrintWriter out, List<String> names, boolean tty) {
    this.out = out;
    this.names = List.copyOf(names);
    this.tty = tty;
  }

  /**
   * @param width the terminal's width in cells: longer values are cut with {@code …}; 0 for none
   * @return this printer
   */
  public ExpandedPrinter fitTo(int width) {
    this.maxWidth = Math.max(0, width);
    return this;
  }

  /** Prints one block of formatted rows, each of {@code names.size()} cells. */
  public void printBlock(List<String[]> block) {
    printBlock(block, null);
  }

  /**
   * As {@link #printBlock(List)}, the rule's value width counting cells short as cqlsh counts empty
   * collections ({@link CqlshText#uncounted}).
   *
   * @param uncounted for each row, the cells each cell's width is counted short by; null for none
   */
  public void printBlock(List<String[]> block, List<int[]> uncounted) {
    if (!started) {
      out.println();
      started = true;
    }
    if (block.isEmpty()) {
      return;
    }
    int nameWidth = names.stream().mapToInt(DisplayWidth::of).max().orElse(0);
    int valueWidth = 0;
    for (int r = 0; r < block.size(); r++) {
      for (int c = 0; c < block.get(r).length; c++) {
        valueWidth =
            Math.max(
                valueWidth,
                DisplayWidth.of(block.get(r)[c]) - TablePrinter.shortBy(uncounted, r, c));
      }
    }
    int room = maxWidth > 0 ? Math.max(TablePrinter.MIN_FIT_WIDTH, maxWidth - nameWidth - 4) : 0;
    if (room > 0) {
      valueWidth = Math.min(valueWidth, room);
    }
    for (String[] row : block) {
      rows++;
      out.println("@ Row " + rows);
      out.println("-" + "-".repeat(nameWidth) + "-+-" + "-".repeat(valueWidth) + "-");
      for (int c = 0; c < row.length; c++) {
        String name = names.get(c);
        String value = room > 0 ? DisplayWidth.truncate(row[c], room) : row[c];
        out.println(" " + name + " ".repeat(nameWidth - DisplayWidth.of(name)) + " | " + value);
      }
      out.println();
    }
    out.flush();
  }

  /** Prints the closing {@code (N rows)} line. */
  public void finish() {
    if (!started) {
      out.println();
    }
    if (!tty) {
      out.println();
    }
    out.println("(" + rows + " rows)");
    out.flush();
  }

  /** Rows printed so far. */
  public long rows() {
    return rows;
  }
}
