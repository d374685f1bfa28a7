package io.cqlp.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

  @Test
  void should_count_wide_characters_twice_and_colour_sequences_not_at_all() {
    assertThat(DisplayWidth.of("abc")).isEqualTo(3);
    assertThat(DisplayWidth.of("日本")).isEqualTo(4);
    assertThat(DisplayWidth.of(Ansi.GREEN + "42" + Ansi.RESET)).isEqualTo(2);
  }

  @Test
  void should_cut_text_to_the_room_with_an_ellipsis() {
    assertThat(DisplayWidth.truncate("abcdef", 6)).isEqualTo("abcdef");
    assertThat(DisplayWidth.truncate("abcdefg", 6)).isEqualTo("abcde…");
    assertThat(DisplayWidth.truncate("日本語です", 6)).isEqualTo("日本…");
  }

  @Test
  void should_keep_colour_and_reset_it_after_a_cut() {
    String cut = DisplayWidth.truncate(Ansi.YELLOW + "abcdefg" + Ansi.RESET, 4);
    assertThat(cut).isEqualTo(Ansi.YELLOW + "abc…" + Ansi.RESET);
    assertThat(DisplayWidth.of(cut)).isEqualTo(4);
  }

  /** Widths Python's wcwidth 0.2.5 (cqlsh 6.2.0's {@code wcswidth}) gives the same texts. */
  @Test
  void should_measure_like_cqlsh_wcwidth() {
    assertThat(DisplayWidth.of("漢字テスト")).isEqualTo(10);
    assertThat(DisplayWidth.of("한국어")).isEqualTo(6);
    assertThat(DisplayWidth.of("ＡＢ")).isEqualTo(4);
    assertThat(DisplayWidth.of("ｱｲ")).isEqualTo(2);
    assertThat(DisplayWidth.of("\u3000")).isEqualTo(2);
    // emoji the earlier hand table counted as one cell: rocket, mahjong tile, green circle, melting
    // face
    assertThat(DisplayWidth.of("🚀")).isEqualTo(2);
    assertThat(DisplayWidth.of("🀄")).isEqualTo(2);
    assertThat(DisplayWidth.of("🟢")).isEqualTo(2);
    assertThat(DisplayWidth.of("🫠")).isEqualTo(2);
    assertThat(DisplayWidth.of("👍")).isEqualTo(2);
    // zero-width joiner sequence: each person 2, each joiner 0
    assertThat(DisplayWidth.of("👨\u200D👩\u200D👧")).isEqualTo(6);
    // combining marks, zero-width space, variation selector 16
    assertThat(DisplayWidth.of("cafe\u0301")).isEqualTo(4);
    assertThat(DisplayWidth.of("\u0915\u094D\u0937")).isEqualTo(2);
    assertThat(DisplayWidth.of("A\u0487")).isEqualTo(1);
    assertThat(DisplayWidth.of("a\u200Bb")).isEqualTo(2);
    assertThat(DisplayWidth.of("\u2764\uFE0F")).isEqualTo(1);
    assertThat(DisplayWidth.of("\u00AD")).isEqualTo(1);
  }

  /** Where jline's table and cqlsh's wcwidth 0.2.5 part (documented on {@link DisplayWidth}). */
  @Test
  void should_keep_jline_widths_where_cqlsh_differs() {
    assertThat(DisplayWidth.of("✅")).isEqualTo(1); // cqlsh: 2
    assertThat(DisplayWidth.of("🇯🇵")).isEqualTo(4); // cqlsh: 2
  }

  @Test
  void should_cut_wide_text_without_splitting_a_character() {
    assertThat(DisplayWidth.truncate("🚀🚀🚀", 4)).isEqualTo("🚀…");
    assertThat(DisplayWidth.of(DisplayWidth.truncate("👨\u200D👩\u200D👧x", 5)))
        .isLessThanOrEqualTo(5);
  }
}
