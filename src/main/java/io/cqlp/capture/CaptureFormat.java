package io.cqlp.capture;

import io.cqlp.format.FileFormat;
import java.util.Locale;

/**
 * The formats CAPTURE writes. Without a format keyword or FORMAT option it follows the target's
 * extension: {@code .parquet}/{@code .pq} PARQUET, {@code .json}/{@code .jsonl}/{@code .ndjson}
 * JSON, {@code .xlsx} XLSX, {@code .csv} CSV, anything else TEXT (what cqlsh's CAPTURE writes).
 */
public enum CaptureFormat {
  PARQUET,
  JSON,
  XLSX,
  CSV,
  TEXT;

  /**
   * The format of a target path by its extension: Parquet, JSON and XLSX as COPY names them ({@link
   * FileFormat#fromPath}), {@code .csv} CSV, anything else TEXT.
   */
  public static CaptureFormat fromPath(String path) {
    return switch (FileFormat.fromPath(path)) {
      case PARQUET -> PARQUET;
      case JSON -> JSON;
      case XLSX -> XLSX;
      default -> path.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TEXT;
    };
  }

  /**
   * A format by name.
   *
   * @throws CaptureException naming the valid formats
   */
  public static CaptureFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CaptureException(
          "Unknown CAPTURE format '"
              + name
              + "'. Valid formats are: PARQUET, JSON, XLSX, CSV, TEXT.");
    }
  }
}
