package io.cqlp.format.parquet.codec;

import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The compression codecs cqlp writes Parquet files with, by their user-facing names.
 *
 * <p>{@code LZ4} means the Parquet codec {@code LZ4_RAW} (a bare LZ4 block per page), which DuckDB,
 * pyarrow and Spark write today; the older Hadoop-framed {@code LZ4} codec is deprecated by the
 * Parquet format and is not written. A level is accepted for GZIP (1 to 9, default 6, as {@link
 * java.util.zip.Deflater}), ZSTD (1 to 22, default 3, as the zstd library) and BROTLI (quality 0 to
 * 11, default 8, as Arrow's Parquet writer). LZO, which Parquet names too, is refused: no Java
 * codec for it is kept without Hadoop's native libraries.
 */
public enum ParquetCompression {
  NONE(CompressionCodecName.UNCOMPRESSED, 0, 0, 0),
  SNAPPY(CompressionCodecName.SNAPPY, 0, 0, 0),
  GZIP(CompressionCodecName.GZIP, 1, 9, 6),
  ZSTD(CompressionCodecName.ZSTD, 1, 22, 3),
  LZ4(CompressionCodecName.LZ4_RAW, 0, 0, 0),
  BROTLI(CompressionCodecName.BROTLI, 0, 11, 8);

  private final CompressionCodecName codec;
  private final int minLevel;
  private final int maxLevel;
  private final int defaultLevel;

  ParquetCompression(CompressionCodecName codec, int minLevel, int maxLevel, int defaultLevel) {
    this.codec = codec;
    this.minLevel = minLevel;
    this.maxLevel = maxLevel;
    this.defaultLevel = defaultLevel;
  }

  /** The Parquet codec written to the file. */
  public CompressionCodecName codec() {
    return codec;
  }

  /** Whether this codec takes a compression level. */
  public boolean hasLevels() {
    return maxLevel > 0;
  }

  /** The accepted level range, e.g. {@code 1-9}; empty for codecs without levels. */
  private String range() {
    return hasLevels() ? minLevel + "-" + maxLevel : "";
  }

  /** The level used when none is given; 0 for codecs without levels. */
  public int defaultLevel() {
    return defaultLevel;
  }

  /**
   * Checks a compression level for this codec.
   *
   * @param level the level, or null for the codec's default
   * @return the level to use: the given one, or {@link #defaultLevel()}
   * @throws IllegalArgumentException if the codec takes no level or the level is out of range
   */
  public int checkLevel(Integer level) {
    if (level == null) {
      return defaultLevel;
    }
    if (!hasLevels()) {
      throw new IllegalArgumentException(
          "compression "
              + name()
              + " takes no level; levels apply to GZIP ("
              + GZIP.range()
              + "), ZSTD ("
              + ZSTD.range()
              + ") and BROTLI ("
              + BROTLI.range()
              + ")");
    }
    if (level < minLevel || level > maxLevel) {
      throw new IllegalArgumentException(
          "compression level "
              + level
              + " is out of range for "
              + name()
              + " ("
              + minLevel
              + " to "
              + maxLevel
              + ")");
    }
    return level;
  }

  /**
   * The codec of a user-facing name.
   *
   * @param name NONE, UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4, LZ4_RAW or BROTLI, any case; not null
   * @throws IllegalArgumentException for LZO (one line saying why) and any other name, listing the
   *     accepted ones
   */
  public static ParquetCompression parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    switch (n) {
      case "UNCOMPRESSED":
        return NONE;
      case "LZ4_RAW":
        return LZ4;
      case "LZO":
        throw new IllegalArgumentException(
            "compression LZO is not supported (no Java codec without"
                + " Hadoop's native libraries); use ZSTD, GZIP, BROTLI, SNAPPY or LZ4");
      default:
        for (ParquetCompression c : values()) {
          if (c.name().equals(n)) {
            return c;
          }
        }
        throw new IllegalArgumentException(
            "unknown compression '" + name + "'; use NONE, SNAPPY, GZIP, ZSTD, LZ4 or BROTLI");
    }
  }
}
