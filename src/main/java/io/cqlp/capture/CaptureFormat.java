package io.cqlp.capture;

import java.util.Locale;

/**
 * The formats CAPTURE writes. Without a format keyword or FORMAT option it follows the target's
 * extension: {@code .parquet}/{@code .pq} PARQUET, {@code .json}/{@code .jsonl}/{@code .ndjson}
 * JSON, {@code .csv} CSV, anything else TEXT (what cqlsh's CAPTURE writes).
 */
public enum CaptureFormat {
  PARQUET,
  JSON,
  CSV,
  TEXT;

  /** The format of a target path by its extension. */
  public static CaptureFormat fromPath(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith("/") || lower.endsWith(".parquet") || lower.endsWith(".pq")) {
      return PARQUET;
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return JSON;
    }
    if (lower.endsWith(".csv")) {
      return CSV;
    }
    return TEXT;
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
      throw new CaptureException("Unknown CAPTURE format '" + name + "'. Valid formats are: PARQUET, JSON, CSV, TEXT.");
    }
  }
}
