package io.cqlp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileFormatTest {

  @Test
  void should_take_the_format_option_over_the_extension() {
    assertThat(FileFormat.of("json", "rows.csv")).isEqualTo(FileFormat.JSON);
    assertThat(FileFormat.of(null, "rows.csv.gz")).isEqualTo(FileFormat.CSV);
    assertThat(FileFormat.of(null, "dir/")).isEqualTo(FileFormat.PARQUET);
    assertThat(FileFormat.of(null, "rows.xlsx")).isEqualTo(FileFormat.XLSX);
  }

  @Test
  void should_name_the_valid_formats_for_an_unknown_one() {
    assertThatThrownBy(() -> FileFormat.of("orc", "rows.parquet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown FORMAT 'orc'. Valid formats are: PARQUET, CSV, JSON, XLSX.");
  }
}
