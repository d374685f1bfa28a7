package io.cqlp.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StrftimeTest {
  private static final Instant T = Instant.parse("2024-03-05T17:04:05.678Z");

  @Test
  void should_format_cqlsh_default_time_format_with_milliseconds_as_copy_to_does() {
    assertThat(Strftime.formatter(Strftime.CQLSH_DEFAULT).format(T))
        .isEqualTo("2024-03-05 17:04:05.678+0000");
  }

  @Test
  void should_translate_other_directives_and_parse_them_back() {
    String pattern = "%a %d %b %Y, %I:%M:%S %p (%j) 100%%";
    String text = Strftime.formatter(pattern).format(T);
    assertThat(text).isEqualTo("Tue 05 Mar 2024, 05:04:05 PM (065) 100%");
    assertThat(Strftime.formatter(pattern).parse(text, Instant::from))
        .isEqualTo(Instant.parse("2024-03-05T17:04:05Z"));
    assertThat(Strftime.formatter("%Y-%m-%d").parse("2024-03-05", Instant::from))
        .isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
  }

  @Test
  void should_refuse_an_unknown_directive() {
    assertThatThrownBy(() -> Strftime.formatter("%Q"))
        .hasMessageContaining("uses %Q, which cqlp does not support");
  }
}
