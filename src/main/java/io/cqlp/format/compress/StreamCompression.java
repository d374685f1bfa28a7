package io.cqlp.format.compress;

import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Whole-file compression of the text formats (CSV, JSON), chosen by the file's last extension as
 * gzip and zstd command-line tools name their files: {@code .gz} (gzip, RFC 1952, through the JDK)
 * and {@code .zst}/{@code .zstd} (Zstandard frames, RFC 8878, through aircompressor). Parquet and
 * XLSX compress inside the file and never take these.
 */
public enum StreamCompression {
  /** No compression. */
  NONE(""),
  /** gzip. */
  GZIP(".gz"),
  /** Zstandard. */
  ZSTD(".zst");

  private static final int BUFFER_BYTES = 64 * 1024;

  private final String extension;

  StreamCompression(String extension) {
    this.extension = extension;
  }

  /** The extension this compression adds to a file name ({@code ""} for {@link #NONE}). */
  public String extension() {
    return extension;
  }

  /**
   * The compression a path names by its last extension, case-insensitive.
   *
   * @param path a file name or path, never null
   * @return {@link #GZIP} for {@code .gz}, {@link #ZSTD} for {@code .zst} or {@code .zstd}, else
   *     {@link #NONE}
   */
  public static StreamCompression fromPath(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) {
      return GZIP;
    }
    if (lower.endsWith(".zst") || lower.endsWith(".zstd")) {
      return ZSTD;
    }
    return NONE;
  }

  /**
   * The path without its compression extension: {@code rows.csv.gz} → {@code rows.csv}, so that the
   * format can be read from what is left.
   *
   * @param path a file name or path, never null
   * @return {@code path} itself when it names no compression
   */
  public static String stripExtension(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".gz", ".zstd", ".zst"}) {
      if (lower.endsWith(ext)) {
        return path.substring(0, path.length() - ext.length());
      }
    }
    return path;
  }

  /**
   * Wraps a stream so that what is written to the result is compressed into {@code out}. Closing
   * the result finishes the compressed stream and closes {@code out}.
   *
   * @throws IOException if the compressed stream's header cannot be written
   */
  public OutputStream compress(OutputStream out) throws IOException {
    return switch (this) {
      case NONE -> out;
      case GZIP -> new GZIPOutputStream(out, BUFFER_BYTES);
      case ZSTD -> new ZstdOutputStream(out);
    };
  }

  /**
   * Wraps a stream so that reading the result decompresses {@code in}.
   *
   * @throws IOException if {@code in} does not start as this compression's format (a gzip stream
   *     without its magic bytes, for example)
   */
  public InputStream decompress(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      case GZIP -> new GZIPInputStream(in, BUFFER_BYTES);
      case ZSTD -> new ZstdInputStream(in);
    };
  }
}
