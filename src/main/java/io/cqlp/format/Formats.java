package io.cqlp.format;

import io.cqlp.command.Options;
import io.cqlp.format.csv.CsvOptions;
import io.cqlp.format.csv.CsvRowReader;
import io.cqlp.format.csv.CsvRowWriter;
import io.cqlp.format.json.JsonRowSink;
import io.cqlp.format.json.JsonRowSource;
import io.cqlp.format.parquet.FooterKeys;
import io.cqlp.format.parquet.codec.ParquetCompression;
import io.cqlp.format.parquet.read.ParquetRowReader;
import io.cqlp.format.parquet.write.ParquetRowWriter;
import io.cqlp.format.parquet.write.ParquetTypeOptions;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.format.xlsx.XlsxRowSink;
import io.cqlp.rows.PartWriterFactory;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.SchemaJson;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the reader or writer of a COPY by its format: the FORMAT option, else the file's extension
 * ({@link FileFormat#fromPath}): Parquet (files and datasets), CSV (files, {@code .csv.gz}/{@code
 * .csv.zst}, STDIN and STDOUT; see {@link io.cqlp.format.csv.CsvOptions}), JSON ({@link
 * JsonRowSink}, {@link JsonRowSource}) and XLSX (COPY TO only, {@link XlsxRowSink}).
 */
public final class Formats {
  private Formats() {}

  /** COPY TO option: write one JSON array instead of JSON Lines (default false). */
  public static final String JSON_ARRAY = "JSON_ARRAY";

  /**
   * COPY FROM option: skip JSON keys that name no column instead of refusing the row (default
   * false).
   */
  public static final String IGNORE_UNKNOWN_KEYS = "IGNORE_UNKNOWN_KEYS";

  /** FORMAT=PARQUET, the default format of dataset part files. */
  private static final Options PARQUET = Options.builder().add("FORMAT", "PARQUET").build();

  /** Opens COPY TO targets: single files, and the part files of dataset directories. */
  public static SinkFactory sinks() {
    return sinks(Map.of());
  }

  /**
   * As {@link #sinks()}, with further footer entries in every Parquet file written (COPY 'file' TO
   * with INCLUDE_METADATA: the source's key-value metadata); other formats ignore them.
   *
   * @param footer key-value entries beside cqlp's own ({@code cqlp.version}, {@code cqlp.schema},
   *     which win); not null
   */
  public static SinkFactory sinks(Map<String, String> footer) {
    Map<String, String> entries = Map.copyOf(footer);
    return new SinkFactory() {
      @Override
      public RowSink open(Location target, TableSchema schema, Options options) throws IOException {
        return openSink(target, schema, options, entries);
      }

      @Override
      public PartWriterFactory partWriters(
          TableSchema schema, List<ColumnSpec> fileColumns, Options options) {
        return Formats.partWriters(schema, fileColumns, options, entries);
      }

      @Override
      public RowSink openStdout(Writer out, TableSchema schema, Options options)
          throws IOException {
        requireCsv(options, "STDOUT");
        ParquetTuningOptions.rejectFor(options, FileFormat.CSV, "STDOUT");
        return CsvRowWriter.toStream(out, schema.columns(), csvOptions(options));
      }

      @Override
      public SinkFactory withFooter(Map<String, String> more) {
        Map<String, String> all = new java.util.LinkedHashMap<>(entries);
        all.putAll(more);
        return sinks(all);
      }
    };
  }

  /** Opens COPY FROM inputs. */
  public static SourceFactory sources() {
    return new SourceFactory() {
      @Override
      public RowSource open(
          Location file, TableSchema schema, boolean explicitColumns, Options options)
          throws IOException {
        return openSource(file, schema, explicitColumns, options);
      }

      @Override
      public RowSource openStdin(Reader in, TableSchema schema, Options options)
          throws IOException {
        requireCsv(options, "STDIN");
        return CsvRowReader.fromReader("STDIN", in, schema.columns(), csvOptions(options));
      }
    };
  }

  /** STDIN and STDOUT carry CSV, as in cqlsh. */
  private static void requireCsv(Options options, String stream) {
    String named = options.getString("FORMAT", null);
    if (named != null && format(options, "x.csv") != FileFormat.CSV) {
      throw new TransferException(
          stream + " carries CSV only; drop FORMAT='" + named + "' or use a file.");
    }
  }

  private static CsvOptions csvOptions(Options options) {
    try {
      return CsvOptions.from(options);
    } catch (IllegalArgumentException e) {
      throw new TransferException(capitalize(e.getMessage()));
    }
  }

  /**
   * The format of a COPY or CAPTURE: the FORMAT option when given, else the path's extension
   * ({@link FileFormat#of}). Every workflow asks here, so that they all decide alike.
   *
   * @param options the command's options
   * @param path the file or directory path as typed, or a {@link io.cqlp.storage.Location}
   * @throws TransferException naming the valid formats when FORMAT is none of them
   */
  public static FileFormat format(Options options, Object path) {
    try {
      return FileFormat.of(options.getString("FORMAT", null), path.toString());
    } catch (IllegalArgumentException e) {
      throw new TransferException(e.getMessage());
    }
  }

  private static TransferException unavailable(FileFormat format, String path) {
    return new TransferException(
        "FORMAT "
            + format
            + " is not available in this version of cqlp (for "
            + path
            + "); use a .parquet file or FORMAT='PARQUET'.");
  }

  private static RowSink openSink(
      Location target, TableSchema schema, Options options, Map<String, String> footer)
      throws IOException {
    FileFormat format = format(options, target);
    if (format != FileFormat.PARQUET) {
      ParquetTuningOptions.rejectFor(options, format, target);
    }
    return switch (format) {
      case PARQUET ->
          ParquetRowWriter.open(
              target,
              schema.columns(),
              ParquetTuningOptions.forFile(parquetOptions(schema, options), schema.columns()),
              footer,
              0);
      case CSV -> CsvRowWriter.open(target, schema.columns(), csvOptions(options));
      case JSON ->
          JsonRowSink.open(target, schema.columns(), options.getBoolean(JSON_ARRAY, false));
      case XLSX -> XlsxRowSink.open(target, schema.columns());
    };
  }

  /**
   * Part files of a dataset are Parquet unless FORMAT names another format. Each file's footer
   * records the columns kept in the directory names ({@link FooterKeys#PATH_COLUMNS}).
   */
  private static PartWriterFactory partWriters(
      TableSchema schema,
      List<ColumnSpec> fileColumns,
      Options options,
      Map<String, String> footer) {
    FileFormat format = format(options.withDefaults(PARQUET), "dataset/");
    if (format != FileFormat.PARQUET) {
      throw unavailable(format, "dataset/");
    }
    ParquetWriteOptions write =
        ParquetTuningOptions.forDataset(parquetOptions(schema, options), schema, fileColumns);
    return part ->
        ParquetRowWriter.open(
            part.file(),
            part.columns(),
            write.withMaxRowGroupBytes(Math.min(write.maxRowGroupBytes(), part.maxRowGroupBytes())),
            part.pathColumns().isEmpty()
                ? footer
                : withEntry(
                    footer,
                    FooterKeys.PATH_COLUMNS,
                    SchemaJson.write(schema.keyspace(), schema.table(), part.pathColumns())),
            part.maxFileBytes());
  }

  private static Map<String, String> withEntry(
      Map<String, String> entries, String key, String value) {
    Map<String, String> all = new java.util.LinkedHashMap<>(entries);
    all.put(key, value);
    return all;
  }

  private static ParquetWriteOptions parquetOptions(TableSchema schema, Options options) {
    ParquetWriteOptions write;
    try {
      ParquetCompression codec =
          ParquetCompression.parse(options.getString("COMPRESSION", "SNAPPY"));
      Integer level =
          options.contains("COMPRESSION_LEVEL") ? options.getInt("COMPRESSION_LEVEL", 0) : null;
      long rows = ParquetTuningOptions.rowsPerRowGroup(options);
      write =
          ParquetWriteOptions.defaults()
              .withCompression(codec, level)
              .withRowsPerRowGroup((int) Math.min(Integer.MAX_VALUE, rows))
              .withMaxRowGroupBytes(ParquetTuningOptions.rowGroupBytes(options))
              .withTuning(ParquetTuningOptions.parse(options))
              .withTable(schema.keyspace(), schema.table())
              .withRequiredClustering(schema.clusteringNeverNull())
              .withTypes(
                  ParquetTypeOptions.parse(
                      options.getString(ParquetTypeOptions.UUID_TYPE, null),
                      options.getString(ParquetTypeOptions.DECIMAL_TYPE, null),
                      options.getString(ParquetTypeOptions.TIME_UNIT, null)));
    } catch (IllegalArgumentException e) {
      throw new TransferException(capitalize(e.getMessage()) + ".");
    }
    return write;
  }

  private static RowSource openSource(
      Location file, TableSchema schema, boolean explicitColumns, Options options)
      throws IOException {
    FileFormat format = format(options, file);
    return switch (format) {
      case PARQUET -> openParquet(file, schema, explicitColumns, PrecisionLoss.from(options));
      case CSV -> CsvRowReader.open(file, schema.columns(), csvOptions(options));
      case JSON ->
          JsonRowSource.open(
                  file,
                  schema.columns(),
                  explicitColumns || options.getBoolean(IGNORE_UNKNOWN_KEYS, false))
              .precisionLoss(PrecisionLoss.from(options));
      case XLSX ->
          throw new TransferException(
              "COPY FROM reads no .xlsx files ("
                  + file
                  + "); save the sheet as CSV, or export JSON.");
    };
  }

  private static RowSource openParquet(
      Location file, TableSchema schema, boolean explicitColumns, PrecisionLoss loss)
      throws IOException {
    ParquetRowReader reader = ParquetRowReader.open(file, schema.columns(), explicitColumns, loss);
    if (explicitColumns) {
      return reader;
    }
    Set<String> tableNames =
        schema.columns().stream()
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<String> extra =
        reader.fileColumns().stream()
            .map(c -> c.name())
            .filter(n -> !tableNames.contains(n.toLowerCase(Locale.ROOT)))
            .toList();
    if (!extra.isEmpty()) {
      reader.close();
      throw new TransferException(
          file
              + " has columns that "
              + schema.keyspace()
              + "."
              + schema.table()
              + " does not: "
              + String.join(", ", extra)
              + "; name the columns to import, e.g. COPY "
              + schema.table()
              + " ("
              + schema.columns().stream()
                  .map(ColumnSpec::name)
                  .limit(3)
                  .collect(Collectors.joining(", "))
              + ") FROM ..."
              + (extra.stream().anyMatch(n -> n.startsWith("writetime(") || n.startsWith("ttl("))
                  ? ", or add WITH WRITETIME=true AND TTL=true to restore each cell's write time"
                      + " and TTL"
                  : ""));
    }
    if (reader.missingColumns().isEmpty()) {
      return reader;
    }
    List<ColumnSpec> present =
        schema.columns().stream().filter(c -> !reader.missingColumns().contains(c.name())).toList();
    reader.close();
    return ParquetRowReader.open(file, present, true, loss);
  }

  private static String capitalize(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
