package io.cqlp.inspect;

import io.cqlp.format.parquet.read.ParquetFooter;
import io.cqlp.output.DisplayWidth;
import io.cqlp.transfer.dataset.DatasetFile;
import io.cqlp.transfer.dataset.DatasetListing;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints DESCRIBE FILE: for a file, a header of {@code Label: value} lines (File, Size, Created by,
 * Rows, Row groups, Codecs), the columns (name, Parquet type, repetition, CQL type for import,
 * {@code -} where cqlp cannot load the column), the row groups (rows, compressed and uncompressed
 * bytes), and the footer's key-value metadata ({@code key = value}; a value of more than {@link
 * #MAX_VALUE_CHARS} characters is cut, but never cqlp's own {@code cqlp.*} entries). For a dataset:
 * Dataset, Files, Partition columns, Rows, a line per file, then the first file's description.
 */
final class FileDescription {
  /** Characters of a foreign key-value entry shown (Arrow's schema is a long base64 text). */
  static final int MAX_VALUE_CHARS = 200;

  private final PrintWriter out;

  FileDescription(PrintWriter out) {
    this.out = out;
  }

  void file(ParquetFooter footer) {
    out.println();
    out.println("File: " + footer.file());
    out.println("Size: " + footer.size() + " bytes");
    out.println("Created by: " + (footer.createdBy() == null ? "(unknown)" : footer.createdBy()));
    out.println("Rows: " + footer.totalRows());
    out.println("Row groups: " + footer.rowGroups().size());
    out.println("Codecs: " + String.join(", ", footer.codecs()));
    out.println();
    List<String[]> columns = new ArrayList<>();
    columns.add(new String[] {"column", "parquet type", "repetition", "cql type"});
    for (ParquetFooter.Column c : footer.columns()) {
      columns.add(
          new String[] {
            c.name(),
            c.parquetType(),
            c.repetition(),
            c.cqlType().map(t -> t.asCql(false, true)).orElse("-")
          });
    }
    table(columns, false);
    out.println();
    List<String[]> groups = new ArrayList<>();
    groups.add(new String[] {"row group", "rows", "compressed bytes", "uncompressed bytes"});
    for (int i = 0; i < footer.rowGroups().size(); i++) {
      ParquetFooter.RowGroup g = footer.rowGroups().get(i);
      groups.add(
          new String[] {
            String.valueOf(i),
            String.valueOf(g.rows()),
            String.valueOf(g.compressedBytes()),
            String.valueOf(g.uncompressedBytes())
          });
    }
    table(groups, true);
    out.println();
    out.println("Key-value metadata:" + (footer.keyValues().isEmpty() ? " none" : ""));
    for (Map.Entry<String, String> e : footer.keyValues().entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue();
      if (!e.getKey().startsWith("cqlp.") && value.length() > MAX_VALUE_CHARS) {
        value = value.substring(0, MAX_VALUE_CHARS) + "... (" + value.length() + " characters)";
      }
      out.println("  " + e.getKey() + " = " + value);
    }
    out.println();
  }

  void dataset(DatasetListing listing, List<String> partitionColumns, List<ParquetFooter> footers) {
    out.println();
    out.println("Dataset: " + listing.root());
    out.println("Files: " + footers.size());
    out.println(
        "Partition columns: "
            + (partitionColumns.isEmpty() ? "none" : String.join(", ", partitionColumns)));
    out.println("Rows: " + footers.stream().mapToLong(ParquetFooter::totalRows).sum());
    out.println();
    List<String[]> files = new ArrayList<>();
    files.add(new String[] {"file", "rows", "bytes"});
    for (int i = 0; i < footers.size(); i++) {
      DatasetFile f = listing.files().get(i);
      files.add(
          new String[] {
            listing.root().relativize(f.file()),
            String.valueOf(footers.get(i).totalRows()),
            String.valueOf(footers.get(i).size())
          });
    }
    table(files, false);
    out.println();
    out.println("Schema of the first file:");
    file(footers.get(0));
  }

  /** Prints rows of cells in aligned columns, the first row as a header over a rule. */
  private void table(List<String[]> rows, boolean numbersRight) {
    int n = rows.get(0).length;
    int[] widths = new int[n];
    for (String[] row : rows) {
      for (int c = 0; c < n; c++) {
        widths[c] = Math.max(widths[c], DisplayWidth.of(row[c]));
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < n; c++) {
        String cell = rows.get(r)[c];
        int pad = widths[c] - DisplayWidth.of(cell);
        line.append(c == 0 ? " " : " | ");
        boolean right = numbersRight && r > 0;
        line.append(" ".repeat(right ? pad : 0)).append(cell).append(" ".repeat(right ? 0 : pad));
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < n; c++) {
          rule.append(c == 0 ? "-" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(rule);
      }
    }
  }
}
