package io.cqlp.format.parquet.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParquetTypeOptionsTest {

  @Test
  void should_default_to_string_uuids_text_decimals_and_nanosecond_times() {
    assertThat(ParquetTypeOptions.parse(null, null, null)).isEqualTo(ParquetTypeOptions.DEFAULTS);
    assertThat(ParquetTypeOptions.parse("string", " STRING ", "Nanos"))
        .isEqualTo(ParquetTypeOptions.DEFAULTS);
    assertThat(ParquetTypeOptions.DEFAULTS.decimalFixed()).isFalse();
  }

  @Test
  void should_read_each_alternative_case_insensitively() {
    ParquetTypeOptions o = ParquetTypeOptions.parse("Fixed", "decimal( 20 , 4 )", "MICROS");
    assertThat(o).isEqualTo(new ParquetTypeOptions(true, 20, 4, true));
    assertThat(o.decimalFixed()).isTrue();
  }

  @Test
  void should_name_the_option_and_the_accepted_forms_for_a_bad_value() {
    assertThatThrownBy(() -> ParquetTypeOptions.parse("BINARY", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UUID_TYPE must be STRING or FIXED, got 'BINARY'");
    assertThatThrownBy(() -> ParquetTypeOptions.parse(null, null, "MILLIS"))
        .hasMessage("TIME_UNIT must be NANOS or MICROS, got 'MILLIS'");
    assertThatThrownBy(() -> ParquetTypeOptions.parse(null, "DECIMAL", null))
        .hasMessage(
            "DECIMAL_TYPE must be STRING or DECIMAL(precision,scale), e.g. DECIMAL(38,10),"
                + " got 'DECIMAL'");
    assertThatThrownBy(() -> ParquetTypeOptions.parse(null, "DECIMAL(39,2)", null))
        .hasMessage(
            "DECIMAL_TYPE DECIMAL(39,2) is not valid: precision 1 to 38 and scale 0 to"
                + " the precision");
    assertThatThrownBy(() -> ParquetTypeOptions.parse(null, "DECIMAL(5,6)", null))
        .hasMessageStartingWith("DECIMAL_TYPE DECIMAL(5,6) is not valid");
  }
}
