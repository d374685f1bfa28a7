package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.Options;
import io.cqlp.format.parquet.FooterKeys;
import io.cqlp.format.parquet.read.ParquetFooter;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.dataset.DatasetFile;
import io.cqlp.transfer.dataset.DatasetListing;
import io.cqlp.transfer.dataset.DatasetSource;
import io.cqlp.transfer.dataset.PartitionFilter;
import io.cqlp.transfer.dataset.PathLevel;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlTypeText;
import io.cqlp.types.SchemaJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The source of {@code COPY 'source' TO ...}: a Parquet file, or a dataset (a directory of Parquet
 * files under Hive-style {@code key=value} directories, or a glob; {@link DatasetListing}), local
 * or in an object store, with the CQL type of each column.
 *
 * <p>Column types: those of the footer's {@code cqlp.schema} when cqlp wrote the file (so timeuuid,
 * varint, decimal, set, ... come back as they were exported), else for each Parquet column the type
 * COPY FROM and DESCRIBE FILE choose for it ({@link io.cqlp.format.parquet.read.ImportTypes}). The
 * columns are those of the first file, then the dataset's partition keys that are data: those the
 * footer's {@code cqlp.path_columns} lists (with their types) for a dataset cqlp wrote, else every
 * key, as text (Hive's directories hold text).
 *
 * @param typed the source as typed
 * @param listing the dataset's files; null for a single file
 * @param file the file read, or the dataset's first file
 * @param schema the columns, in output order; keyspace and table as the footer names them, else
 *     empty
 * @param parquetTypes the Parquet type of each column in words ({@code INT64}, {@code BINARY
 *     STRING}), {@code directory} for a partition key
 * @param keyValues the footer's key-value metadata of {@link #file()}, in footer order
 */
public record FileSource(
    String typed,
    DatasetListing listing,
    Location file,
    TableSchema schema,
    List<String> parquetTypes,
    Map<String, String> keyValues) {

  /**
   * Looks at a source: lists the dataset, reads the first footer.
   *
   * @param typed the path as typed (local, {@code s3://}, a directory, a glob)
   * @param options the statement's options (object-store settings, PARTITION_FILTER)
   * @return the source, no file open
   * @throws TransferException if it does not exist, holds no files, is not Parquet, has a column
   *     cqlp cannot read, or has PARTITION_FILTER for a single file (one line naming it)
   */
  public static FileSource inspect(String typed, Options options) {
    FileSources where = FileSources.of(typed, options);
    Location location = where.location();
    try {
      DatasetListing listing = null;
      Location first = location;
      if (where.dataset()) {
        listing =
            DatasetListing.list(
                typed, PartitionFilter.parse(options.getString("PARTITION_FILTER", null)), options);
        if (listing.files().isEmpty()) {
          throw new TransferException(
              "Cannot read '"
                  + typed
                  + "': the dataset holds no files"
                  + (listing.pruned() > 0 ? " that PARTITION_FILTER keeps." : "."));
        }
        first = listing.files().get(0).file();
      } else if (!location.name().toLowerCase(Locale.ROOT).endsWith(".parquet")
          && !location.name().toLowerCase(Locale.ROOT).endsWith(".parq")) {
        requireParquetName(typed, location);
      }
      return of(typed, listing, ParquetFooter.read(first));
    } catch (IOException e) {
      String m = e.getMessage() == null ? "cannot read it" : e.getMessage();
      throw new TransferException(Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".", e);
    }
  }

  /** A file without a .parquet name is read as Parquet unless its name says another format. */
  private static void requireParquetName(String typed, Location location) {
    String name = location.name().toLowerCase(Locale.ROOT);
    for (String other : List.of(".csv", ".json", ".jsonl", ".ndjson", ".xlsx", ".gz", ".zst")) {
      if (name.endsWith(other)) {
        throw new TransferException(
            "COPY '"
                + typed
                + "' TO reads Parquet files and datasets;"
                + " load a "
                + other.substring(1).toUpperCase(Locale.ROOT)
                + " file with COPY table FROM.");
      }
    }
  }

  private static FileSource of(String typed, DatasetListing listing, ParquetFooter footer) {
    SchemaJson.Document doc = document(footer, FooterKeys.SCHEMA);
    CqlTypeText types = new CqlTypeText(doc == null ? List.of() : doc.userTypes());
    Map<String, SchemaJson.Column> declared = new HashMap<>();
    if (doc != null) {
      doc.columns().forEach(c -> declared.put(c.name(), c));
    }
    List<ColumnSpec> columns = new ArrayList<>();
    List<String> parquetTypes = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (ParquetFooter.Column c : footer.columns()) {
      SchemaJson.Column d = declared.get(c.name());
      DataType type = d == null ? null : parse(types, d.cqlType());
      if (type == null && c.cqlType().isEmpty()) {
        throw new TransferException(
            "Column '"
                + c.name()
                + "' of "
                + footer.file()
                + " is Parquet "
                + c.parquetType()
                + ", which cqlp cannot read; it cannot be converted.");
      }
      columns.add(
          new ColumnSpec(
              c.name(),
              type != null ? type : c.cqlType().get(),
              d == null ? ColumnKind.REGULAR : d.kind()));
      parquetTypes.add(c.parquetType());
      names.add(c.name().toLowerCase(Locale.ROOT));
    }
    if (listing != null) {
      SchemaJson.Document path = document(footer, FooterKeys.PATH_COLUMNS);
      CqlTypeText pathTypes = new CqlTypeText(path == null ? List.of() : path.userTypes());
      for (String key : keys(listing)) {
        if (names.contains(key.toLowerCase(Locale.ROOT))) {
          continue;
        }
        DataType type = DataTypes.TEXT;
        if (path != null || doc != null) {
          // cqlp wrote the dataset: only the keys it lists are columns (others are derived).
          SchemaJson.Column d =
              path == null
                  ? null
                  : path.columns().stream()
                      .filter(c -> c.name().equals(key))
                      .findFirst()
                      .orElse(null);
          if (d == null) {
            continue;
          }
          type = parse(pathTypes, d.cqlType());
          if (type == null) {
            type = DataTypes.TEXT;
          }
        }
        columns.add(ColumnSpec.regular(key, type));
        parquetTypes.add("directory");
      }
    }
    List<String> partitionKey =
        columns.stream()
            .filter(c -> c.kind() == ColumnKind.PARTITION_KEY)
            .map(ColumnSpec::name)
            .toList();
    TableSchema schema =
        new TableSchema(
            doc == null || doc.keyspace() == null ? "" : doc.keyspace(),
            doc == null || doc.table() == null ? "" : doc.table(),
            List.copyOf(columns),
            partitionKey);
    return new FileSource(
        typed,
        listing,
        footer.file(),
        schema,
        List.copyOf(parquetTypes),
        new LinkedHashMap<>(footer.keyValues()));
  }

  /**
   * The document of a footer entry, or null when absent or unreadable (the file is then foreign).
   */
  private static SchemaJson.Document document(ParquetFooter footer, String key) {
    String text = footer.keyValues().get(key);
    if (text == null) {
      return null;
    }
    try {
      return SchemaJson.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static DataType parse(CqlTypeText types, String text) {
    try {
      return types.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The partition keys in directory order, as the files' paths name them. */
  private static List<String> keys(DatasetListing listing) {
    Set<String> keys = new LinkedHashSet<>();
    for (DatasetFile f : listing.files()) {
      for (PathLevel level : f.levels()) {
        keys.add(level.key());
      }
    }
    return List.copyOf(keys);
  }

  /**
   * Opens the rows: every file in turn for a dataset, with the partition keys' values from the
   * directory names ({@link DatasetSource}).
   *
   * @param sources opens each Parquet file
   * @param options the object-store settings and PRECISION_LOSS
   * @return the rows, one value per {@link #schema()} column in the driver's Java types
   * @throws IOException if a file cannot be read (one line naming it)
   */
  public RowSource open(SourceFactory sources, Options options) throws IOException {
    Options parquet = options.withDefaults(Options.builder().add("FORMAT", "PARQUET").build());
    if (listing == null) {
      return sources.open(file, schema, true, parquet);
    }
    return DatasetSource.open(listing, schema, false, sources, parquet);
  }
}
