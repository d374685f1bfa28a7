package io.cqlp.format.parquet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

class ParquetCompressionTest {

  @Test
  void should_parse_user_facing_names_in_any_case() {
    assertThat(ParquetCompression.parse("none")).isEqualTo(ParquetCompression.NONE);
    assertThat(ParquetCompression.parse("Uncompressed")).isEqualTo(ParquetCompression.NONE);
    assertThat(ParquetCompression.parse("snappy")).isEqualTo(ParquetCompression.SNAPPY);
    assertThat(ParquetCompression.parse(" GZIP ")).isEqualTo(ParquetCompression.GZIP);
    assertThat(ParquetCompression.parse("zstd")).isEqualTo(ParquetCompression.ZSTD);
    assertThat(ParquetCompression.parse("lz4_raw")).isEqualTo(ParquetCompression.LZ4);
    assertThat(ParquetCompression.parse("brotli")).isEqualTo(ParquetCompression.BROTLI);
  }

  @Test
  void should_write_lz4_as_the_lz4_raw_codec() {
    assertThat(ParquetCompression.LZ4.codec()).isEqualTo(CompressionCodecName.LZ4_RAW);
    assertThat(ParquetCompression.NONE.codec()).isEqualTo(CompressionCodecName.UNCOMPRESSED);
  }

  @Test
  void should_list_the_accepted_names_for_an_unknown_one() {
    assertThatThrownBy(() -> ParquetCompression.parse("bzip2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown compression 'bzip2'; use NONE, SNAPPY, GZIP, ZSTD, LZ4 or BROTLI");
    assertThatThrownBy(() -> ParquetCompression.parse("lzo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "compression LZO is not supported (no Java codec without Hadoop's native libraries);"
                + " use ZSTD, GZIP, BROTLI, SNAPPY or LZ4");
  }

  @Test
  void should_accept_levels_only_for_gzip_and_zstd_within_their_ranges() {
    assertThat(ParquetCompression.GZIP.checkLevel(null)).isEqualTo(6);
    assertThat(ParquetCompression.ZSTD.checkLevel(null)).isEqualTo(3);
    assertThat(ParquetCompression.ZSTD.checkLevel(22)).isEqualTo(22);
    assertThat(ParquetCompression.SNAPPY.checkLevel(null)).isZero();
    assertThatThrownBy(() -> ParquetCompression.SNAPPY.checkLevel(1))
        .hasMessage(
            "compression SNAPPY takes no level; levels apply to GZIP (1-9), ZSTD (1-22) and BROTLI"
                + " (0-11)");
    assertThat(ParquetCompression.BROTLI.checkLevel(null)).isEqualTo(8);
    assertThat(ParquetCompression.BROTLI.checkLevel(0)).isZero();
    assertThat(ParquetCompression.BROTLI.checkLevel(11)).isEqualTo(11);
    assertThatThrownBy(() -> ParquetCompression.GZIP.checkLevel(10))
        .hasMessage("compression level 10 is out of range for GZIP (1 to 9)");
  }
}
