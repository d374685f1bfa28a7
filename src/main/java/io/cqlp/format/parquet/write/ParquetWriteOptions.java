package io.cqlp.format.parquet.write;

import io.cqlp.format.parquet.codec.ParquetCompression;
import java.util.Objects;

/**
 * How {@link ParquetRowWriter} writes a file.
 *
 * <p>A row group is closed when it holds {@code rowsPerRowGroup} rows or its buffered size reaches
 * {@code maxRowGroupBytes}, whichever comes first. The defaults, 1,000,000 rows and 128 MiB, follow
 * pyarrow's row count (1 Mi rows) and Spark's/parquet-java's byte size: large enough for good
 * compression and few footer entries, small enough that readers can split a file of a few million
 * rows among cores. A writer holds up to one row group in memory.
 *
 * @param compression page compression; not null; default {@link ParquetCompression#SNAPPY}
 * @param compressionLevel level for GZIP (1-9) or ZSTD (1-22), or null for the codec's default
 * @param rowsPerRowGroup rows per row group (the CHUNKSIZE option); at least 1; default 1,000,000
 * @param maxRowGroupBytes cap of a row group's buffered size in bytes; at least 1 MiB; default 128
 *     MiB
 * @param keyspace keyspace name written in the footer's {@code cqlp.schema}, or null
 * @param table table name written in the footer's {@code cqlp.schema}, or null
 * @param types the Parquet types chosen for uuid, decimal and time; not null; default {@link
 *     ParquetTypeOptions#DEFAULTS}
 * @param requiredClustering whether clustering columns are REQUIRED fields (partition key columns
 *     always are): true only for a table without static columns, whose rows never have a null
 *     clustering column (see {@link ParquetTypeMapping#isRequired}); default false
 * @param tuning page size, dictionaries, bloom filters, statistics, writer version and footer
 *     metadata; not null; default {@link ParquetTuning#DEFAULTS}
 */
public record ParquetWriteOptions(
    ParquetCompression compression,
    Integer compressionLevel,
    int rowsPerRowGroup,
    long maxRowGroupBytes,
    String keyspace,
    String table,
    ParquetTypeOptions types,
    boolean requiredClustering,
    ParquetTuning tuning) {

  /** Default rows per row group. */
  public static final int DEFAULT_ROWS_PER_ROW_GROUP = 1_000_000;

  /** Default cap of a row group's size: 128 MiB. */
  public static final long DEFAULT_MAX_ROW_GROUP_BYTES = 128L << 20;

  /**
   * Checks the options.
   *
   * @throws IllegalArgumentException for a level the codec does not take or out of its range, fewer
   *     than 1 row per row group, or a byte cap under 1 MiB
   * @throws NullPointerException if compression, types or tuning is null
   */
  public ParquetWriteOptions {
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(tuning, "tuning");
    compression.checkLevel(compressionLevel);
    if (rowsPerRowGroup < 1) {
      throw new IllegalArgumentException(
          "rows per row group must be at least 1, got " + rowsPerRowGroup);
    }
    if (maxRowGroupBytes < (1L << 20)) {
      throw new IllegalArgumentException(
          "row group size cap must be at least 1 MiB, got " + maxRowGroupBytes + " bytes");
    }
  }

  /**
   * SNAPPY, default level, 1,000,000 rows or 128 MiB per row group, no keyspace or table, the
   * default types.
   */
  public static ParquetWriteOptions defaults() {
    return new ParquetWriteOptions(
        ParquetCompression.SNAPPY,
        null,
        DEFAULT_ROWS_PER_ROW_GROUP,
        DEFAULT_MAX_ROW_GROUP_BYTES,
        null,
        null,
        ParquetTypeOptions.DEFAULTS,
        false,
        ParquetTuning.DEFAULTS);
  }

  /** These options with another codec at its default level. */
  public ParquetWriteOptions withCompression(ParquetCompression compression) {
    return new ParquetWriteOptions(
        compression,
        null,
        rowsPerRowGroup,
        maxRowGroupBytes,
        keyspace,
        table,
        types,
        requiredClustering,
        tuning);
  }

  /** These options with another codec and level (null: the codec's default). */
  public ParquetWriteOptions withCompression(ParquetCompression compression, Integer level) {
    return new ParquetWriteOptions(
        compression,
        level,
        rowsPerRowGroup,
        maxRowGroupBytes,
        keyspace,
        table,
        types,
        requiredClustering,
        tuning);
  }

  /** These options with another row count per row group. */
  public ParquetWriteOptions withRowsPerRowGroup(int rows) {
    return new ParquetWriteOptions(
        compression,
        compressionLevel,
        rows,
        maxRowGroupBytes,
        keyspace,
        table,
        types,
        requiredClustering,
        tuning);
  }

  /** These options with another byte cap per row group. */
  public ParquetWriteOptions withMaxRowGroupBytes(long bytes) {
    return new ParquetWriteOptions(
        compression,
        compressionLevel,
        rowsPerRowGroup,
        bytes,
        keyspace,
        table,
        types,
        requiredClustering,
        tuning);
  }

  /** These options with the keyspace and table named in the footer (each may be null). */
  public ParquetWriteOptions withTable(String keyspace, String table) {
    return new ParquetWriteOptions(
        compression,
        compressionLevel,
        rowsPerRowGroup,
        maxRowGroupBytes,
        keyspace,
        table,
        types,
        requiredClustering,
        tuning);
  }

  /** These options with other Parquet types for uuid, decimal and time. */
  public ParquetWriteOptions withTypes(ParquetTypeOptions types) {
    return new ParquetWriteOptions(
        compression,
        compressionLevel,
        rowsPerRowGroup,
        maxRowGroupBytes,
        keyspace,
        table,
        types,
        requiredClustering,
        tuning);
  }

  /** These options with clustering columns REQUIRED or OPTIONAL (see the record's parameter). */
  public ParquetWriteOptions withRequiredClustering(boolean required) {
    return new ParquetWriteOptions(
        compression,
        compressionLevel,
        rowsPerRowGroup,
        maxRowGroupBytes,
        keyspace,
        table,
        types,
        required,
        tuning);
  }

  /** These options with other page, dictionary, bloom filter, statistics and metadata settings. */
  public ParquetWriteOptions withTuning(ParquetTuning tuning) {
    return new ParquetWriteOptions(
        compression,
        compressionLevel,
        rowsPerRowGroup,
        maxRowGroupBytes,
        keyspace,
        table,
        types,
        requiredClustering,
        tuning);
  }
}
