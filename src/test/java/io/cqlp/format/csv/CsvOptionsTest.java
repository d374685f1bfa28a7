package io.cqlp.format.csv;

import static io.cqlp.format.csv.CsvTypes.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {
  @Test
  void should_use_cqlsh_defaults() {
    CsvOptions o = options();
    assertThat(o.header()).isFalse();
    assertThat(o.delimiter()).isEqualTo(',');
    assertThat(o.quote()).isEqualTo('"');
    assertThat(o.escape()).isEqualTo('\\');
    assertThat(o.nullText()).isEmpty();
    assertThat(o.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(o.decimalSeparator()).isEqualTo('.');
    assertThat(o.thousandsSeparator()).isEmpty();
    assertThat(o.trueText()).isEqualTo("True");
    assertThat(o.falseText()).isEqualTo("False");
    assertThat(o.floatPrecision()).isZero();
    assertThat(o.doublePrecision()).isZero();
    assertThat(o.maxOutputSize()).isEqualTo(-1);
    assertThat(o.skipColumns()).isEmpty();
  }

  @Test
  void should_read_escaped_characters_aliases_and_doubled_quotes() {
    assertThat(options("DELIMITER", "\\t").delimiter()).isEqualTo('\t');
    assertThat(options("NULLVAL", "-").nullText()).isEqualTo("-");
    assertThat(options("ESCAPE", "\"").escape()).isNull();
    assertThat(options("SKIPCOLS", " A, b ").skipColumns()).containsExactly("a", "b");
  }

  @Test
  void should_refuse_invalid_values_in_one_line() {
    assertThatThrownBy(() -> options("DELIMITER", "||"))
        .hasMessageContaining("Invalid DELIMITER '||': expected one character");
    assertThatThrownBy(() -> options("BOOLSTYLE", "yes"))
        .hasMessageContaining("Invalid BOOLSTYLE 'yes'");
    assertThatThrownBy(() -> options("ENCODING", "klingon"))
        .hasMessageContaining("Unknown ENCODING 'klingon'");
    assertThatThrownBy(() -> options("DELIMITER", "\"")).hasMessageContaining("must be different");
    assertThatThrownBy(() -> options("FLOATPRECISION", "0")).hasMessageContaining("at least 1");
  }
}
