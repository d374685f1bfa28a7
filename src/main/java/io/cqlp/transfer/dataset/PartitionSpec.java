package io.cqlp.transfer.dataset;

import io.cqlp.rows.TransferException;
import io.cqlp.types.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the rows of an export are laid out in directories: the PARTITION option resolved against the
 * exported columns.
 *
 * <p>PARTITION is a comma-separated list of names. Each is a column (exact name, else the one
 * column whose name matches ignoring case; double quotes around a name keep it exact), or a virtual
 * column {@code col.year}, {@code col.month}, {@code col.day}, {@code col.hour}, {@code col.date}
 * of a timestamp, timeuuid or date column ({@link VirtualColumn}); a column whose own name contains
 * a dot wins over the virtual reading. Each name is one directory level, in the order given: {@code
 * origin=ORD/date.month=01}. Keys and values are Hive-escaped ({@link HiveEscaping}).
 *
 * <p>As Hive and Spark do, a partition column is stored only in the directory names, not in the
 * files ({@link #fileColumns()}); virtual columns are only in the directory names; the source
 * column of a virtual column stays in the files. Immutable and thread-safe.
 */
public final class PartitionSpec {
  /** Longest directory name most file systems take, in bytes. */
  static final int MAX_NAME_BYTES = 255;

  private final List<ColumnSpec> columns;
  private final List<PartitionField> fields;
  private final String[] escapedKeys;
  private final int[] fileIndexes;
  private final List<ColumnSpec> fileColumns;
  private final List<ColumnSpec> pathColumns;

  private PartitionSpec(List<ColumnSpec> columns, List<PartitionField> fields) {
    this.columns = List.copyOf(columns);
    this.fields = List.copyOf(fields);
    this.escapedKeys =
        fields.stream().map(f -> HiveEscaping.escape(f.key())).toArray(String[]::new);
    List<Integer> stored = new ArrayList<>();
    List<ColumnSpec> path = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      int index = i;
      boolean inPath = fields.stream().anyMatch(f -> !f.isVirtual() && f.index() == index);
      if (inPath) {
        path.add(columns.get(i));
      } else {
        stored.add(i);
      }
    }
    this.fileIndexes = stored.stream().mapToInt(Integer::intValue).toArray();
    this.fileColumns = stored.stream().map(columns::get).toList();
    this.pathColumns = List.copyOf(path);
  }

  /**
   * Resolves a PARTITION option.
   *
   * @param option the option's value, or null or blank for no partition levels
   * @param columns the exported columns, in row order
   * @return the spec
   * @throws TransferException (one line) for an empty or repeated name, a name that is no exported
   *     column, an unknown time part, a time part of a column of another type, a blob or non-scalar
   *     column, or a PARTITION that leaves no column in the files
   */
  public static PartitionSpec parse(String option, List<ColumnSpec> columns) {
    List<PartitionField> fields = new ArrayList<>();
    if (option != null && !option.isBlank()) {
      for (String raw : option.split(",", -1)) {
        String name = raw.trim();
        if (name.isEmpty()) {
          throw new TransferException(
              "PARTITION has an empty name in '" + option + "'; write PARTITION='col1,col2'.");
        }
        PartitionField field = resolve(name, columns);
        if (fields.stream().anyMatch(f -> f.key().equals(field.key()))) {
          throw new TransferException("PARTITION names '" + field.key() + "' twice.");
        }
        fields.add(field);
      }
    }
    PartitionSpec spec = new PartitionSpec(columns, fields);
    if (spec.fileColumns.isEmpty()) {
      throw new TransferException(
          "PARTITION puts every exported column into directory names; at least one column must stay"
              + " in the files.");
    }
    return spec;
  }

  private static PartitionField resolve(String name, List<ColumnSpec> columns) {
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      String exact = name.substring(1, name.length() - 1).replace("\"\"", "\"");
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(exact)) {
          return column(i, columns.get(i));
        }
      }
      throw unknown(exact, columns);
    }
    int index = find(name, columns);
    if (index >= 0) {
      return column(index, columns.get(index));
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0 && dot < name.length() - 1) {
      int base = find(name.substring(0, dot), columns);
      if (base >= 0) {
        ColumnSpec column = columns.get(base);
        String suffix = name.substring(dot + 1);
        VirtualColumn part =
            VirtualColumn.ofSuffix(suffix)
                .orElseThrow(
                    () ->
                        new TransferException(
                            "PARTITION '"
                                + name
                                + "': '"
                                + suffix
                                + "' is not a time part; use year, month, day, hour or date."));
        if (!part.appliesTo(column.type())) {
          throw new TransferException(
              "PARTITION '"
                  + name
                  + "': '"
                  + column.name()
                  + "' is "
                  + column.type().asCql(false, true)
                  + "; "
                  + part.suffix()
                  + " comes from a timestamp, timeuuid"
                  + (part == VirtualColumn.HOUR ? "" : " or date")
                  + " column.");
        }
        return new PartitionField(name, base, column, part);
      }
    }
    throw unknown(name, columns);
  }

  private static PartitionField column(int index, ColumnSpec column) {
    if (PathValues.scalarOf(column).isEmpty()) {
      throw new TransferException(
          "PARTITION column '"
              + column.name()
              + "' is "
              + column.type().asCql(false, true)
              + "; only scalar columns other than blob can name directories.");
    }
    return new PartitionField(column.name(), index, column, null);
  }

  private static TransferException unknown(String name, List<ColumnSpec> columns) {
    return new TransferException(
        "PARTITION names '"
            + name
            + "', which is not an exported column; the columns are: "
            + columns.stream().map(ColumnSpec::name).collect(Collectors.joining(", "))
            + " (time parts: col.year, col.month, col.day, col.hour, col.date).");
  }

  /** The exact name, else the single case-insensitive match, else -1. */
  private static int find(String name, List<ColumnSpec> columns) {
    int found = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  /** The partition levels, outermost first; empty when not partitioned. */
  public List<PartitionField> fields() {
    return fields;
  }

  /** Whether there is at least one partition level. */
  public boolean isPartitioned() {
    return !fields.isEmpty();
  }

  /** All the exported columns, in row order. */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /** The columns written into the files: every column but those that are partition levels. */
  public List<ColumnSpec> fileColumns() {
    return fileColumns;
  }

  /** The columns whose values are only in the directory names, in row order. */
  public List<ColumnSpec> pathColumns() {
    return pathColumns;
  }

  /**
   * The relative directory of a row, levels joined with {@code /}.
   *
   * @param row values in the order of {@link #columns()}
   * @return e.g. {@code origin=ORD/date.month=01}; empty when not partitioned
   * @throws TransferException if a level would be longer than 255 bytes
   */
  public String directory(Object[] row) {
    if (fields.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(64);
    for (int i = 0; i < escapedKeys.length; i++) {
      if (i > 0) {
        b.append('/');
      }
      int start = b.length();
      b.append(escapedKeys[i]).append('=').append(fields.get(i).value(row));
      int length = b.length() - start;
      if (length * 3 > MAX_NAME_BYTES
          && b.substring(start).getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw new TransferException(
            "The value of partition '"
                + fields.get(i).key()
                + "' is too long for a directory name ("
                + b.substring(start, Math.min(b.length(), start + 60))
                + "...; at most "
                + MAX_NAME_BYTES
                + " bytes with its key); partition by a shorter column or a time part.");
      }
    }
    return b.toString();
  }

  /**
   * The values of a row that go into the file.
   *
   * @param row values in the order of {@link #columns()}
   * @param into an array of {@code fileColumns().size()} to fill, reused between calls
   * @return {@code into}
   */
  public Object[] project(Object[] row, Object[] into) {
    for (int i = 0; i < fileIndexes.length; i++) {
      into[i] = row[fileIndexes[i]];
    }
    return into;
  }

  /** The levels by key, for messages: e.g. {@code origin, date.month}. */
  @Override
  public String toString() {
    return fields.stream().map(PartitionField::key).collect(Collectors.joining(", "));
  }
}
