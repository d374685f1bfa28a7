package io.cqlp.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputFormatTest {

  @Test
  void should_read_format_names_in_any_case() {
    assertThat(OutputFormat.parse("json")).isEqualTo(OutputFormat.JSON);
    assertThat(OutputFormat.parse("CSV")).isEqualTo(OutputFormat.CSV);
    assertThat(OutputFormat.parse(" Expand ")).isEqualTo(OutputFormat.EXPAND);
  }

  @Test
  void should_name_the_valid_formats_for_an_unknown_one() {
    assertThatThrownBy(() -> OutputFormat.parse("xml"))
        .hasMessage("unknown output format 'xml': use table, expand, json or csv");
  }
}
