package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HiveEscapingTest {

  @Test
  void should_escape_the_characters_hive_escapes_as_upper_case_hex() {
    assertThat(HiveEscaping.escape("a/b=c%d:e#f?g\\h'i\"j{k[l]m*n^o"))
        .isEqualTo("a%2Fb%3Dc%25d%3Ae%23f%3Fg%5Ch%27i%22j%7Bk%5Bl%5Dm%2An%5Eo");
  }

  @Test
  void should_escape_control_characters_and_delete() {
    assertThat(HiveEscaping.escape("a\nb\tc\u0000d\u001fe\u007f"))
        .isEqualTo("a%0Ab%09c%00d%1Fe%7F");
  }

  @Test
  void should_keep_spaces_dots_dashes_and_non_ascii_letters() {
    assertThat(HiveEscaping.escape("São Paulo .. -_~ 東京")).isEqualTo("São Paulo .. -_~ 東京");
  }

  @Test
  void should_never_leave_a_slash_an_equals_sign_or_a_percent_sign_unescaped() {
    for (char c = 0; c < 0x300; c++) {
      String escaped = HiveEscaping.escape("x" + c + "y");
      assertThat(escaped).doesNotContain("/", "=", "\\");
      if (c != '%') {
        assertThat(escaped.replaceAll("%[0-9A-F]{2}", "")).doesNotContain("%");
      }
    }
  }

  @Test
  void should_read_back_every_character_it_escapes() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x300; c++) {
      all.append(c);
    }
    all.append("東京 ☃ \uD83D\uDE00");
    assertThat(HiveEscaping.unescape(HiveEscaping.escape(all.toString())))
        .isEqualTo(all.toString());
  }

  @Test
  void should_decode_percent_encoded_utf8_as_duckdb_writes_it() {
    assertThat(HiveEscaping.unescape("%C3%BCn%C3%AF sp%20ace")).isEqualTo("ünï sp ace");
  }

  @Test
  void should_decode_an_invalid_utf8_run_byte_by_byte_as_hive_does() {
    assertThat(HiveEscaping.unescape("a%E9b")).isEqualTo("a\u00e9b");
  }

  @Test
  void should_keep_a_percent_sign_without_two_hex_digits() {
    assertThat(HiveEscaping.unescape("100%")).isEqualTo("100%");
    assertThat(HiveEscaping.unescape("%zz%4")).isEqualTo("%zz%4");
  }

  @Test
  void should_return_text_without_escapes_unchanged() {
    String text = "plain";
    assertThat(HiveEscaping.escape(text)).isSameAs(text);
    assertThat(HiveEscaping.unescape(text)).isSameAs(text);
  }
}
