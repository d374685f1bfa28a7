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
}
