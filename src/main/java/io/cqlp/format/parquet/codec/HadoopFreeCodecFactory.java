package io.cqlp.format.parquet.codec;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A Parquet codec factory without Hadoop: parquet-java's own {@code CodecFactory} loads Hadoop
 * codec classes for every codec (even UNCOMPRESSED in 1.18), so files are written and read through
 * this one instead. SNAPPY uses snappy-java's native library where it loads (it ships in the jar
 * for the common platforms) and aircompressor elsewhere; ZSTD and LZ4 use aircompressor (pure
 * Java), GZIP {@code java.util.zip}, and ZSTD compression at a level other than the default 3 the
 * zstd native library through zstd-jni (aircompressor implements only levels 3 and 4), BROTLI the
 * brotli native library through brotli4j.
 *
 * <p>Compresses and decompresses UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW and BROTLI; also
 * decompresses the deprecated Hadoop-framed LZ4. LZO is not supported: {@link #getCompressor} and
 * {@link #getDecompressor} throw {@link UnsupportedOperationException} for it, and for BROTLI where
 * brotli4j's native library does not load. Compressors and decompressors hold no native resources
 * beyond the loaded libraries; {@link #release()} does nothing. A factory is thread-safe; each
 * compressor or decompressor is for one thread at a time.
 */
public final class HadoopFreeCodecFactory implements CompressionCodecFactory {
  private static final Set<CompressionCodecName> READABLE =
      EnumSet.of(
          CompressionCodecName.UNCOMPRESSED,
          CompressionCodecName.SNAPPY,
          CompressionCodecName.GZIP,
          CompressionCodecName.ZSTD,
          CompressionCodecName.LZ4_RAW,
          CompressionCodecName.LZ4,
          CompressionCodecName.BROTLI);

  private final Integer level;

  /** A factory whose compressors use each codec's default level. */
  public HadoopFreeCodecFactory() {
    this(null);
  }

  /**
   * A factory whose GZIP and ZSTD compressors use the given level.
   *
   * @param level the level (GZIP 1-9, ZSTD 1-22), or null for each codec's default; checked when a
   *     compressor is asked for
   */
  public HadoopFreeCodecFactory(Integer level) {
    this.level = level;
  }

  /** Whether files with pages in this codec can be read. */
  public static boolean canRead(CompressionCodecName codec) {
    return READABLE.contains(codec);
  }

  /**
   * A compressor at this factory's level (levels matter for GZIP, ZSTD and BROTLI only and are
   * ignored for the other codecs).
   *
   * @throws UnsupportedOperationException for LZO and the deprecated LZ4, and for BROTLI where its
   *     native library does not load
   * @throws IllegalArgumentException if this factory's level is out of range for the codec
   */
  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return compressor(codec, level);
  }

  /**
   * A compressor at the given level, for parquet-java's per-column levels.
   *
   * @throws UnsupportedOperationException for LZO and the deprecated LZ4, and for BROTLI where its
   *     native library does not load
   * @throws IllegalArgumentException if the level is out of range for GZIP, ZSTD or BROTLI
   */
  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec, int level) {
    return compressor(codec, level);
  }

  private static BytesInputCompressor compressor(CompressionCodecName codec, Integer level) {
    switch (codec) {
      case UNCOMPRESSED:
        return new BlockCodecs.Uncompressed();
      case SNAPPY:
        return BlockCodecs.NativeSnappy.available()
            ? new BlockCodecs.NativeSnappy()
            : new BlockCodecs.Airlift(codec, new SnappyCompressor(), new SnappyDecompressor());
      case LZ4_RAW:
        return new BlockCodecs.Airlift(codec, new Lz4Compressor(), new Lz4Decompressor());
      case GZIP:
        return new BlockCodecs.Gzip(ParquetCompression.GZIP.checkLevel(level));
      case ZSTD:
        int l = ParquetCompression.ZSTD.checkLevel(level);
        if (l == ParquetCompression.ZSTD.defaultLevel()) {
          return new BlockCodecs.Airlift(codec, new ZstdCompressor(), new ZstdDecompressor());
        }
        ZstdLevels.requireAvailable(l);
        return new BlockCodecs.ZstdAtLevel(l);
      case BROTLI:
        return new BlockCodecs.Brotli(ParquetCompression.BROTLI.checkLevel(level));
      default:
        throw new UnsupportedOperationException(
            "cqlp cannot write "
                + codec
                + " compression; use NONE, SNAPPY, GZIP, ZSTD, LZ4 or BROTLI");
    }
  }

  /**
   * A decompressor for pages in the given codec.
   *
   * @throws UnsupportedOperationException for LZO, and for BROTLI where its native library does not
   *     load
   */
  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED:
        return new BlockCodecs.Uncompressed();
      case LZ4:
        return new BlockCodecs.HadoopLz4();
      case SNAPPY:
      case GZIP:
      case ZSTD:
      case LZ4_RAW:
      case BROTLI:
        return (BytesInputDecompressor) compressor(codec, null);
      default:
        throw new UnsupportedOperationException(
            "cqlp cannot read " + codec + " compressed Parquet pages");
    }
  }

  @Override
  public void release() {}
}
