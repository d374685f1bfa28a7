package io.cqlp.format;

import io.cqlp.format.compress.StreamCompression;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file formats COPY and CAPTURE name. Without a FORMAT option the format follows the file
 * extension as COMMANDS.md defines it: {@code .parquet}/{@code .pq} → PARQUET, {@code .json},
 * {@code .jsonl}, {@code .ndjson} → JSON, {@code .xlsx} → XLSX, anything else → CSV (cqlsh's only
 * format). A compression extension ({@code .gz}, {@code .zst}; see {@link StreamCompression}) is
 * looked through: {@code rows.jsonl.zst} is JSON.
 */
public enum FileFormat {
  PARQUET,
  CSV,
  JSON,
  XLSX;

  /**
   * The format for a path by its extension (case-insensitive); a directory path (ending in {@code
   * /}) is a Parquet dataset.
   */
  public static FileFormat fromPath(String path) {
    String lower = StreamCompression.stripExtension(path).toLowerCase(Locale.ROOT);
    if (lower.endsWith("/") || lower.endsWith(".parquet") || lower.endsWith(".pq")) {
      return PARQUET;
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return JSON;
    }
    if (lower.endsWith(".xlsx")) {
      return XLSX;
    }
    return CSV;
  }

  /**
   * The format of a COPY or CAPTURE: the FORMAT option when given, else the path's extension.
   *
   * @param named the FORMAT option's value, or {@code null} when absent
   * @param path the file or directory path as typed; not null
   * @throws IllegalArgumentException naming the valid formats when {@code named} is none of them
   */
  public static FileFormat of(String named, String path) {
    return named != null ? parse(named) : fromPath(path);
  }

  /**
   * Parses a FORMAT option value.
   *
   * @throws IllegalArgumentException naming the valid formats when {@code name} is none of them
   */
  public static FileFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown FORMAT '"
              + name
              + "'. Valid formats are: "
              + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
              + ".");
    }
  }
}
