package io.cqlp.transfer.dataset;

import io.cqlp.command.Options;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the files of a dataset one after the other as one source of rows, with the values of
 * partition columns taken from the directory names.
 *
 * <p>A directory key that names a target column (exactly, else ignoring case) gives that column its
 * value for every row below it, read by {@link PathValues#parse} in the column's CQL type ({@code
 * __HIVE_DEFAULT_PARTITION__} is NULL); a file column of the same name is then ignored. Other keys
 * (cqlp's virtual columns such as {@code date.month}, or {@code year=2024} of a derived
 * partitioning) are not data: they only serve PARTITION_FILTER. The other columns come from the
 * files, each opened in turn through the {@link SourceFactory} and closed at its end, so one file
 * is open at a time.
 *
 * <p>Columns: with a column list, those columns; without, every target column that a file or a
 * directory key has (the footers of all files to read are looked at first), in table order. A file
 * that lacks one of them gives NULL for it. Not thread-safe.
 */
public final class DatasetSource implements RowSource {
  /**
   * FORMAT=PARQUET: the files of a dataset are Parquet whatever their names, unless FORMAT says.
   */
  private static final Options PARQUET = Options.builder().add("FORMAT", "PARQUET").build();

  private final DatasetListing listing;
  private final TableSchema fileSchema;
  private final boolean explicitColumns;
  private final SourceFactory files;
  private final Options options;
  private final List<ColumnSpec> columns;

  /** Target column of each partition key that names one. */
  private final Map<String, ColumnSpec> pathColumns;

  private final Map<String, Integer> positions = new HashMap<>();
  private final Set<List<PathLevel>> partitions = new HashSet<>();
  private int nextFile;
  private RowSource current;
  private int[] currentTargets;
  private Object[] currentPathValues;
  private long rowsRead;
  private long filesOpened;
  private long bytesRead;

  private DatasetSource(
      DatasetListing listing,
      TableSchema fileSchema,
      boolean explicitColumns,
      SourceFactory files,
      Options options,
      List<ColumnSpec> columns,
      Map<String, ColumnSpec> pathColumns) {
    this.listing = listing;
    this.fileSchema = fileSchema;
    this.explicitColumns = explicitColumns;
    this.files = files;
    this.options = options;
    this.columns = List.copyOf(columns);
    this.pathColumns = pathColumns;
    for (int i = 0; i < columns.size(); i++) {
      positions.put(columns.get(i).name(), i);
    }
  }

  /**
   * Prepares to read a dataset.
   *
   * @param listing the files to read
   * @param schema the target table, with the columns to fill (the column list, or all)
   * @param explicitColumns true when the user listed the columns: each must be a partition key or
   *     in every file
   * @param files opens each file
   * @param given the COPY options, passed on to {@code files} (with FORMAT=PARQUET unless given)
   * @return the source, no file open yet
   * @throws IOException if a file's footer cannot be read (one-line message naming it)
   * @throws TransferException if two keys name the same column
   */
  public static DatasetSource open(
      DatasetListing listing,
      TableSchema schema,
      boolean explicitColumns,
      SourceFactory files,
      Options given)
      throws IOException {
    Options options = given.withDefaults(PARQUET);
    Map<String, ColumnSpec> pathColumns = new LinkedHashMap<>();
    Map<String, String> keyOfColumn = new HashMap<>();
    for (String key : listing.keys()) {
      ColumnSpec column = find(key, schema.columns());
      if (column != null) {
        String other = keyOfColumn.putIfAbsent(column.name(), key);
        if (other != null) {
          throw new TransferException(
              "Directories of "
                  + listing.root()
                  + " name column '"
                  + column.name()
                  + "' twice, as '"
                  + other
                  + "' and '"
                  + key
                  + "'.");
        }
        pathColumns.put(key, column);
      }
    }
    Set<String> fromPath = new HashSet<>(keyOfColumn.keySet());
    TableSchema fileSchema =
        explicitColumns
            ? new TableSchema(
                schema.keyspace(),
                schema.table(),
                schema.columns().stream().filter(c -> !fromPath.contains(c.name())).toList(),
                schema.partitionKey())
            : schema;
    List<ColumnSpec> columns;
    if (explicitColumns || listing.files().isEmpty()) {
      columns = schema.columns();
    } else {
      Set<String> found = new HashSet<>(fromPath);
      for (DatasetFile file : listing.files()) {
        if (found.size() == schema.columns().size()) {
          break; // every table column is found: the other footers cannot add one
        }
        try (RowSource probe = files.open(file.file(), fileSchema, false, options)) {
          probe.columns().forEach(c -> found.add(c.name()));
        }
      }
      columns = schema.columns().stream().filter(c -> found.contains(c.name())).toList();
    }
    return new DatasetSource(
        listing, fileSchema, explicitColumns, files, options, columns, pathColumns);
  }

  /** The exact name, else the single case-insensitive match, else null. */
  private static ColumnSpec find(String key, List<ColumnSpec> columns) {
    for (ColumnSpec c : columns) {
      if (c.name().equals(key)) {
        return c;
      }
    }
    ColumnSpec found = null;
    for (ColumnSpec c : columns) {
      if (c.name().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        if (found != null) {
          return null;
        }
        found = c;
      }
    }
    return found;
  }

  @Override
  public List<ColumnSpec> columns() {
    return columns;
  }

  /**
   * The record text of the row the current file last gave or refused (a CSV line, a JSON object),
   * for the ERRFILE; null when directory names fill columns (the record alone would lack their
   * values) or for a format without a text form (Parquet).
   */
  @Override
  public String lastRecord() {
    return current == null || !pathColumns.isEmpty() ? null : current.lastRecord();
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConversionException also for a directory value that is not a value of its column's type
   *     (the directory, key and column are named)
   */
  @Override
  public Object[] next() throws IOException {
    while (true) {
      if (current == null && !openNext()) {
        return null;
      }
      Object[] values = current.next();
      if (values == null) {
        current.close();
        current = null;
        continue;
      }
      Object[] row = currentPathValues.clone();
      for (int i = 0; i < values.length; i++) {
        int target = currentTargets[i];
        if (target >= 0) {
          row[target] = values[i];
        }
      }
      rowsRead++;
      return row;
    }
  }

  private boolean openNext() throws IOException {
    if (nextFile >= listing.files().size()) {
      return false;
    }
    DatasetFile file = listing.files().get(nextFile++);
    Object[] pathValues = new Object[columns.size()];
    Set<Integer> fromPath = new HashSet<>();
    for (PathLevel level : file.levels()) {
      ColumnSpec column = pathColumns.get(level.key());
      Integer position = column == null ? null : positions.get(column.name());
      if (position != null) {
        try {
          pathValues[position] = PathValues.parse(column, level.rawValue());
        } catch (IllegalArgumentException e) {
          throw new ConversionException(
              "cannot load '"
                  + file.file().parent()
                  + "', directory '"
                  + level.key()
                  + "="
                  + level.rawValue()
                  + "' into column '"
                  + column.name()
                  + "' (CQL "
                  + column.type().asCql(false, true)
                  + "): "
                  + e.getMessage(),
              e);
        }
        fromPath.add(position);
      }
    }
    RowSource source = files.open(file.file(), fileSchema, explicitColumns, options);
    int[] targets = new int[source.columns().size()];
    for (int i = 0; i < targets.length; i++) {
      Integer position = positions.get(source.columns().get(i).name());
      targets[i] = position == null || fromPath.contains(position) ? -1 : position;
    }
    current = source;
    currentTargets = targets;
    currentPathValues = pathValues;
    filesOpened++;
    bytesRead += file.size();
    if (!file.levels().isEmpty()) {
      partitions.add(file.levels());
    }
    return true;
  }

  @Override
  public long rowsRead() {
    return rowsRead;
  }

  /** Files opened so far. */
  @Override
  public long filesRead() {
    return filesOpened;
  }

  /** Bytes of the files opened so far. */
  @Override
  public long bytesRead() {
    return bytesRead;
  }

  /** Distinct partition directories of the files opened so far. */
  @Override
  public long partitionsRead() {
    return partitions.size();
  }

  /** The dataset's root directory. */
  public Location root() {
    return listing.root();
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
