package io.cqlp.transfer.dataset;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.Locations;
import java.io.IOException;
import java.util.Set;

/**
 * The options of an export to a dataset directory.
 *
 * @param partition the PARTITION option as typed, or null for one unpartitioned directory
 * @param maxFileBytes MAX_FILE_SIZE in bytes: a part file is closed and the next one opened before
 *     its size passes this; 0 for no limit
 * @param maxOpenFiles MAX_OPEN_FILES: part files open at once at most; at least 1
 * @param mode what to do with a target that is not empty (OVERWRITE, APPEND)
 */
public record DatasetWriteOptions(
    String partition, long maxFileBytes, int maxOpenFiles, WriteMode mode) {

  /** The option names this record reads. */
  public static final Set<String> OPTIONS =
      Set.of("PARTITION", "MAX_FILE_SIZE", "MAX_OPEN_FILES", "OVERWRITE", "APPEND");

  /** Default MAX_OPEN_FILES. */
  public static final int DEFAULT_MAX_OPEN_FILES = 64;

  /** Smallest MAX_FILE_SIZE: 16 KiB (a Parquet footer alone takes about 1 KiB). */
  public static final long MIN_FILE_BYTES = 16 * 1024;

  /** Checks the values. */
  public DatasetWriteOptions {
    if (maxFileBytes != 0 && maxFileBytes < MIN_FILE_BYTES) {
      throw new TransferException(
          "MAX_FILE_SIZE must be at least 16KB, got "
              + maxFileBytes
              + " bytes; e.g. MAX_FILE_SIZE='500MB'.");
    }
    if (maxOpenFiles < 1) {
      throw new TransferException("MAX_OPEN_FILES must be at least 1, got " + maxOpenFiles + ".");
    }
    if (mode == null) {
      throw new IllegalArgumentException("mode is null");
    }
  }

  /**
   * Reads the options.
   *
   * @throws TransferException for OVERWRITE and APPEND both true, or a value out of range
   * @throws io.cqlp.command.CommandException for a value of the wrong form
   */
  public static DatasetWriteOptions from(Options options) {
    boolean overwrite = options.getBoolean("OVERWRITE", false);
    boolean append = options.getBoolean("APPEND", false);
    if (overwrite && append) {
      throw new TransferException("OVERWRITE and APPEND cannot both be true; choose one.");
    }
    WriteMode mode =
        overwrite ? WriteMode.OVERWRITE : append ? WriteMode.APPEND : WriteMode.ERROR_IF_NOT_EMPTY;
    return new DatasetWriteOptions(
        options.getString("PARTITION", null),
        options.getByteSize("MAX_FILE_SIZE", 0),
        options.getInt("MAX_OPEN_FILES", DEFAULT_MAX_OPEN_FILES),
        mode);
  }

  /**
   * Whether an export target is a dataset directory rather than one file: the path ends with {@code
   * /}, PARTITION or MAX_FILE_SIZE is given, or it is an existing directory (in an object store, a
   * prefix with objects below it: one listing request).
   *
   * @param location the target, resolved
   * @param target the target as typed
   * @param options the COPY options
   * @throws IOException if an object store cannot be asked
   */
  public static boolean isDataset(Location location, String target, Options options)
      throws IOException {
    return Locations.endsAsDirectory(target)
        || options.contains("PARTITION")
        || options.contains("MAX_FILE_SIZE")
        || location.isDirectory();
  }
}
