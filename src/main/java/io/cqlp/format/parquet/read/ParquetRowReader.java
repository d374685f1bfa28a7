package io.cqlp.format.parquet.read;

import io.cqlp.format.parquet.Errors;
import io.cqlp.format.parquet.codec.HadoopFreeCodecFactory;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSource;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads rows of a Parquet file written by any tool, converted to the CQL types of target columns.
 *
 * <p>File columns are matched to target columns by name: exactly, else case-insensitively when that
 * finds a single file column. Only the matched columns are read, a whole row group at a time. A
 * target column the file lacks reads as null, unless the reader is opened with {@code
 * requireAllColumns}. Values are converted exactly or refused:
 *
 * <ul>
 *   <li>INT32/INT64 with any INT annotation (signed or not) into tinyint, smallint, int, bigint,
 *       counter, varint, decimal (range checked), float and double (when exactly held);
 *   <li>FLOAT, DOUBLE into float (DOUBLE only when exactly held) and double; BOOLEAN into boolean;
 *   <li>INT64 TIMESTAMP(MILLIS|MICROS|NANOS) and INT96 into timestamp; a sub-millisecond remainder
 *       is refused, never truncated; timestamps not adjusted to UTC are read as UTC;
 *   <li>INT32 DATE into date; TIME(MILLIS|MICROS|NANOS) into time;
 *   <li>DECIMAL (INT32, INT64, BINARY, FIXED) into decimal, and into the integer types when the
 *       value has no fraction;
 *   <li>STRING (also ENUM, JSON) into text, ascii (7-bit checked), and as text (see {@link
 *       io.cqlp.types.CqlText}) into every other scalar type but blob;
 *   <li>BINARY or FIXED without annotation into blob (any BINARY/FIXED but DECIMAL reads into blob
 *       as its bytes), and into text/ascii when valid UTF-8;
 *   <li>FIXED_LEN_BYTE_ARRAY(16) UUID into uuid and timeuuid (version 1 checked);
 *   <li>DECIMAL into float and double as their nearest value, as CQL reads a decimal literal;
 *   <li>FIXED_LEN_BYTE_ARRAY(12) INTERVAL, STRING, and a group {months, days, nanoseconds} into
 *       duration;
 *   <li>LIST groups (3-level, or the 2-level forms of older writers) into list, set and vector; MAP
 *       groups into map; plain groups into user types (fields by name) and tuples (fields by
 *       position); each element converted by these same rules, to any depth. A null element, map
 *       value or key, an element twice in a set, a key twice in a map, or a vector of the wrong
 *       size is refused: CQL cannot hold them.
 * </ul>
 *
 * <p>Conversion follows the target column's CQL type, so the file needs no knowledge of CQL: the
 * {@code cqlp.schema} footer of a file cqlp wrote (see {@link #keyValueMetadata()}) records the
 * types the values were exported from, and the target table decides set or list, timeuuid or uuid,
 * decimal or text.
 *
 * <p>Not thread-safe. Usage: {@code try (var r = ParquetRowReader.open(path, columns, false)) { for
 * (Object[] row; (row = r.next()) != null; ) ...; }}.
 */
public final class ParquetRowReader implements RowSource {
  private final Location file;
  private final List<ColumnSpec> columns;
  private final ParquetFileReader reader;
  private final List<ParquetColumn> fileColumns;
  private final List<String> missing;
  private final Map<String, String> keyValues;
  private final long totalRows;

  /** The requested columns' I/O; null when no column is read from the file. */
  private final MessageColumnIO columnIO;

  private final RowMaterializer materializer;
  private final RowState state;
  private final String[] sourceTypes;
  private final List<BlockMetaData> blocks;
  private RecordReader<Object[]> records;
  private int nextBlock;
  private long leftInGroup;
  private long fileRow;
  private long rowsRead;
  private boolean closed;
  private java.util.function.Predicate<BlockMetaData> skip = b -> false;
  private int rowGroupsSkipped;

  private ParquetRowReader(
      Location file, List<ColumnSpec> columns, ParquetFileReader reader, Plan plan) {
    this.file = file;
    this.columns = columns;
    this.reader = reader;
    this.fileColumns = plan.fileColumns;
    this.missing = plan.missing;
    this.keyValues = Collections.unmodifiableMap(reader.getFileMetaData().getKeyValueMetaData());
    this.totalRows = reader.getRecordCount();
    this.blocks = reader.getRowGroups();
    this.state = plan.state;
    this.sourceTypes = plan.sourceTypes;
    if (plan.requested.getFieldCount() == 0) {
      this.columnIO = null;
      this.materializer = null;
    } else {
      reader.setRequestedSchema(plan.requested);
      this.columnIO =
          new ColumnIOFactory(reader.getFileMetaData().getCreatedBy())
              .getColumnIO(plan.requested, reader.getFileMetaData().getSchema(), true);
      this.materializer = new RowMaterializer(plan.state, plan.converters);
    }
  }

  /**
   * Opens a file and matches its columns to the target columns.
   *
   * @param file a Parquet file; not null
   * @param columns the target columns, in the order of the values {@link #next()} returns
   * @param requireAllColumns true when the user named the columns: a target column missing from the
   *     file is then an error; false: it reads as null (see {@link #missingColumns()})
   * @return an open reader, positioned before the first row
   * @throws IOException if the file is missing, empty, truncated, not Parquet, its footer
   *     unreadable or its compression unsupported, or (with {@code requireAllColumns}) a column is
   *     missing: {@code column 'x' not found in file f; file columns are: a, b, c}; the message is
   *     one line naming the file
   * @throws ConversionException if a matched file column can never convert to its target's CQL type
   *     (e.g. BOOLEAN into uuid, a nested group, an unsupported target type); the message names
   *     file, column and both types
   */
  public static ParquetRowReader open(
      Path file, List<ColumnSpec> columns, boolean requireAllColumns) throws IOException {
    return open(Location.local(file), columns, requireAllColumns);
  }

  /**
   * As {@link #open(Path, List, boolean)}, for a file of any {@link io.cqlp.storage.Storage}: in an
   * object store, the footer and then only the column chunks read are fetched, by ranged GETs.
   */
  public static ParquetRowReader open(
      Location file, List<ColumnSpec> columns, boolean requireAllColumns) throws IOException {
    return open(file, columns, requireAllColumns, io.cqlp.format.PrecisionLoss.REJECT);
  }

  /**
   * As {@link #open(Location, List, boolean)}, with a choice for timestamps that have digits below
   * the millisecond.
   *
   * @param loss {@link io.cqlp.format.PrecisionLoss#REJECT}: such a value refuses its row (as
   *     {@link #open(Location, List, boolean)}); {@code TRUNCATE}: it is rounded down to the
   *     millisecond; not null
   */
  public static ParquetRowReader open(
      Location file,
      List<ColumnSpec> columns,
      boolean requireAllColumns,
      io.cqlp.format.PrecisionLoss loss)
      throws IOException {
    InputFile input = ParquetFileCheck.check(file);
    ParquetFileReader reader;
    try {
      ParquetReadOptions options =
          ParquetReadOptions.builder(new PlainParquetConfiguration())
              .withCodecFactory(new HadoopFreeCodecFactory())
              .build();
      reader = ParquetFileReader.open(input, options);
    } catch (IOException | RuntimeException e) {
      throw ParquetFileCheck.fail(file, "unreadable footer (" + Errors.oneLine(e) + ")");
    }
    try {
      List<ColumnSpec> cols = List.copyOf(columns);
      Plan plan = plan(file, cols, reader.getFileMetaData().getSchema(), requireAllColumns);
      plan.state.truncateSubMillis = loss == io.cqlp.format.PrecisionLoss.TRUNCATE;
      checkCodecs(file, reader, plan.requested);
      return new ParquetRowReader(file, cols, reader, plan);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The file read. */
  public Location file() {
    return file;
  }

  @Override
  public List<ColumnSpec> columns() {
    return columns;
  }

  /** The file's top-level columns, in file order, from the footer. */
  public List<ParquetColumn> fileColumns() {
    return fileColumns;
  }

  /** The file's row count, from the footer (all row groups). */
  public long totalRows() {
    return totalRows;
  }

  /** Names of the target columns the file lacks (they read as null), in target order. */
  public List<String> missingColumns() {
    return missing;
  }

  /** The footer's key-value metadata (e.g. {@code cqlp.schema}); empty if none. */
  public Map<String, String> keyValueMetadata() {
    return keyValues;
  }

  /**
   * {@inheritDoc}
   *
   * <p>After a {@link ConversionException} the row is skipped: the next call returns the next row
   * of the file.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public Object[] next() throws IOException {
    if (closed) {
      throw new IllegalStateException("the reader of '" + file + "' is closed");
    }
    while (leftInGroup == 0) {
      if (!nextRowGroup()) {
        return null;
      }
    }
    leftInGroup--;
    fileRow++;
    Object[] row;
    if (records == null) {
      row = new Object[columns.size()];
    } else {
      try {
        row = records.read();
      } catch (RuntimeException e) {
        throw ParquetFileCheck.fail(
            file, "row " + fileRow + " cannot be decoded (" + Errors.withCause(e) + ")");
      }
      if (state.rejectedColumn >= 0) {
        int c = state.rejectedColumn;
        Map<String, Object> converted = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          converted.put(columns.get(i).name(), i == c ? null : row[i]);
        }
        throw new ConversionException(
            "cannot load '"
                + file
                + "', row "
                + fileRow
                + ", column '"
                + columns.get(c).name()
                + "' (Parquet "
                + sourceTypes[c]
                + " to CQL "
                + columns.get(c).type().asCql(false, true)
                + "): "
                + state.rejectedReason,
            converted,
            columns.get(c).name(),
            state.rejectedReason);
      }
    }
    rowsRead++;
    return row;
  }

  /**
   * Skips, unread, the row groups {@code skip} accepts (by their footer statistics: COPY 'file' TO
   * ... WHERE); rows are still numbered as in the file. Call it before the first {@link #next()};
   * returns this.
   *
   * @param skip true for a row group none of whose rows is wanted; not null
   */
  public ParquetRowReader skipRowGroups(java.util.function.Predicate<BlockMetaData> skip) {
    this.skip = java.util.Objects.requireNonNull(skip, "skip");
    return this;
  }

  /**
   * Skips the row groups whose footer statistics show that no row can match {@code where} ({@link
   * RowGroupPruning}). Call it before the first {@link #next()}.
   */
  @Override
  public void skipUnmatchedBlocks(io.cqlp.rows.RowFilter where) {
    skipRowGroups(new RowGroupPruning(where));
  }

  /** Row groups skipped so far by {@link #skipRowGroups}. */
  public int rowGroupsSkipped() {
    return rowGroupsSkipped;
  }

  private boolean nextRowGroup() throws IOException {
    while (nextBlock < blocks.size() && skip.test(blocks.get(nextBlock))) {
      fileRow += blocks.get(nextBlock).getRowCount();
      nextBlock++;
      rowGroupsSkipped++;
      if (columnIO != null) {
        reader.skipNextRowGroup();
      }
    }
    if (columnIO == null) {
      if (nextBlock >= blocks.size()) {
        return false;
      }
      leftInGroup = blocks.get(nextBlock++).getRowCount();
      return true;
    }
    PageReadStore pages;
    try {
      pages = reader.readNextRowGroup();
    } catch (IOException | RuntimeException e) {
      throw ParquetFileCheck.fail(
          file, "row group " + (nextBlock + 1) + " cannot be read (" + Errors.oneLine(e) + ")");
    }
    if (pages == null) {
      return false;
    }
    nextBlock++;
    try {
      // Reads the first page of each column: a page that does not decompress fails here.
      records = columnIO.getRecordReader(pages, materializer, FilterCompat.NOOP);
    } catch (RuntimeException e) {
      throw ParquetFileCheck.fail(
          file, "row group " + nextBlock + " cannot be decoded (" + Errors.withCause(e) + ")");
    }
    leftInGroup = pages.getRowCount();
    return true;
  }

  @Override
  public long rowsRead() {
    return rowsRead;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      reader.close();
    }
  }

  /** What to read from the file and how to convert it. */
  private static final class Plan {
    List<ParquetColumn> fileColumns;
    List<String> missing;
    MessageType requested;
    Converter[] converters;
    RowState state;
    String[] sourceTypes;
  }

  private static Plan plan(
      Location file, List<ColumnSpec> columns, MessageType schema, boolean requireAll)
      throws IOException {
    Plan plan = new Plan();
    List<Type> fields = schema.getFields();
    plan.fileColumns = fields.stream().map(ParquetColumn::of).collect(Collectors.toList());
    plan.state = new RowState(columns.size());
    plan.sourceTypes = new String[columns.size()];
    int[] targetOfField = new int[fields.size()];
    java.util.Arrays.fill(targetOfField, -1);
    List<String> missing = new ArrayList<>();
    for (int t = 0; t < columns.size(); t++) {
      int f = match(file, columns.get(t).name(), fields, columns);
      if (f < 0) {
        if (requireAll) {
          throw new IOException(
              "column '"
                  + columns.get(t).name()
                  + "' not found in file '"
                  + file
                  + "'; file columns are: "
                  + fields.stream().map(Type::getName).collect(Collectors.joining(", ")));
        }
        missing.add(columns.get(t).name());
      } else if (targetOfField[f] >= 0) {
        throw ParquetFileCheck.fail(
            file,
            "columns '"
                + columns.get(targetOfField[f]).name()
                + "' and '"
                + columns.get(t).name()
                + "' both match file column '"
                + fields.get(f).getName()
                + "'");
      } else {
        targetOfField[f] = t;
      }
    }
    plan.missing = List.copyOf(missing);
    List<Type> requested = new ArrayList<>();
    List<Converter> converters = new ArrayList<>();
    for (int f = 0; f < fields.size(); f++) {
      int t = targetOfField[f];
      if (t < 0) {
        continue;
      }
      Type field = fields.get(f);
      ColumnSpec target = columns.get(t);
      plan.sourceTypes[t] = ParquetColumn.describe(field);
      Converter converter;
      try {
        if (field.isRepetition(Type.Repetition.REPEATED)) {
          throw new FieldConverters.Mismatch(
              null,
              plan.sourceTypes[t],
              target.type().asCql(false, true),
              "a repeated top-level field is not read; a list" + " must be a LIST group");
        }
        converter = FieldConverters.create(field, target.type(), plan.state, t, null);
      } catch (FieldConverters.Mismatch m) {
        throw new ConversionException(
            "cannot load column '"
                + field.getName()
                + "' of '"
                + file
                + "' (Parquet "
                + plan.sourceTypes[t]
                + ") into '"
                + target.name()
                + "' (CQL "
                + target.type().asCql(false, true)
                + "): "
                + m.reason());
      }
      requested.add(field);
      converters.add(converter);
    }
    plan.requested = new MessageType(schema.getName(), requested);
    plan.converters = converters.toArray(new Converter[0]);
    return plan;
  }

  /**
   * The index of the file field for a target column name: the exact name, else the single
   * case-insensitive match that is not itself the exact name of another target column.
   */
  private static int match(Location file, String name, List<Type> fields, List<ColumnSpec> targets)
      throws IOException {
    for (int f = 0; f < fields.size(); f++) {
      if (fields.get(f).getName().equals(name)) {
        return f;
      }
    }
    int found = -1;
    String lower = name.toLowerCase(Locale.ROOT);
    for (int f = 0; f < fields.size(); f++) {
      String fieldName = fields.get(f).getName();
      boolean takenExactly = targets.stream().anyMatch(c -> c.name().equals(fieldName));
      if (!takenExactly && fieldName.toLowerCase(Locale.ROOT).equals(lower)) {
        if (found >= 0) {
          throw ParquetFileCheck.fail(
              file,
              "column '"
                  + name
                  + "' matches both '"
                  + fields.get(found).getName()
                  + "' and '"
                  + fieldName
                  + "' (names differ only in case)");
        }
        found = f;
      }
    }
    return found;
  }

  private static void checkCodecs(Location file, ParquetFileReader reader, MessageType requested)
      throws IOException {
    for (BlockMetaData block : reader.getRowGroups()) {
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        if (requested.containsPath(chunk.getPath().toArray())
            && !HadoopFreeCodecFactory.canRead(chunk.getCodec())) {
          throw ParquetFileCheck.fail(
              file,
              "column '"
                  + chunk.getPath().toDotString()
                  + "' uses "
                  + chunk.getCodec()
                  + " compression, which cqlp cannot read"
                  + " (it reads NONE, SNAPPY, GZIP, ZSTD, LZ4, BROTLI)");
        }
      }
    }
  }
}
