package io.cqlp.transfer;

import io.cqlp.command.Options;
import io.cqlp.storage.Location;
import io.cqlp.transfer.dataset.DatasetWriteOptions;
import io.cqlp.transfer.dataset.PartWriterFactory;
import io.cqlp.transfer.dataset.PartitionSpec;
import io.cqlp.transfer.dataset.PartitionedSink;
import java.io.IOException;
import java.io.Writer;

/** Opens the file sink of an export for its format (from FORMAT or the target's extension). */
@FunctionalInterface
public interface SinkFactory {

  /**
   * @param target the file to publish on commit (local or in an object store)
   * @param schema the table and the columns of every row written
   * @param options the COPY options (FORMAT, COMPRESSION, CHUNKSIZE, ...)
   * @return an open sink; nothing exists at {@code target} until it is committed
   * @throws IOException if the target's directory does not exist or cannot be written
   * @throws TransferException for a bad option value
   */
  RowSink open(Location target, TableSchema schema, Options options) throws IOException;

  /**
   * The writer of the part files of a dataset directory (PARTITION, MAX_FILE_SIZE, a target ending
   * with {@code /}), in the format FORMAT names, Parquet by default.
   *
   * @param schema the table
   * @param options the COPY options
   * @return a factory of part file writers
   * @throws TransferException for a format that cannot write datasets, or a bad option value
   */
  default PartWriterFactory partWriters(TableSchema schema, Options options) {
    throw new TransferException("This format cannot write a dataset directory.");
  }

  /**
   * Opens the sink of {@code COPY ... TO STDOUT}: CSV written to the shell's output as rows come.
   *
   * @param out the shell's output; flushed, never closed
   * @param schema the table and the columns of every row written
   * @param options the COPY options
   * @throws TransferException when the format cannot write to STDOUT, or for a bad option value
   */
  default RowSink openStdout(Writer out, TableSchema schema, Options options) throws IOException {
    throw new TransferException("COPY TO STDOUT is not available in this shell.");
  }

  /**
   * This factory with further footer entries in the Parquet files it writes (COPY 'file' TO with
   * INCLUDE_METADATA keeps the source's key-value metadata).
   *
   * @param footer the entries; cqlp's own ({@code cqlp.*}) are written by the writer and win
   * @return a factory writing them
   * @throws TransferException when this factory cannot write footer entries
   */
  default SinkFactory withFooter(java.util.Map<String, String> footer) {
    throw new TransferException("This shell cannot keep a file's metadata.");
  }

  /**
   * Opens the sink of an export target as typed: a dataset directory (a target ending with {@code
   * /}, an existing directory, PARTITION or MAX_FILE_SIZE; see {@link
   * DatasetWriteOptions#isDataset}) or a single file. COPY TO and CAPTURE both open their targets
   * here.
   *
   * <p>In an object store ({@code s3://}), a single file that exists already is replaced only with
   * OVERWRITE=true: a bucket keeps no earlier version to go back to.
   *
   * @param target the target path as typed: local, or {@code s3://bucket/key}
   * @param schema the table and the columns of every row written
   * @param options the COPY or CAPTURE options (also the object-store settings, {@link
   *     io.cqlp.storage.s3.S3Settings#OPTIONS})
   * @return an open sink; nothing exists at the target until it is committed
   * @throws IOException if the target cannot be written
   * @throws TransferException for a bad option value or PARTITION column, a malformed {@code s3://}
   *     path, or an existing object without OVERWRITE
   */
  default RowSink openTarget(String target, TableSchema schema, Options options)
      throws IOException {
    Location location = TargetLocations.resolve(target, options);
    if (!DatasetWriteOptions.isDataset(location, target, options)) {
      if (!location.isLocal() && !options.getBoolean("OVERWRITE", false) && location.isFile()) {
        throw new TransferException(
            location + " already exists; add OVERWRITE=true to replace it.");
      }
      return open(location, schema, options);
    }
    DatasetWriteOptions dataset = DatasetWriteOptions.from(options);
    PartitionSpec spec = PartitionSpec.parse(dataset.partition(), schema.columns());
    return PartitionedSink.open(location, spec, dataset, partWriters(schema, options));
  }
}
