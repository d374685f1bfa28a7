package io.cqlp.format;

import io.cqlp.command.Options;
import io.cqlp.format.parquet.write.ParquetTuning;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ParquetProperties.WriterVersion;

/**
 * Reads the Parquet writer options of COPY TO and CAPTURE ({@link ParquetTuning#OPTION_NAMES}:
 * ROW_GROUP_SIZE, ROW_GROUP_BYTES, PAGE_SIZE, DICTIONARY, BLOOM_FILTER, STATISTICS, WRITER_VERSION,
 * METADATA) and checks their column names against the file's columns, so that a mistake stops the
 * command before anything is created.
 */
final class ParquetTuningOptions {
  private ParquetTuningOptions() {}

  /** The older name of ROW_GROUP_SIZE on COPY TO and CAPTURE, still accepted. */
  private static final String CHUNKSIZE = "CHUNKSIZE";

  /**
   * Rows per row group: ROW_GROUP_SIZE or CHUNKSIZE (the same; not both), as a row count such as
   * {@code '500K'}.
   *
   * @throws TransferException when both are given
   * @throws io.cqlp.command.CommandException for a value that is no row count
   */
  static long rowsPerRowGroup(Options options) {
    if (options.contains(CHUNKSIZE) && options.contains(ParquetTuning.ROW_GROUP_SIZE)) {
      throw new TransferException(
          "CHUNKSIZE and ROW_GROUP_SIZE both set rows per row group; give only"
              + " ROW_GROUP_SIZE.");
    }
    String name = options.contains(CHUNKSIZE) ? CHUNKSIZE : ParquetTuning.ROW_GROUP_SIZE;
    return options.getRowCount(name, ParquetWriteOptions.DEFAULT_ROWS_PER_ROW_GROUP);
  }

  /**
   * The byte cap of a row group: ROW_GROUP_BYTES as a size such as {@code '64MB'}, at least 1 MiB;
   * default {@link ParquetWriteOptions#DEFAULT_MAX_ROW_GROUP_BYTES}.
   *
   * @throws TransferException for less than 1 MiB
   */
  static long rowGroupBytes(Options options) {
    long bytes =
        options.getByteSize(
            ParquetTuning.ROW_GROUP_BYTES, ParquetWriteOptions.DEFAULT_MAX_ROW_GROUP_BYTES);
    if (bytes < (1L << 20)) {
      throw new TransferException(
          "ROW_GROUP_BYTES must be at least 1MB, got "
              + bytes
              + " bytes; e.g. ROW_GROUP_BYTES='64MB'.");
    }
    return bytes;
  }

  /**
   * PAGE_SIZE, DICTIONARY, BLOOM_FILTER, STATISTICS, WRITER_VERSION and METADATA, with column names
   * as typed (see {@link #forFile}).
   *
   * @throws IllegalArgumentException for a value of the wrong form (one line naming the option)
   * @throws io.cqlp.command.CommandException for a size, boolean or writer version of the wrong
   *     form
   */
  static ParquetTuning parse(Options options) {
    ParquetTuning tuning = ParquetTuning.DEFAULTS;
    if (options.contains(ParquetTuning.PAGE_SIZE)) {
      long bytes = options.getByteSize(ParquetTuning.PAGE_SIZE, 0);
      if (bytes < ParquetTuning.MIN_PAGE_BYTES || bytes > ParquetTuning.MAX_PAGE_BYTES) {
        throw new TransferException(
            "PAGE_SIZE is bytes per data page, from 1KB to 1GB, got "
                + bytes
                + "; e.g. PAGE_SIZE='256KB' (PAGESIZE, without '_', is rows per driver page).");
      }
      tuning = tuning.withPageBytes((int) bytes);
    }
    if (options.contains(ParquetTuning.DICTIONARY)) {
      tuning = tuning.withDictionary(options.getString(ParquetTuning.DICTIONARY, null));
    }
    if (options.contains(ParquetTuning.BLOOM_FILTER)) {
      tuning = tuning.withBloomFilters(options.getString(ParquetTuning.BLOOM_FILTER, null));
    }
    if (options.contains(ParquetTuning.METADATA)) {
      tuning = tuning.withMetadata(options.getString(ParquetTuning.METADATA, null));
    }
    String version =
        options.getChoice(
            ParquetTuning.WRITER_VERSION, "PARQUET_1_0", Set.of("PARQUET_1_0", "PARQUET_2_0"));
    return tuning
        .withStatistics(options.getBoolean(ParquetTuning.STATISTICS, true))
        .withWriterVersion(WriterVersion.valueOf(version));
  }

  /**
   * The options for a single file of these columns, their column names resolved.
   *
   * @throws TransferException for a DICTIONARY or BLOOM_FILTER name that is no column
   */
  static ParquetWriteOptions forFile(ParquetWriteOptions write, List<ColumnSpec> columns) {
    return write.withTuning(resolve(write.tuning(), columns, ""));
  }

  /**
   * The options for the part files of a dataset, their column names resolved against the columns
   * the files keep (a PARTITION column is only in the directory names).
   *
   * @throws TransferException for a DICTIONARY or BLOOM_FILTER name that is no column of the files
   */
  static ParquetWriteOptions forDataset(
      ParquetWriteOptions write, TableSchema schema, List<ColumnSpec> stored) {
    resolve(write.tuning(), schema.columns(), "");
    return write.withTuning(
        resolve(
            write.tuning(),
            stored,
            " (a PARTITION column is only in the directory names, not in the files)"));
  }

  private static ParquetTuning resolve(
      ParquetTuning tuning, List<ColumnSpec> columns, String note) {
    try {
      return tuning.forColumns(columns.stream().map(ColumnSpec::name).toList());
    } catch (IllegalArgumentException e) {
      throw new TransferException(e.getMessage() + note + ".");
    }
  }

  /**
   * Refuses the Parquet writer options on a target of another format, where they would do nothing.
   *
   * @param format the target's format (not Parquet)
   * @param target the target, as named in the message
   * @throws TransferException naming the first such option given
   */
  static void rejectFor(Options options, FileFormat format, Object target) {
    for (String name : ParquetTuning.OPTION_NAMES) {
      if (options.contains(name)) {
        throw new TransferException(
            name
                + " is an option of Parquet files, and '"
                + target
                + "' is written as "
                + format
                + "; drop "
                + name
                + ", or write a .parquet file (or FORMAT='PARQUET').");
      }
    }
  }
}
