package io.cqlp.format.parquet.codec;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.cqlp.format.parquet.Errors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page compressors and decompressors that need no Hadoop classes: snappy-java's native library for
 * SNAPPY where it loads (else aircompressor), aircompressor (pure Java) for ZSTD and LZ4, {@code
 * java.util.zip} for GZIP, zstd-jni for ZSTD levels other than 3, brotli4j for BROTLI. Each page is
 * compressed on its own, as the Parquet format frames them (snappy raw block, zstd frame, gzip
 * member, LZ4 raw block, brotli stream).
 */
final class BlockCodecs {
  private BlockCodecs() {}

  /** Pages stored as they are. */
  static final class Uncompressed implements BytesInputCompressor, BytesInputDecompressor {
    @Override
    public BytesInput compress(BytesInput bytes) {
      return bytes;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      if (bytes.size() != uncompressedSize) {
        throw new IOException(
            "uncompressed page of " + bytes.size() + " bytes, expected " + uncompressedSize);
      }
      return bytes;
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size)
        throws IOException {
      output.put(slice(input, compressedSize));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.UNCOMPRESSED;
    }

    @Override
    public void release() {}
  }

  // BytesInput.toByteArray()/toByteBuffer() are deprecated in parquet-java 1.14+ in favour of
  // allocator callbacks; these codecs work on whole byte arrays, so they keep the plain copies.
  /** Base of the codecs that work on byte arrays. */
  @SuppressWarnings("deprecation")
  abstract static class ArrayCodec implements BytesInputCompressor, BytesInputDecompressor {
    private final CompressionCodecName name;

    ArrayCodec(CompressionCodecName name) {
      this.name = name;
    }

    abstract byte[] compress(byte[] input) throws IOException;

    /** Fills {@code output} entirely from {@code input} or throws. */
    abstract void decompress(byte[] input, byte[] output) throws IOException;

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      return BytesInput.from(compress(bytes.toByteArray()));
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      byte[] out = new byte[uncompressedSize];
      try {
        decompress(bytes.toByteArray(), out);
      } catch (IOException | RuntimeException e) {
        throw new IOException("corrupt " + name + " page: " + Errors.oneLine(e));
      }
      return BytesInput.from(out);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size)
        throws IOException {
      byte[] in = new byte[compressedSize];
      slice(input, compressedSize).get(in);
      output.put(decompress(BytesInput.from(in), size).toByteBuffer());
    }

    @Override
    public CompressionCodecName getCodecName() {
      return name;
    }

    @Override
    public void release() {}
  }

  /** SNAPPY, ZSTD (default level) and LZ4_RAW through aircompressor. */
  static final class Airlift extends ArrayCodec {
    private final Compressor compressor;
    private final Decompressor decompressor;

    Airlift(CompressionCodecName name, Compressor compressor, Decompressor decompressor) {
      super(name);
      this.compressor = compressor;
      this.decompressor = decompressor;
    }

    @Override
    byte[] compress(byte[] input) {
      byte[] out = new byte[compressor.maxCompressedLength(input.length)];
      return prefix(out, compressor.compress(input, 0, input.length, out, 0, out.length));
    }

    @Override
    void decompress(byte[] input, byte[] output) throws IOException {
      int n = decompressor.decompress(input, 0, input.length, output, 0, output.length);
      expectSize(n, output.length);
    }
  }

  /**
   * SNAPPY through snappy-java's native library (the raw block format, as aircompressor's). In an
   * export it compresses each page in about half aircompressor's time, and it leaves the JIT
   * compiler one large method fewer to compile while the export runs.
   */
  static final class NativeSnappy extends ArrayCodec {
    private static final boolean AVAILABLE = loads();

    NativeSnappy() {
      super(CompressionCodecName.SNAPPY);
    }

    /**
     * Whether the native library loads on this machine (snappy-java unpacks it into the temporary
     * directory); when it does not, SNAPPY falls back to aircompressor.
     */
    static boolean available() {
      return AVAILABLE;
    }

    private static boolean loads() {
      try {
        byte[] probe = "cqlp".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return java.util.Arrays.equals(
            org.xerial.snappy.Snappy.uncompress(org.xerial.snappy.Snappy.compress(probe)), probe);
      } catch (Throwable t) { // UnsatisfiedLinkError, SnappyError, IOException: no native library
        return false;
      }
    }

    @Override
    byte[] compress(byte[] input) throws IOException {
      byte[] out = new byte[org.xerial.snappy.Snappy.maxCompressedLength(input.length)];
      return prefix(out, org.xerial.snappy.Snappy.compress(input, 0, input.length, out, 0));
    }

    @Override
    void decompress(byte[] input, byte[] output) throws IOException {
      // The header's length is checked first, so the block cannot overrun the output; a corrupt
      // body makes snappy's decompression fail (an IOException) without a separate validity pass.
      if (org.xerial.snappy.Snappy.uncompressedLength(input) != output.length) {
        throw new IOException("not a SNAPPY block of " + output.length + " bytes");
      }
      expectSize(
          org.xerial.snappy.Snappy.uncompress(input, 0, input.length, output, 0), output.length);
    }
  }

  /** ZSTD at a chosen level (zstd-jni); decompression stays with aircompressor. */
  static final class ZstdAtLevel extends ArrayCodec {
    private final int level;
    private final Decompressor decompressor = new io.airlift.compress.zstd.ZstdDecompressor();

    ZstdAtLevel(int level) {
      super(CompressionCodecName.ZSTD);
      this.level = level;
    }

    @Override
    byte[] compress(byte[] input) {
      return ZstdLevels.compress(input, level);
    }

    @Override
    void decompress(byte[] input, byte[] output) throws IOException {
      int n = decompressor.decompress(input, 0, input.length, output, 0, output.length);
      expectSize(n, output.length);
    }
  }

  /**
   * BROTLI through brotli4j's native library: each page one brotli stream, as parquet-java, Arrow
   * and DuckDB frame it. {@link #requireAvailable()} tells whether the library loads here.
   */
  static final class Brotli extends ArrayCodec {
    private final com.aayushatharva.brotli4j.encoder.Encoder.Parameters parameters;

    /**
     * @param quality 0 to 11 (checked by {@link ParquetCompression#checkLevel})
     */
    Brotli(int quality) {
      super(CompressionCodecName.BROTLI);
      requireAvailable();
      this.parameters =
          new com.aayushatharva.brotli4j.encoder.Encoder.Parameters().setQuality(quality);
    }

    /**
     * @throws UnsupportedOperationException when brotli4j's native library does not load on this
     *     machine (one line naming the platform and the cause)
     */
    static void requireAvailable() {
      if (!com.aayushatharva.brotli4j.Brotli4jLoader.isAvailable()) {
        Throwable cause = com.aayushatharva.brotli4j.Brotli4jLoader.getUnavailabilityCause();
        throw new UnsupportedOperationException(
            "BROTLI needs brotli4j's native library, which does not"
                + " load on "
                + System.getProperty("os.name")
                + " "
                + System.getProperty("os.arch")
                + (cause == null ? "" : " (" + Errors.oneLine(cause) + ")"));
      }
    }

    @Override
    byte[] compress(byte[] input) throws IOException {
      return com.aayushatharva.brotli4j.encoder.Encoder.compress(input, parameters);
    }

    @Override
    void decompress(byte[] input, byte[] output) throws IOException {
      byte[] out = com.aayushatharva.brotli4j.decoder.Decoder.decompress(input, 0, input.length);
      expectSize(out.length, output.length);
      System.arraycopy(out, 0, output, 0, out.length);
    }
  }

  /** GZIP through java.util.zip; a page may hold several gzip members. */
  static final class Gzip extends ArrayCodec {
    private final int level;

    Gzip(int level) {
      super(CompressionCodecName.GZIP);
      this.level = level;
    }

    @Override
    byte[] compress(byte[] input) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 64);
      try (GZIPOutputStream gz = new LeveledGzipStream(out, level)) {
        gz.write(input);
      }
      return out.toByteArray();
    }

    @Override
    void decompress(byte[] input, byte[] output) throws IOException {
      try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(input))) {
        int n = gz.readNBytes(output, 0, output.length);
        expectSize(n, output.length);
        if (gz.read() >= 0) {
          throw new IOException(
              "GZIP page holds more than the " + output.length + " bytes expected");
        }
      }
    }
  }

  /**
   * The deprecated Hadoop-framed LZ4 codec, read only: blocks of (big-endian uncompressed length,
   * big-endian compressed length, LZ4 block); pages that are not so framed are read as one raw LZ4
   * block, as some writers did.
   */
  static final class HadoopLz4 extends ArrayCodec {
    private final Lz4Decompressor lz4 = new Lz4Decompressor();

    HadoopLz4() {
      super(CompressionCodecName.LZ4);
    }

    @Override
    byte[] compress(byte[] input) {
      throw new UnsupportedOperationException("the Hadoop LZ4 codec is read only; write LZ4_RAW");
    }

    @Override
    void decompress(byte[] input, byte[] output) throws IOException {
      if (!decompressFramed(input, output)) {
        int n = lz4.decompress(input, 0, input.length, output, 0, output.length);
        expectSize(n, output.length);
      }
    }

    private boolean decompressFramed(byte[] in, byte[] out) {
      int ip = 0;
      int op = 0;
      try {
        while (ip + 8 <= in.length && op < out.length) {
          int raw = ByteBuffer.wrap(in, ip, 4).getInt();
          int packed = ByteBuffer.wrap(in, ip + 4, 4).getInt();
          ip += 8;
          if (raw < 0 || packed < 0 || raw > out.length - op || packed > in.length - ip) {
            return false;
          }
          int n = lz4.decompress(in, ip, packed, out, op, raw);
          if (n != raw) {
            return false;
          }
          ip += packed;
          op += raw;
        }
      } catch (MalformedInputException | IndexOutOfBoundsException e) {
        return false;
      }
      return ip == in.length && op == out.length;
    }
  }

  private static final class LeveledGzipStream extends GZIPOutputStream {
    LeveledGzipStream(ByteArrayOutputStream out, int level) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(level);
    }
  }

  /** The first {@code n} bytes of a buffer sized for the worst case (the buffer itself if full). */
  private static byte[] prefix(byte[] out, int n) {
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private static void expectSize(int actual, int expected) throws IOException {
    if (actual != expected) {
      throw new IOException(
          "page decompressed to " + actual + " bytes, its header says " + expected);
    }
  }

  private static ByteBuffer slice(ByteBuffer input, int size) {
    ByteBuffer s = input.duplicate();
    s.limit(s.position() + size);
    return s;
  }
}
