package io.cqlp.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out names in columns the way cqlsh lists them (Python's {@code cmd.Cmd.columnize}, used by
 * {@code DESCRIBE KEYSPACES}, {@code DESCRIBE TABLES} and {@code HELP}): names go down the columns
 * first, the fewest rows whose columns fit the width are used, columns are two spaces apart and
 * every cell is padded to its column's width. Widths are display widths ({@link DisplayWidth}).
 */
public final class Columns {
  private Columns() {}

  /**
   * @param names the names in order; empty gives {@code <empty>} as Python does
   * @param width the room in cells (cqlsh: 80 for DESCRIBE, 79 for HELP)
   * @return the lines, without line ends
   */
  public static List<String> layout(List<String> names, int width) {
    int size = names.size();
    if (size == 0) {
      return List.of("<empty>");
    }
    if (size == 1) {
      return List.of(names.get(0));
    }
    int rows = size;
    int[] widths = {0};
    for (int tryRows = 1; tryRows < size; tryRows++) {
      int cols = (size + tryRows - 1) / tryRows;
      int[] colWidths = new int[cols];
      int total = -2;
      for (int c = 0; c < cols; c++) {
        for (int r = 0; r < tryRows; r++) {
          int i = r + tryRows * c;
          if (i >= size) {
            break;
          }
          colWidths[c] = Math.max(colWidths[c], DisplayWidth.of(names.get(i)));
        }
        total += colWidths[c] + 2;
        if (total > width) {
          break;
        }
      }
      if (total <= width) {
        rows = tryRows;
        widths = colWidths;
        break;
      }
    }
    int cols = rows == size ? 1 : widths.length;
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<String> texts = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        int i = r + rows * c;
        texts.add(i < size ? names.get(i) : "");
      }
      while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
        texts.remove(texts.size() - 1);
      }
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < texts.size(); c++) {
        if (c > 0) {
          line.append("  ");
        }
        String text = texts.get(c);
        line.append(text)
            .append(" ".repeat(Math.max(0, (cols == 1 ? 0 : widths[c]) - DisplayWidth.of(text))));
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
