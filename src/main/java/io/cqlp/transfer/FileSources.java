package io.cqlp.transfer;

import io.cqlp.command.Options;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.dataset.DatasetFile;
import io.cqlp.transfer.dataset.DatasetListing;
import io.cqlp.transfer.dataset.DatasetSource;
import io.cqlp.transfer.dataset.PartitionFilter;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Opens the rows of a path that COPY FROM and VERIFY read: one file, or a dataset ({@link
 * DatasetSource}: a path ending with {@code /}, a directory or a glob), local or in an object
 * store, converted to a table's columns.
 *
 * @param source the path as typed
 * @param location where it resolves
 * @param dataset whether it is a dataset rather than one file
 * @param only the dataset's files to read, by {@link Location#toString()}, or null for all of them
 *     (one task's share of a distributed import: {@link #only(Collection)})
 */
public record FileSources(String source, Location location, boolean dataset, Set<String> only) {

  /** Copies {@code only}. */
  public FileSources {
    only = only == null ? null : Set.copyOf(only);
  }

  /**
   * These sources restricted to some of a dataset's files.
   *
   * @param files the files to read, as {@link Location#toString()} spells them; files of the
   *     dataset not named are skipped
   * @return the restricted sources
   */
  public FileSources only(Collection<String> files) {
    return new FileSources(source, location, dataset, Set.copyOf(files));
  }

  /**
   * The files a dataset source reads, in path order; the one file of a single-file source.
   *
   * @param options the command's options (object-store settings, PARTITION_FILTER)
   * @return the files and their sizes in bytes
   * @throws IOException when a directory cannot be listed
   */
  public Map<String, Long> files(Options options) throws IOException {
    Map<String, Long> files = new java.util.LinkedHashMap<>();
    if (!dataset) {
      files.put(location.toString(), location.size());
      return files;
    }
    for (DatasetFile file : listing(options).files()) {
      files.put(file.file().toString(), file.size());
    }
    return files;
  }

  private DatasetListing listing(Options options) throws IOException {
    DatasetListing listing =
        DatasetListing.list(
            source, PartitionFilter.parse(options.getString("PARTITION_FILTER", null)), options);
    if (only == null) {
      return listing;
    }
    return new DatasetListing(
        listing.root(),
        listing.files().stream().filter(f -> only.contains(f.file().toString())).toList(),
        listing.keys(),
        listing.pruned());
  }

  /**
   * Resolves a path and checks that there is something to read.
   *
   * @param source the path as typed: local, or {@code s3://bucket/key}
   * @param options the command's options (object-store settings, PARTITION_FILTER)
   * @throws TransferException when the file does not exist or cannot be listed, or PARTITION_FILTER
   *     is given for a single file
   */
  public static FileSources of(String source, Options options) {
    Location file = TargetLocations.resolve(source, options);
    boolean dataset;
    try {
      dataset = DatasetListing.isDataset(file, source);
      if (!dataset && !file.isFile()) {
        throw new TransferException("Cannot read " + file + ": no such file.");
      }
    } catch (IOException e) {
      throw new TransferException("Cannot read " + source + ": " + e.getMessage() + ".", e);
    }
    if (!dataset && options.contains("PARTITION_FILTER")) {
      throw new TransferException(
          "PARTITION_FILTER selects directories of a dataset; " + file + " is a file.");
    }
    return new FileSources(source, file, dataset, null);
  }

  /**
   * Opens the rows.
   *
   * @param schema the table columns the values convert to
   * @param explicit whether the user named the columns (a file's columns are then matched to them)
   * @param options the command's options (format, CSV options, PARTITION_FILTER)
   * @param sources opens each file by its format
   * @return an open source; the caller closes it
   * @throws IOException when a file cannot be read
   * @throws TransferException for a file whose columns cannot convert to the table's
   */
  public RowSource open(
      TableSchema schema, boolean explicit, Options options, SourceFactory sources)
      throws IOException {
    return dataset
        ? DatasetSource.open(listing(options), schema, explicit, sources, options)
        : sources.open(location, schema, explicit, options);
  }

  /**
   * Checks that rows read from {@code location} have every primary key column of the table.
   *
   * @param columns the columns the source delivers
   * @throws TransferException naming the missing key columns
   */
  public static void requireKeyColumns(
      TableSchema schema, List<ColumnSpec> columns, Location location) {
    Set<String> present = columns.stream().map(ColumnSpec::name).collect(Collectors.toSet());
    List<String> missing =
        schema.columns().stream()
            .filter(c -> c.kind() == ColumnKind.PARTITION_KEY || c.kind() == ColumnKind.CLUSTERING)
            .map(ColumnSpec::name)
            .filter(n -> !present.contains(n))
            .toList();
    if (!missing.isEmpty()) {
      throw new TransferException(
          location
              + " has no column for primary key column(s) "
              + String.join(", ", missing)
              + " of "
              + schema.qualifiedName()
              + ".");
    }
  }
}
