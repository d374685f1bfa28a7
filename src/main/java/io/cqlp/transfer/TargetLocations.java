package io.cqlp.transfer;

import io.cqlp.command.Options;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.Locations;
import io.cqlp.transfer.dataset.DatasetWriteOptions;
import io.cqlp.transfer.dataset.PartitionSpec;
import io.cqlp.transfer.dataset.PartitionedSink;
import java.io.IOException;

/**
 * Resolves the paths of COPY, CAPTURE and ERRFILE, with the statement's object-store options, and
 * opens an export's target as a single file or a dataset directory.
 */
public final class TargetLocations {
  private TargetLocations() {}

  /**
   * @param typed the path as typed: local, or {@code s3://bucket/key}
   * @param options the statement's options: S3_ENDPOINT, S3_REGION, AWS_PROFILE, S3_PATH_STYLE
   * @return the location
   * @throws TransferException for a malformed path or setting, in one line
   */
  public static Location resolve(String typed, Options options) {
    try {
      return Locations.resolve(
          typed, name -> options.contains(name) ? options.getString(name, null) : null);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new TransferException(Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".");
    }
  }

  /**
   * Whether an export target is a dataset directory ({@link DatasetWriteOptions#isDataset}: a
   * target ending with {@code /}, an existing directory, PARTITION or MAX_FILE_SIZE).
   *
   * @param target the resolved target
   * @param typed the target as typed
   * @param options the COPY options
   * @throws TransferException when the target cannot be looked at, in one line
   */
  public static boolean isDataset(Location target, String typed, Options options) {
    try {
      return DatasetWriteOptions.isDataset(target, typed, options);
    } catch (IOException e) {
      throw new TransferException("Cannot write '" + target + "': " + e.getMessage() + ".", e);
    }
  }

  /**
   * Opens the sink of an export target as typed: a dataset directory (a target ending with {@code
   * /}, an existing directory, PARTITION or MAX_FILE_SIZE; see {@link
   * io.cqlp.transfer.dataset.DatasetWriteOptions#isDataset}) or a single file. COPY TO and CAPTURE
   * both open their targets here.
   *
   * @param sinks the format's sink factory
   *     <p>In an object store ({@code s3://}), a single file that exists already is replaced only
   *     with OVERWRITE=true: a bucket keeps no earlier version to go back to.
   * @param target the target path as typed: local, or {@code s3://bucket/key}
   * @param schema the table and the columns of every row written
   * @param options the COPY or CAPTURE options (also the object-store settings, {@link
   *     io.cqlp.storage.s3.S3Settings#OPTIONS})
   * @return an open sink; nothing exists at the target until it is committed
   * @throws IOException if the target cannot be written
   * @throws TransferException for a bad option value or PARTITION column, a malformed {@code s3://}
   *     path, or an existing object without OVERWRITE
   */
  public static RowSink open(SinkFactory sinks, String target, TableSchema schema, Options options)
      throws IOException {
    Location location = TargetLocations.resolve(target, options);
    if (!DatasetWriteOptions.isDataset(location, target, options)) {
      if (!location.isLocal() && !options.getBoolean("OVERWRITE", false) && location.isFile()) {
        throw new TransferException(
            location + " already exists; add OVERWRITE=true to replace it.");
      }
      return sinks.open(location, schema, options);
    }
    DatasetWriteOptions dataset = DatasetWriteOptions.from(options);
    PartitionSpec spec = PartitionSpec.parse(dataset.partition(), schema.columns());
    return PartitionedSink.open(
        location, spec, dataset, sinks.partWriters(schema, spec.fileColumns(), options));
  }
}
