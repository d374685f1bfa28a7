package io.cqlp.capture;

import io.cqlp.output.TablePrinter;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.ValueFormatter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures results as text, the way cqlsh's CAPTURE does: each result as the table the prompt
 * shows, with its {@code (N rows)} line. Widths are computed per block of 5,000 rows, so memory
 * stays bounded.
 */
final class TextResultWriter extends StagedResultWriter {
  private static final int BLOCK = 5000;
  private final PrintWriter out;
  private final ValueFormatter formatter = new ValueFormatter();
  private final List<String[]> block = new ArrayList<>();
  private TablePrinter table;

  TextResultWriter(Location target) throws IOException {
    super(target);
    out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8)));
  }

  @Override
  public void begin(List<ColumnSpec> columns) {
    table = new TablePrinter(out, columns.stream().map(ColumnSpec::name).toList());
    block.clear();
  }

  @Override
  public void write(Object[] row) {
    String[] cells = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      cells[i] = formatter.format(row[i]);
    }
    block.add(cells);
    if (block.size() >= BLOCK) {
      table.printBlock(block);
      block.clear();
    }
  }

  @Override
  public void end() {
    if (!block.isEmpty()) {
      table.printBlock(block);
      block.clear();
    }
    table.finish();
  }

  @Override
  protected void closeContent() throws IOException {
    out.flush();
  }
}
