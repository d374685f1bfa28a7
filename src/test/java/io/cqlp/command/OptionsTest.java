package io.cqlp.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

  @Test
  void should_upper_case_names_and_keep_the_order_typed() {
    Options options = Options.builder().add("chunkSize", "10").add("Format", "parquet").build();

    assertThat(options.names()).containsExactly("CHUNKSIZE", "FORMAT");
    assertThat(options.getString("format", null)).isEqualTo("parquet");
    assertThat(options.contains("FoRmAt")).isTrue();
    assertThat(options.size()).isEqualTo(2);
  }

  @Test
  void should_reject_an_option_given_twice() {
    Options.Builder builder = Options.builder().add("header", "true");

    assertThatThrownBy(() -> builder.add("HEADER", "false"))
        .isInstanceOf(CommandException.class)
        .hasMessage("Option 'HEADER' is given twice: keep only one");
  }

  @Test
  void should_be_immutable() {
    Options options = Options.builder().add("a", "1").build();

    assertThatThrownBy(() -> options.asMap().put("B", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_return_defaults_when_absent() {
    Options options = Options.empty();

    assertThat(options.getString("NULL", "")).isEmpty();
    assertThat(options.getInt("MAXATTEMPTS", 5)).isEqualTo(5);
    assertThat(options.getLong("BEGINTOKEN", -7L)).isEqualTo(-7L);
    assertThat(options.getBoolean("HEADER", true)).isTrue();
    assertThat(options.getRowCount("MAXROWS", -1)).isEqualTo(-1);
    assertThat(options.getByteSize("MAX_FILE_SIZE", 0)).isZero();
    assertThat(options.getChoice("COMPRESSION", "SNAPPY", Set.of("SNAPPY"))).isEqualTo("SNAPPY");
  }

  @Test
  void should_let_given_options_win_over_defaults() {
    Options typed = Options.builder().add("HEADER", "true").build();
    Options defaults = Options.builder().add("DELIMITER", "|").add("HEADER", "false").build();

    Options merged = typed.withDefaults(defaults);

    assertThat(merged.asMap())
        .containsExactly(
            java.util.Map.entry("HEADER", "true"), java.util.Map.entry("DELIMITER", "|"));
  }

  @Test
  void should_read_numbers() {
    Options options = Options.builder().add("A", "42").add("B", "-9223372036854775808").build();

    assertThat(options.getInt("A", 0)).isEqualTo(42);
    assertThat(options.getLong("B", 0)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void should_name_option_and_value_when_a_number_is_invalid() {
    Options options = Options.builder().add("MAXATTEMPTS", "five").add("B", "1.5").build();

    assertThatThrownBy(() -> options.getInt("maxattempts", 5))
        .isInstanceOf(CommandException.class)
        .hasMessage(
            "Invalid value 'five' for option MAXATTEMPTS: expected a whole number from"
                + " -2147483648 to 2147483647, e.g. MAXATTEMPTS=1000");
    assertThatThrownBy(() -> options.getLong("B", 5))
        .hasMessage("Invalid value '1.5' for option B: expected a whole number, e.g. B=1000");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "true,true",
    "TRUE,true",
    "yes,true",
    "On,true",
    "1,true",
    "false,false",
    "No,false",
    "off,false",
    "0,false"
  })
  void should_read_booleans_as_cqlsh_users_write_them(String value, boolean expected) {
    Options options = Options.builder().add("HEADER", value).build();

    assertThat(options.getBoolean("HEADER", !expected)).isEqualTo(expected);
  }

  @Test
  void should_reject_other_booleans() {
    Options options = Options.builder().add("HEADER", "maybe").build();

    assertThatThrownBy(() -> options.getBoolean("HEADER", false))
        .hasMessage(
            "Invalid value 'maybe' for option HEADER:"
                + " expected true or false (or yes/no, on/off, 1/0)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "50000,50000",
    "50K,50000",
    "50k,50000",
    "1M,1000000",
    "1.5M,1500000",
    "2.5K,2500",
    "-1,-1",
    "0,0",
    "' 10 K ',10000"
  })
  void should_read_row_counts_with_k_and_m(String value, long expected) {
    Options options = Options.builder().add("CHUNKSIZE", value).build();

    assertThat(options.getRowCount("CHUNKSIZE", 0)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({"50X", "1.5", "1.0001K", "K", "''", "50 000"})
  void should_reject_bad_row_counts(String value) {
    Options options = Options.builder().add("CHUNKSIZE", value).build();

    assertThatThrownBy(() -> options.getRowCount("CHUNKSIZE", 0))
        .isInstanceOf(CommandException.class)
        .hasMessage(
            "Invalid value '"
                + value
                + "' for option CHUNKSIZE: expected a row count"
                + " such as 50000, '50K' or '1M' (K = 1,000, M = 1,000,000)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1024,1024",
    "100B,100",
    "1KB,1024",
    "1k,1024",
    "500MB,524288000",
    "500 mb,524288000",
    "1GB,1073741824",
    "1.5GB,1610612736",
    "0.1KB,102",
    "2G,2147483648"
  })
  void should_read_byte_sizes_1024_based(String value, long expected) {
    Options options = Options.builder().add("MAX_FILE_SIZE", value).build();

    assertThat(options.getByteSize("MAX_FILE_SIZE", 0)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({"500XB", "-1MB", "MB", "1TB", "99999999999GB"})
  void should_reject_bad_byte_sizes(String value) {
    Options options = Options.builder().add("MAX_FILE_SIZE", value).build();

    assertThatThrownBy(() -> options.getByteSize("MAX_FILE_SIZE", 0))
        .isInstanceOf(CommandException.class)
        .hasMessage(
            "Invalid value '"
                + value
                + "' for option MAX_FILE_SIZE: expected a size"
                + " such as '500MB' (units B, KB, MB, GB; 1 KB = 1024 bytes)");
  }

  @Test
  void should_return_the_canonical_spelling_of_a_choice() {
    Options options = Options.builder().add("COMPRESSION", "zstd").build();

    assertThat(options.getChoice("COMPRESSION", "SNAPPY", Set.of("SNAPPY", "ZSTD", "GZIP")))
        .isEqualTo("ZSTD");
  }

  @Test
  void should_list_the_valid_choices_sorted() {
    Options options = Options.builder().add("COMPRESSION", "lzo").build();

    assertThatThrownBy(
            () ->
                options.getChoice(
                    "COMPRESSION", "SNAPPY", Set.of("SNAPPY", "ZSTD", "GZIP", "NONE")))
        .isInstanceOf(CommandException.class)
        .hasMessage(
            "Invalid value 'lzo' for option COMPRESSION:"
                + " expected one of GZIP, NONE, SNAPPY, ZSTD");
  }

  @Test
  void should_accept_known_options_in_any_case() {
    Options options = Options.builder().add("HEADER", "true").build();

    options.requireKnown(Set.of("header", "DELIMITER"), "COPY");
  }

  @Test
  void should_name_an_unknown_option_and_list_the_valid_ones_sorted() {
    Options options = Options.builder().add("HEADER", "true").add("foo", "1").build();

    assertThatThrownBy(
            () -> options.requireKnown(Set.of("HEADER", "DELIMITER", "CHUNKSIZE"), "COPY"))
        .isInstanceOf(CommandException.class)
        .hasMessage("Unknown COPY option 'FOO'. Valid options are: CHUNKSIZE, DELIMITER, HEADER");
  }

  @Test
  void should_compare_by_content() {
    Options a = Options.builder().add("x", "1").build();
    Options b = Options.builder().add("X", "1").build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Options.builder().add("X", "2").build());
  }
}
