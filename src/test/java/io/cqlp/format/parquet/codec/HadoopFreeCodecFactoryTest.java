package io.cqlp.format.parquet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.lz4.Lz4Compressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HadoopFreeCodecFactoryTest {
  private final HadoopFreeCodecFactory factory = new HadoopFreeCodecFactory();

  /** Half-compressible bytes, like a page of small integers and repeated strings. */
  private static byte[] page(int size) {
    Random rnd = new Random(size);
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256) : (byte) ('a' + i % 13);
    }
    return b;
  }

  private static byte[] roundTrip(BytesInputCompressor c, BytesInputDecompressor d, byte[] in)
      throws IOException {
    byte[] packed = c.compress(BytesInput.from(in)).toByteArray();
    return d.decompress(BytesInput.from(packed), in.length).toByteArray();
  }

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW", "BROTLI"})
  void should_decompress_what_it_compresses(CompressionCodecName codec) throws IOException {
    for (int size : new int[] {0, 1, 1000, 1 << 20}) {
      byte[] in = page(size);
      assertThat(roundTrip(factory.getCompressor(codec), factory.getDecompressor(codec), in))
          .as("%s, %d bytes", codec, size)
          .isEqualTo(in);
    }
    assertThat(factory.getCompressor(codec).getCodecName()).isEqualTo(codec);
  }

  @Test
  void should_write_snappy_blocks_that_the_pure_java_codec_reads_and_back() throws IOException {
    // snappy-java ships a native library for linux-x64, the machine the suite runs on.
    assertThat(BlockCodecs.NativeSnappy.available()).isTrue();
    BytesInputCompressor nativeSnappy = factory.getCompressor(CompressionCodecName.SNAPPY);
    assertThat(nativeSnappy).isInstanceOf(BlockCodecs.NativeSnappy.class);
    BlockCodecs.Airlift pure =
        new BlockCodecs.Airlift(
            CompressionCodecName.SNAPPY,
            new io.airlift.compress.snappy.SnappyCompressor(),
            new io.airlift.compress.snappy.SnappyDecompressor());
    for (int size : new int[] {0, 1, 1000, 1 << 20}) {
      byte[] in = page(size);
      assertThat(roundTrip(nativeSnappy, pure, in))
          .as("native to pure, %d bytes", size)
          .isEqualTo(in);
      assertThat(roundTrip(pure, factory.getDecompressor(CompressionCodecName.SNAPPY), in))
          .as("pure to native, %d bytes", size)
          .isEqualTo(in);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
  void should_decompress_between_byte_buffers(CompressionCodecName codec) throws IOException {
    byte[] in = page(5000);
    byte[] packed = factory.getCompressor(codec).compress(BytesInput.from(in)).toByteArray();
    ByteBuffer src = ByteBuffer.allocateDirect(packed.length + 3);
    src.put(new byte[] {9, 9, 9}).put(packed).position(3);
    ByteBuffer out = ByteBuffer.allocate(in.length);
    factory.getDecompressor(codec).decompress(src, packed.length, out, in.length);
    assertThat(out.array()).isEqualTo(in);
    assertThat(out.position()).isEqualTo(in.length);
  }

  @Test
  void should_compress_smaller_at_higher_zstd_and_gzip_levels() throws IOException {
    byte[] in = page(1 << 20);
    byte[] zstd1 =
        new HadoopFreeCodecFactory(1)
            .getCompressor(CompressionCodecName.ZSTD)
            .compress(BytesInput.from(in))
            .toByteArray();
    byte[] zstd19 =
        new HadoopFreeCodecFactory(19)
            .getCompressor(CompressionCodecName.ZSTD)
            .compress(BytesInput.from(in))
            .toByteArray();
    byte[] gzip1 =
        factory
            .getCompressor(CompressionCodecName.GZIP, 1)
            .compress(BytesInput.from(in))
            .toByteArray();
    byte[] gzip9 =
        factory
            .getCompressor(CompressionCodecName.GZIP, 9)
            .compress(BytesInput.from(in))
            .toByteArray();
    assertThat(zstd19.length).isLessThan(zstd1.length);
    assertThat(gzip9.length).isLessThan(gzip1.length);
    BytesInputDecompressor zstd = factory.getDecompressor(CompressionCodecName.ZSTD);
    assertThat(zstd.decompress(BytesInput.from(zstd19), in.length).toByteArray()).isEqualTo(in);
    assertThat(zstd.decompress(BytesInput.from(zstd1), in.length).toByteArray()).isEqualTo(in);
  }

  @Test
  void should_refuse_levels_out_of_range_or_for_codecs_without_levels() {
    assertThatThrownBy(
            () -> new HadoopFreeCodecFactory(23).getCompressor(CompressionCodecName.ZSTD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compression level 23 is out of range for ZSTD (1 to 22)");
    assertThatThrownBy(() -> factory.getCompressor(CompressionCodecName.GZIP, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compression level 0 is out of range for GZIP (1 to 9)");
    assertThatThrownBy(() -> factory.getCompressor(CompressionCodecName.BROTLI, 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compression level 12 is out of range for BROTLI (0 to 11)");
  }

  @Test
  void should_compress_brotli_at_every_quality_and_read_any_quality_back() throws IOException {
    byte[] in = page(1 << 16);
    BytesInputDecompressor d = factory.getDecompressor(CompressionCodecName.BROTLI);
    int fastest = 0;
    int smallest = Integer.MAX_VALUE;
    for (int quality = 0; quality <= 11; quality++) {
      BytesInputCompressor c = factory.getCompressor(CompressionCodecName.BROTLI, quality);
      byte[] packed = c.compress(BytesInput.from(in)).toByteArray();
      assertThat(d.decompress(BytesInput.from(packed), in.length).toByteArray()).isEqualTo(in);
      fastest = quality == 0 ? packed.length : fastest;
      smallest = Math.min(smallest, packed.length);
    }
    assertThat(smallest).isLessThan(fastest);
    assertThatThrownBy(() -> d.decompress(BytesInput.from(new byte[] {1, 2, 3, 4}), 10))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("corrupt BROTLI page");
  }

  @Test
  void should_refuse_codecs_it_does_not_have() {
    assertThatThrownBy(() -> factory.getCompressor(CompressionCodecName.LZO))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("LZO");
    assertThatThrownBy(() -> factory.getDecompressor(CompressionCodecName.LZO))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("cqlp cannot read LZO compressed Parquet pages");
    assertThat(HadoopFreeCodecFactory.canRead(CompressionCodecName.LZO)).isFalse();
    assertThat(HadoopFreeCodecFactory.canRead(CompressionCodecName.BROTLI)).isTrue();
    assertThat(HadoopFreeCodecFactory.canRead(CompressionCodecName.LZ4)).isTrue();
  }

  @Test
  void should_read_hadoop_framed_and_raw_legacy_lz4_pages() throws IOException {
    byte[] a = "first block, first block, first block".getBytes(StandardCharsets.US_ASCII);
    byte[] b = page(3000);
    Lz4Compressor lz4 = new Lz4Compressor();
    ByteBuffer framed = ByteBuffer.allocate(a.length + b.length + 1000);
    for (byte[] block : new byte[][] {a, b}) {
      byte[] packed = new byte[lz4.maxCompressedLength(block.length)];
      int n = lz4.compress(block, 0, block.length, packed, 0, packed.length);
      framed.putInt(block.length).putInt(n).put(packed, 0, n);
    }
    byte[] expected = new byte[a.length + b.length];
    System.arraycopy(a, 0, expected, 0, a.length);
    System.arraycopy(b, 0, expected, a.length, b.length);
    BytesInputDecompressor d = factory.getDecompressor(CompressionCodecName.LZ4);
    assertThat(
            d.decompress(BytesInput.from(framed.array(), 0, framed.position()), expected.length)
                .toByteArray())
        .isEqualTo(expected);

    byte[] raw = new byte[lz4.maxCompressedLength(b.length)];
    int n = lz4.compress(b, 0, b.length, raw, 0, raw.length);
    assertThat(d.decompress(BytesInput.from(raw, 0, n), b.length).toByteArray()).isEqualTo(b);
  }

  @Test
  void should_report_a_snappy_page_cut_short_as_an_io_error() throws IOException {
    byte[] in = page(5000);
    byte[] packed =
        factory
            .getCompressor(CompressionCodecName.SNAPPY)
            .compress(BytesInput.from(in))
            .toByteArray();
    // The header still says 5,000 bytes; the body ends early.
    byte[] cut = java.util.Arrays.copyOf(packed, packed.length / 2);
    assertThatThrownBy(
            () ->
                factory
                    .getDecompressor(CompressionCodecName.SNAPPY)
                    .decompress(BytesInput.from(cut), in.length))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("corrupt SNAPPY page");
  }

  @Test
  void should_report_a_corrupt_page_as_an_io_error() {
    byte[] garbage = page(100);
    assertThatThrownBy(
            () ->
                factory
                    .getDecompressor(CompressionCodecName.SNAPPY)
                    .decompress(BytesInput.from(garbage), 5000))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("corrupt SNAPPY page");
  }
}
