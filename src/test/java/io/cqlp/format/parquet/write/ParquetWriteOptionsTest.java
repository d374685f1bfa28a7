package io.cqlp.format.parquet.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.format.parquet.codec.ParquetCompression;
import org.junit.jupiter.api.Test;

class ParquetWriteOptionsTest {

  @Test
  void should_default_to_snappy_and_a_million_rows_or_128_mib_per_row_group() {
    ParquetWriteOptions o = ParquetWriteOptions.defaults();
    assertThat(o.compression()).isEqualTo(ParquetCompression.SNAPPY);
    assertThat(o.compressionLevel()).isNull();
    assertThat(o.rowsPerRowGroup()).isEqualTo(1_000_000);
    assertThat(o.maxRowGroupBytes()).isEqualTo(128L * 1024 * 1024);
    assertThat(o.keyspace()).isNull();
    assertThat(o.table()).isNull();
  }

  @Test
  void should_change_one_option_at_a_time() {
    ParquetWriteOptions o =
        ParquetWriteOptions.defaults()
            .withCompression(ParquetCompression.ZSTD, 9)
            .withRowsPerRowGroup(5000)
            .withMaxRowGroupBytes(64L << 20)
            .withTable("ks", "t")
            .withTypes(ParquetTypeOptions.parse("FIXED", null, "MICROS"));
    assertThat(o)
        .isEqualTo(
            new ParquetWriteOptions(
                ParquetCompression.ZSTD,
                9,
                5000,
                64L << 20,
                "ks",
                "t",
                new ParquetTypeOptions(true, 0, 0, true),
                false,
                ParquetTuning.DEFAULTS));
    assertThat(o.withRequiredClustering(true).requiredClustering()).isTrue();
    assertThat(
            o.withRequiredClustering(true)
                .withCompression(ParquetCompression.GZIP)
                .requiredClustering())
        .isTrue();
    assertThat(o.withCompression(ParquetCompression.GZIP).compressionLevel()).isNull();
  }

  @Test
  void should_refuse_impossible_options() {
    assertThatThrownBy(() -> ParquetWriteOptions.defaults().withRowsPerRowGroup(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows per row group must be at least 1, got 0");
    assertThatThrownBy(() -> ParquetWriteOptions.defaults().withMaxRowGroupBytes(1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row group size cap must be at least 1 MiB, got 1000 bytes");
    assertThatThrownBy(
            () -> ParquetWriteOptions.defaults().withCompression(ParquetCompression.LZ4, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("compression LZ4 takes no level");
  }
}
