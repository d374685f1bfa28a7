package io.cqlp.format.parquet.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.schema.MessageType;

/**
 * The Parquet writer settings COPY TO and CAPTURE leave to the user beside codec and row group
 * size: page size, dictionary encoding and bloom filters per column, statistics, the data page
 * version, and footer key-value metadata. Each is handed to parquet-java's {@link
 * ParquetProperties} once per file ({@link #configure}); the row loop does not see them.
 *
 * <p>Column names are the file's top-level field names; a setting for a composite column
 * (collection, UDT, tuple, vector) applies to every leaf column under it.
 *
 * @param pageBytes target bytes of a data page (parquet-java closes a page when its buffered size
 *     reaches this; when set, sizes are checked as often as every row instead of every 100 rows at
 *     least), or 0 for parquet-java's 1 MiB; not negative
 * @param dictionary whether the columns not named in {@code dictionaryColumns} are
 *     dictionary-encoded (parquet-java falls back to plain encoding by itself when a chunk's
 *     dictionary outgrows the dictionary page size); default true
 * @param dictionaryColumns dictionary encoding on or off per column name; not null
 * @param bloomFilters the columns that get a split-block bloom filter per row group, each with its
 *     expected number of distinct values, or 0 for none given (the filter is then sized to the
 *     values seen, parquet-java's adaptive filter of at most 1 MiB); not null
 * @param statistics whether min/max/null-count statistics are written (chunk and page level, and
 *     with them the column index); default true
 * @param writerVersion {@code PARQUET_1_0} (data pages V1, PLAIN and dictionary encodings, the
 *     default, read by every reader) or {@code PARQUET_2_0} (data pages V2, DELTA encodings); not
 *     null
 * @param metadata footer key-value entries added beside cqlp's own; not null; no key starting with
 *     {@code cqlp.} nor {@code writer.model.name}
 */
public record ParquetTuning(
    int pageBytes,
    boolean dictionary,
    Map<String, Boolean> dictionaryColumns,
    Map<String, Long> bloomFilters,
    boolean statistics,
    WriterVersion writerVersion,
    Map<String, String> metadata) {

  /** The option of the data page size in bytes. */
  public static final String PAGE_SIZE = "PAGE_SIZE";

  /** The option of dictionary encoding, for all columns or per column. */
  public static final String DICTIONARY = "DICTIONARY";

  /** The option naming the bloom-filtered columns. */
  public static final String BLOOM_FILTER = "BLOOM_FILTER";

  /** The option turning statistics off. */
  public static final String STATISTICS = "STATISTICS";

  /** The option of the data page version. */
  public static final String WRITER_VERSION = "WRITER_VERSION";

  /** The option of custom footer metadata. */
  public static final String METADATA = "METADATA";

  /** The options of row group rows and bytes (CHUNKSIZE is the older name of ROW_GROUP_SIZE). */
  public static final String ROW_GROUP_SIZE = "ROW_GROUP_SIZE";

  /** The option of the byte cap of a row group. */
  public static final String ROW_GROUP_BYTES = "ROW_GROUP_BYTES";

  /** Every option this record and the row group size take, which only a Parquet target takes. */
  public static final Set<String> OPTION_NAMES =
      Set.of(
          PAGE_SIZE,
          DICTIONARY,
          BLOOM_FILTER,
          STATISTICS,
          WRITER_VERSION,
          METADATA,
          ROW_GROUP_SIZE,
          ROW_GROUP_BYTES);

  /** The smallest PAGE_SIZE: 1 KiB (a page header alone takes some 20 bytes). */
  public static final int MIN_PAGE_BYTES = 1 << 10;

  /** The largest PAGE_SIZE: 1 GiB (parquet-java sizes pages in an int). */
  public static final int MAX_PAGE_BYTES = 1 << 30;

  /** parquet-java's defaults: 1 MiB pages, dictionaries, no bloom filter, statistics, V1. */
  public static final ParquetTuning DEFAULTS =
      new ParquetTuning(0, true, Map.of(), Map.of(), true, WriterVersion.PARQUET_1_0, Map.of());

  /** The footer key parquet-java's {@code ParquetWriter} writes, which cqlp sets too. */
  static final String MODEL_KEY = "writer.model.name";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException for a page size outside {@link #MIN_PAGE_BYTES} to {@link
   *     #MAX_PAGE_BYTES} (0 aside), an NDV below 0, or a reserved metadata key
   * @throws NullPointerException for a null map or writer version
   */
  public ParquetTuning {
    if (pageBytes != 0 && (pageBytes < MIN_PAGE_BYTES || pageBytes > MAX_PAGE_BYTES)) {
      throw new IllegalArgumentException(
          PAGE_SIZE
              + " must be from 1KB to 1GB, got "
              + pageBytes
              + " bytes; e.g. "
              + PAGE_SIZE
              + "='256KB'");
    }
    dictionaryColumns = Map.copyOf(dictionaryColumns);
    bloomFilters = Map.copyOf(bloomFilters);
    bloomFilters
        .values()
        .forEach(
            ndv -> {
              if (ndv < 0) {
                throw new IllegalArgumentException(
                    BLOOM_FILTER + " NDV must be at least 1, got " + ndv);
              }
            });
    java.util.Objects.requireNonNull(writerVersion, "writerVersion");
    metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    metadata.keySet().forEach(ParquetTuning::checkKey);
  }

  /**
   * Reads DICTIONARY: a comma-separated list whose items are {@code true} or {@code false} (every
   * column not named) or {@code col:true} / {@code col:false}; e.g. {@code 'false'}, {@code
   * 'city:false,tags:false'}, {@code 'false,origin:true'}. Case-insensitive words; column names as
   * written (see {@link #forColumns}).
   *
   * @return these settings with the dictionary default and per-column choices of the value
   * @throws IllegalArgumentException (one line, with an example) for an empty item, a word other
   *     than true or false, two defaults, or a column named twice
   */
  public ParquetTuning withDictionary(String value) {
    Boolean all = null;
    Map<String, Boolean> columns = new LinkedHashMap<>();
    for (String[] item : items(DICTIONARY, value, "'false' or 'col1:false,col2:true'")) {
      if (item[1] == null) {
        if (all != null) {
          throw bad(
              DICTIONARY, value, "it gives the default for all columns twice", "'false,col1:true'");
        }
        all = bool(item[0], value);
      } else if (columns.put(item[0], bool(item[1], value)) != null) {
        throw bad(DICTIONARY, value, "it names '" + item[0] + "' twice", "'col1:false,col2:true'");
      }
    }
    return new ParquetTuning(
        pageBytes,
        all == null ? dictionary : all,
        columns,
        bloomFilters,
        statistics,
        writerVersion,
        metadata);
  }

  /**
   * Reads BLOOM_FILTER: a comma-separated list of columns, each with an optional expected number of
   * distinct values per row group after a colon: {@code 'id'}, {@code 'id:100000,email'}.
   *
   * @return these settings with the bloom filters of the value
   * @throws IllegalArgumentException (one line, with an example) for an empty item, an NDV that is
   *     not a whole number from 1 on, or a column named twice
   */
  public ParquetTuning withBloomFilters(String value) {
    Map<String, Long> columns = new LinkedHashMap<>();
    String example = "'col1,col2:100000' (a column, optionally ':' and its distinct values)";
    for (String[] item : items(BLOOM_FILTER, value, example)) {
      long ndv = 0;
      if (item[1] != null) {
        try {
          ndv = Long.parseLong(item[1]);
        } catch (NumberFormatException e) {
          ndv = -1;
        }
        if (ndv < 1) {
          throw bad(
              BLOOM_FILTER, value, "'" + item[1] + "' is no count of distinct values", example);
        }
      }
      if (columns.put(item[0], ndv) != null) {
        throw bad(BLOOM_FILTER, value, "it names '" + item[0] + "' twice", example);
      }
    }
    return new ParquetTuning(
        pageBytes, dictionary, dictionaryColumns, columns, statistics, writerVersion, metadata);
  }

  /**
   * Reads METADATA: a JSON object whose values are strings, e.g. {@code '{"team": "ops"}'}.
   *
   * @return these settings with the entries of the object, in its order
   * @throws IllegalArgumentException (one line) for anything else, a key given twice, or a key of
   *     cqlp's own ({@code cqlp.*}, {@code writer.model.name})
   */
  public ParquetTuning withMetadata(String value) {
    String example = "METADATA='{\"team\": \"ops\", \"source\": \"prod\"}'";
    JsonNode node;
    try {
      node = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          "METADATA must be a JSON object of strings, got '" + value + "'; e.g. " + example);
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException(
            "METADATA value of '"
                + e.getKey()
                + "' is "
                + e.getValue()
                + ", not a string; write it in quotes, e.g. "
                + example);
      }
      entries.put(e.getKey(), e.getValue().textValue());
    }
    return new ParquetTuning(
        pageBytes, dictionary, dictionaryColumns, bloomFilters, statistics, writerVersion, entries);
  }

  /** These settings with another data page size in bytes (0: parquet-java's 1 MiB). */
  public ParquetTuning withPageBytes(int bytes) {
    return new ParquetTuning(
        bytes, dictionary, dictionaryColumns, bloomFilters, statistics, writerVersion, metadata);
  }

  /** These settings with statistics (and the column index) on or off. */
  public ParquetTuning withStatistics(boolean on) {
    return new ParquetTuning(
        pageBytes, dictionary, dictionaryColumns, bloomFilters, on, writerVersion, metadata);
  }

  /** These settings with another writer version. */
  public ParquetTuning withWriterVersion(WriterVersion version) {
    return new ParquetTuning(
        pageBytes, dictionary, dictionaryColumns, bloomFilters, statistics, version, metadata);
  }

  /**
   * These settings with their column names resolved against a file's columns: each name is taken
   * exactly, else as the one column of that name in another case (CQL folds unquoted names to lower
   * case).
   *
   * @param columns the file's top-level column names
   * @return these settings naming columns as the file does
   * @throws IllegalArgumentException naming the option and listing the columns, for a name that is
   *     no column, or is one in more than one case
   */
  public ParquetTuning forColumns(List<String> columns) {
    Map<String, Boolean> dict = new LinkedHashMap<>();
    dictionaryColumns.forEach((name, on) -> dict.put(column(DICTIONARY, name, columns), on));
    Map<String, Long> bloom = new LinkedHashMap<>();
    bloomFilters.forEach((name, ndv) -> bloom.put(column(BLOOM_FILTER, name, columns), ndv));
    return new ParquetTuning(
        pageBytes, dictionary, dict, bloom, statistics, writerVersion, metadata);
  }

  /**
   * Sets these settings on a builder, per leaf column of the schema; column names must have been
   * resolved ({@link #forColumns}).
   *
   * @param props the builder of one file's properties
   * @param schema the file's schema
   * @param pageCap the largest data page in bytes the caller allows, or 0 for no cap
   */
  void configure(ParquetProperties.Builder props, MessageType schema, int pageCap) {
    int page = pageBytes > 0 ? pageBytes : pageCap;
    if (page > 0) {
      props.withPageSize(pageCap > 0 ? Math.min(page, pageCap) : page);
    }
    if (pageBytes > 0) {
      // parquet-java checks page sizes every 100 rows at least, so pages of wide rows would
      // outgrow a small PAGE_SIZE; its estimate of the rows to the next check keeps checks rare
      // for narrow rows.
      props.withMinRowCountForPageSizeCheck(1);
    }
    props
        .withWriterVersion(writerVersion)
        .withStatisticsEnabled(statistics)
        .withDictionaryEncoding(dictionary);
    if (!bloomFilters.isEmpty()) {
      props.withAdaptiveBloomFilterEnabled(true);
    }
    for (ColumnDescriptor c : schema.getColumns()) {
      String top = c.getPath()[0];
      String path = String.join(".", c.getPath());
      Boolean dict = dictionaryColumns.get(top);
      if (dict != null) {
        props.withDictionaryEncoding(path, dict);
      }
      Long ndv = bloomFilters.get(top);
      if (ndv != null) {
        props.withBloomFilterEnabled(path, true);
        if (ndv > 0) {
          props.withBloomFilterNDV(path, ndv);
        }
      }
    }
  }

  private static String column(String option, String name, List<String> columns) {
    if (columns.contains(name)) {
      return name;
    }
    List<String> folded = columns.stream().filter(c -> c.equalsIgnoreCase(name)).toList();
    if (folded.size() == 1) {
      return folded.get(0);
    }
    throw new IllegalArgumentException(
        option
            + " names '"
            + name
            + "', which is "
            + (folded.isEmpty() ? "not a column of the file" : "ambiguous (" + folded + ")")
            + "; the columns are: "
            + String.join(", ", columns));
  }

  /** Splits {@code a,b:c} into {name, null} and {name, value} items, trimmed. */
  private static List<String[]> items(String option, String value, String example) {
    List<String[]> items = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String item = raw.trim();
      int colon = item.lastIndexOf(':');
      String name = (colon < 0 ? item : item.substring(0, colon)).trim();
      String arg = colon < 0 ? null : item.substring(colon + 1).trim();
      if (name.isEmpty() || (arg != null && arg.isEmpty())) {
        throw bad(option, value, "it has an empty item", example);
      }
      items.add(colon < 0 ? new String[] {name, null} : new String[] {name, arg});
    }
    return items;
  }

  private static boolean bool(String word, String value) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw bad(
              DICTIONARY,
              value,
              "'" + word + "' is neither true nor false",
              "'false' or 'col1:false,col2:true'");
    };
  }

  private static IllegalArgumentException bad(
      String option, String value, String why, String example) {
    return new IllegalArgumentException(
        "Invalid " + option + " '" + value + "': " + why + "; e.g. " + option + "=" + example);
  }

  private static void checkKey(String key) {
    if (key.isEmpty() || key.startsWith("cqlp.") || key.equals(MODEL_KEY)) {
      throw new IllegalArgumentException(
          "METADATA key '"
              + key
              + "' is "
              + (key.isEmpty() ? "empty" : "one cqlp writes itself (cqlp.*, " + MODEL_KEY + ")")
              + "; choose another key");
    }
  }
}
