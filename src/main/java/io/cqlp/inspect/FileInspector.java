package io.cqlp.inspect;

import io.cqlp.command.Options;
import io.cqlp.format.parquet.read.ParquetFooter;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.TargetLocations;
import io.cqlp.transfer.dataset.DatasetFile;
import io.cqlp.transfer.dataset.DatasetListing;
import io.cqlp.transfer.dataset.PartitionFilter;
import io.cqlp.transfer.dataset.PathLevel;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shell's {@code DESCRIBE FILE 'path'} and {@code SHOW FILE 'path' [LIMIT n]}: a Parquet file's
 * footer ({@link FileDescription}) and its first rows ({@link FilePreview}). A directory is a
 * dataset of Parquet files under Hive-style {@code key=value} directories ({@link DatasetListing}).
 * Errors are thrown as one-line {@link TransferException}s.
 */
public final class FileInspector {
  private final PrintWriter out;

  /**
   * @param out where the description or rows are printed
   */
  public FileInspector(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints what a file or dataset directory holds: schema, row groups, rows, codecs, size,
   * created_by and key-value metadata; for a dataset its files, partition columns, total rows and
   * the first file's description.
   *
   * @param path the path as typed
   * @throws TransferException if it is not a readable Parquet file or dataset
   */
  public void describe(String path) {
    try {
      Location location = TargetLocations.resolve(path, Options.empty());
      if (location.isDirectory()) {
        DatasetListing listing = list(path);
        List<ParquetFooter> footers = new ArrayList<>();
        for (DatasetFile f : listing.files()) {
          footers.add(ParquetFooter.read(f.file()));
        }
        new FileDescription(out).dataset(listing, partitionColumns(listing), footers);
      } else {
        new FileDescription(out).file(ParquetFooter.read(location));
      }
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new TransferException("Cannot describe '" + path + "': no such file or directory.");
    } catch (IOException e) {
      throw new TransferException(capitalize(e.getMessage()) + ".", e);
    } finally {
      out.flush();
    }
  }

  /**
   * Prints the first rows of a file or dataset as SELECT prints rows.
   *
   * @param path the path as typed
   * @param limit rows to print at most, at least 1
   * @throws TransferException if it is not a readable Parquet file or dataset, or a value cannot be
   *     read
   */
  public void show(String path, int limit) {
    try {
      Location location = TargetLocations.resolve(path, Options.empty());
      if (location.isDirectory()) {
        DatasetListing listing = list(path);
        new FilePreview(out).dataset(listing, partitionColumns(listing), limit);
      } else {
        new FilePreview(out).file(location, limit);
      }
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new TransferException("Cannot show '" + path + "': no such file or directory.");
    } catch (IOException e) {
      throw new TransferException(capitalize(e.getMessage()) + ".", e);
    } finally {
      out.flush();
    }
  }

  private static DatasetListing list(String path) throws IOException {
    DatasetListing listing = DatasetListing.list(path, PartitionFilter.none());
    if (listing.files().isEmpty()) {
      throw new TransferException("Dataset '" + path + "' holds no files.");
    }
    return listing;
  }

  /** The partition keys in directory order, as the first files' paths name them. */
  static List<String> partitionColumns(DatasetListing listing) {
    Set<String> keys = new LinkedHashSet<>();
    for (DatasetFile f : listing.files()) {
      for (PathLevel level : f.levels()) {
        keys.add(level.key());
      }
    }
    return List.copyOf(keys);
  }

  private static String capitalize(String message) {
    String m = message == null ? "cannot read the file" : message;
    return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
  }
}
