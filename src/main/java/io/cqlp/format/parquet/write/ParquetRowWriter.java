package io.cqlp.format.parquet.write;

import io.cqlp.format.parquet.Errors;
import io.cqlp.format.parquet.FooterKeys;
import io.cqlp.rows.ResultColumns;
import io.cqlp.rows.RowSink;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlText;
import io.cqlp.types.SchemaJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes rows to one Parquet file, without Hadoop, in the types of {@link ParquetTypeMapping}.
 *
 * <p>Rows go to a {@link StagedFile} of the target's storage (a hidden staging file beside a local
 * target, a multipart upload to an object store); {@link #commit()} writes the footer and publishes
 * the file (forced to disk and renamed onto a local target, replacing a file already there; the
 * upload completed in an object store); {@link #abort()} discards it. The target never exists
 * half-written. The footer carries the key-value entries {@code cqlp.version} and {@code
 * cqlp.schema} (see {@link SchemaJson}).
 *
 * <p>Usage: {@code try (var w = ParquetRowWriter.open(path, columns, options)) { w.write(row); ...;
 * w.commit(); }}. Not thread-safe; see {@link RowSink} for the lifecycle.
 */
public final class ParquetRowWriter implements RowSink {
  private static final String VERSION = version();

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private final StagedFile file;
  private final List<ColumnSpec> columns;
  private final ValueWriter[] writers;
  private final Class<?>[] javaTypes;
  private final boolean[] checked;

  /** Whether a column is REQUIRED (a key column, see ParquetTypeMapping.isRequired): no null. */
  private final boolean[] required;

  private final RowGroupWriter writer;
  private State state = State.OPEN;
  private long rows;
  private long committedBytes;

  private ParquetRowWriter(
      StagedFile file,
      List<ColumnSpec> columns,
      MessageType schema,
      ValueWriter[] writers,
      RowGroupWriter writer) {
    this.file = file;
    this.columns = columns;
    this.writers = writers;
    this.writer = writer;
    this.javaTypes = new Class<?>[writers.length];
    this.checked = new boolean[writers.length];
    this.required = new boolean[writers.length];
    for (int i = 0; i < writers.length; i++) {
      required[i] = schema.getType(i).isRepetition(Type.Repetition.REQUIRED);
      javaTypes[i] = writers[i].javaType();
      checked[i] = writers[i].checksValues();
    }
  }

  /**
   * Opens a writer; the staging file is created at once.
   *
   * @param target where the file appears on {@link #commit()}; its directory must exist
   * @param columns the columns of every row, in order; their names become the Parquet field names;
   *     not empty
   * @param options codec, row group size, the keyspace and table named in the footer, the types of
   *     uuid, decimal and time, and whether clustering columns are REQUIRED (partition key columns
   *     always are; see {@link ParquetTypeMapping#isRequired})
   * @return an open writer
   * @throws IllegalArgumentException if a column's CQL type is not mapped, columns is empty, or the
   *     options' {@link ParquetTuning} names a column not among them (nothing is created)
   * @throws IOException if the target's directory does not exist, the target is a directory, or the
   *     staging file cannot be created (one-line message naming the path)
   */
  public static ParquetRowWriter open(
      Path target, List<ColumnSpec> columns, ParquetWriteOptions options) throws IOException {
    return open(Location.local(target), columns, options);
  }

  /** As {@link #open(Path, List, ParquetWriteOptions)}, for a target in any storage. */
  public static ParquetRowWriter open(
      Location target, List<ColumnSpec> columns, ParquetWriteOptions options) throws IOException {
    return open(target, columns, options, Map.of(), 0);
  }

  /**
   * Opens a writer for one file of a dataset: as {@link #open(Path, List, ParquetWriteOptions)},
   * with more footer entries, and with pages and dictionaries kept small enough that {@link
   * #bytesWritten()} follows the file's real size when the file is to be rolled at a given size.
   *
   * <p>parquet-java counts a dictionary-encoded value as 4 bytes until its column chunk is written,
   * and a page not yet compressed at its raw size; with {@code maxFileBytes} set, data pages and
   * dictionary pages are capped at 1/16 of it (at least 4 KiB, at most the 1 MiB default; a smaller
   * {@link ParquetTuning#pageBytes()} is kept), which bounds that error to about 1/16 of the size
   * per column.
   *
   * @param footer further footer key-value entries (beside {@code cqlp.version} and {@code
   *     cqlp.schema}), such as a source file's entries; the user's {@link ParquetTuning#metadata()}
   *     (METADATA) overrides them; not null
   * @param maxFileBytes the size the caller rolls the file at, or 0 for parquet-java's page sizes
   * @see #open(Path, List, ParquetWriteOptions)
   */
  public static ParquetRowWriter open(
      Path target,
      List<ColumnSpec> columns,
      ParquetWriteOptions options,
      Map<String, String> footer,
      long maxFileBytes)
      throws IOException {
    return open(Location.local(target), columns, options, footer, maxFileBytes);
  }

  /**
   * As {@link #open(Path, List, ParquetWriteOptions, Map, long)}, for a target in any {@link
   * io.cqlp.storage.Storage}.
   */
  public static ParquetRowWriter open(
      Location target,
      List<ColumnSpec> columns,
      ParquetWriteOptions options,
      Map<String, String> footer,
      long maxFileBytes)
      throws IOException {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a Parquet file needs at least one column");
    }
    List<ColumnSpec> cols = List.copyOf(columns);
    options =
        options.withTuning(
            options.tuning().forColumns(cols.stream().map(ColumnSpec::name).toList()));
    MessageType schema =
        ParquetTypeMapping.schemaOf(cols, options.types(), options.requiredClustering());
    ValueWriter[] writers = new ValueWriter[cols.size()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = ParquetTypeMapping.writerFor(cols.get(i), options.types());
    }
    Map<String, String> keyValues = new LinkedHashMap<>(footer);
    keyValues.putAll(options.tuning().metadata());
    keyValues.put(FooterKeys.VERSION, VERSION);
    keyValues.put(FooterKeys.SCHEMA, SchemaJson.write(options.keyspace(), options.table(), cols));
    int pageBytes =
        maxFileBytes > 0
            ? (int) Math.max(4096, Math.min(ParquetProperties.DEFAULT_PAGE_SIZE, maxFileBytes / 16))
            : 0;
    StagedFile file = target.create();
    RowGroupWriter writer;
    try {
      writer =
          new RowGroupWriter(
              new StagedOutputFile(file), schema, writers, keyValues, options, pageBytes);
    } catch (IOException | RuntimeException e) {
      file.discard();
      throw new IOException("cannot create '" + target + "': " + Errors.oneLine(e), e);
    }
    return new ParquetRowWriter(file, cols, schema, writers, writer);
  }

  /** Where the file appears on commit. */
  public Location target() {
    return file.target();
  }

  /** The columns of the rows, as given to {@link #open}. */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the row has the wrong length, a REQUIRED (key) column is
   *     null, or a value (or an element nested in it) is not of its CQL type's Java type (see
   *     {@link io.cqlp.types.CqlScalar#javaType()}; {@code List}, {@code Set}, {@code Map}, {@code
   *     UdtValue}, {@code TupleValue}, {@code CqlVector}, {@code CqlDuration} for the composite
   *     types), is out of the CQL type's range, or does not fit the Parquet type chosen by {@link
   *     ParquetTypeOptions} (a decimal beyond DECIMAL(p,s), a time with nanoseconds in MICROS); the
   *     message names the column. Nothing of the row is written then and the writer stays usable
   * @throws IllegalStateException after {@link #commit()} or {@link #abort()}
   */
  @Override
  public void write(Object[] row) throws IOException {
    if (state != State.OPEN) {
      throw new IllegalStateException("the Parquet writer of '" + file.target() + "' is closed");
    }
    if (row.length != writers.length) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the file has " + writers.length + " columns");
    }
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      if (v == null) {
        if (required[i]) {
          throw badValue(i, "null in a key column, which this file holds as REQUIRED");
        }
      } else {
        if (!javaTypes[i].isInstance(v)) {
          throw badValue(
              i,
              "expects "
                  + javaTypes[i].getName()
                  + ", got "
                  + v.getClass().getName()
                  + " "
                  + CqlText.quote(String.valueOf(v)));
        }
        if (checked[i]) {
          String problem = writers[i].check(v);
          if (problem != null) {
            throw badValue(i, problem);
          }
        }
      }
    }
    writer.write(row);
    rows++;
  }

  private IllegalArgumentException badValue(int column, String reason) {
    ColumnSpec c = columns.get(column);
    return new IllegalArgumentException(
        "column '" + c.name() + "' (" + c.type().asCql(false, true) + "): " + reason);
  }

  /** Takes a further result of the same columns only ({@link ResultColumns#requireSame}). */
  @Override
  public void beginResult(List<ColumnSpec> columns) {
    ResultColumns.requireSame(this.columns, columns, "a Parquet file");
  }

  @Override
  public void commit() throws IOException {
    if (state != State.OPEN) {
      throw new IllegalStateException("the Parquet writer of '" + file.target() + "' is closed");
    }
    try {
      writer.finish();
      file.publish();
      committedBytes = file.size();
      state = State.COMMITTED;
    } catch (IOException | RuntimeException e) {
      state = State.ABORTED;
      file.discard();
      throw new IOException(
          "cannot finish Parquet file '" + file.target() + "': " + Errors.oneLine(e), e);
    }
  }

  @Override
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    writer.abort();
    file.discard();
  }

  @Override
  public long rowsWritten() {
    return rows;
  }

  /**
   * While open, the file's bytes as counted by parquet-java: row groups written plus the current
   * row group as buffered; after commit, the file's size; after abort, 0.
   */
  @Override
  public long bytesWritten() {
    return switch (state) {
      case OPEN -> writer.dataSize();
      case COMMITTED -> committedBytes;
      case ABORTED -> 0;
    };
  }

  @Override
  public void close() {
    abort();
  }

  /** The cqlp version from the build, or "unknown" when run from unpackaged classes. */
  private static String version() {
    try (InputStream in = ParquetRowWriter.class.getResourceAsStream("cqlp.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.startsWith("$")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "unknown";
  }
}
