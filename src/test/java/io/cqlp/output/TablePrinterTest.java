package io.cqlp.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.types.CqlshText;
import io.cqlp.types.ScreenSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

  @Test
  void should_print_like_cqlsh_with_left_aligned_names_and_right_aligned_values() {
    StringWriter text = new StringWriter();
    TablePrinter printer =
        new TablePrinter(new PrintWriter(text), List.of("user_id", "fname", "lname"));
    printer.printBlock(
        List.of(new String[] {"1745", "john", "smith"}, new String[] {"1744", "john", "doe"}));
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo(
            "\n"
                + " user_id | fname | lname\n"
                + "---------+-------+-------\n"
                + "    1745 |  john | smith\n"
                + "    1744 |  john |   doe\n"
                + "\n"
                + "(2 rows)\n");
  }

  @Test
  void should_print_header_and_zero_rows_for_an_empty_result() {
    StringWriter text = new StringWriter();
    TablePrinter printer = new TablePrinter(new PrintWriter(text), List.of("a", "bb"));
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo("\n a | bb\n---+----\n\n(0 rows)\n");
  }

  @Test
  void should_count_wide_characters_as_two_cells() {
    StringWriter text = new StringWriter();
    TablePrinter printer = new TablePrinter(new PrintWriter(text), List.of("name"));
    printer.printBlock(List.<String[]>of(new String[] {"東京"}, new String[] {"x"}));
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo("\n name\n------\n 東京\n    x\n\n(2 rows)\n");
  }

  @Test
  void should_cut_the_widest_column_with_an_ellipsis_to_fit_the_terminal() {
    StringWriter text = new StringWriter();
    TablePrinter printer = new TablePrinter(new PrintWriter(text), List.of("id", "note")).fitTo(24);
    printer.printBlock(List.<String[]>of(new String[] {"1", "a rather long note that would wrap"}));
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo(
            "\n"
                + " id | note\n"
                + "----+-------------------\n"
                + "  1 | a rather long no…\n"
                + "\n"
                + "(1 rows)\n");
    assertThat(text.toString().lines().mapToInt(DisplayWidth::of).max().orElseThrow())
        .isLessThanOrEqualTo(24);
  }

  @Test
  void should_repeat_the_header_above_every_block_when_paging_at_a_terminal() {
    StringWriter text = new StringWriter();
    TablePrinter printer =
        new TablePrinter(new PrintWriter(text), List.of("n")).headerEveryBlock(true);
    printer.printBlock(List.<String[]>of(new String[] {"1"}));
    printer.printBlock(List.<String[]>of(new String[] {"2"}));
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo("\n n\n---\n 1\n\n n\n---\n 2\n\n(2 rows)\n");
  }

  /**
   * The layout cqlsh 6.2.0 printed for {@code SELECT * FROM wide} (Cassandra 5.0, rows in token
   * order), with CJK, Hangul, emoji, a joiner sequence, a combining accent and full-width letters.
   */
  @Test
  void should_align_wide_characters_as_cqlsh_does() {
    StringWriter text = new StringWriter();
    TablePrinter printer = new TablePrinter(new PrintWriter(text), List.of("id", "name", "note"));
    printer.printBlock(
        List.<String[]>of(
            new String[] {"5", "cafe\u0301", "combining"},
            new String[] {"1", "漢字テスト", "cjk"},
            new String[] {"2", "한국어", "hangul"},
            new String[] {"4", "👨\u200D👩\u200D👧", "zwj"},
            new String[] {"7", "plain", "ascii"},
            new String[] {"6", "ＡＢ", "fullwidth"},
            new String[] {"3", "🚀🀄🟢", "emoji"}));
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo(
            "\n"
                + " id | name       | note\n"
                + "----+------------+-----------\n"
                + "  5 |       cafe\u0301 | combining\n"
                + "  1 | 漢字テスト |       cjk\n"
                + "  2 |     한국어 |    hangul\n"
                + "  4 |     👨\u200D👩\u200D👧 |       zwj\n"
                + "  7 |      plain |     ascii\n"
                + "  6 |       ＡＢ | fullwidth\n"
                + "  3 |     🚀🀄🟢 |     emoji\n"
                + "\n"
                + "(7 rows)\n");
  }

  @Test
  void should_print_an_empty_result_with_one_more_blank_line_without_a_terminal() {
    // cqlsh 6.2.0 -e "SELECT id FROM t WHERE id = 42"
    StringWriter text = new StringWriter();
    TablePrinter printer = new TablePrinter(new PrintWriter(text), List.of("id")).tty(false);
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n")).isEqualTo("\n id\n----\n\n\n(0 rows)\n");
  }

  @Test
  void should_print_escaped_text_emoji_and_wide_characters_byte_for_byte_as_cqlsh()
      throws Exception {
    // cqlsh 6.2.0 -e "SELECT id, t, l, i FROM ks.all_types WHERE id IN (1,2,3)"
    CqlshText cqlsh = new CqlshText(ScreenSettings.DEFAULT);
    StringWriter text = new StringWriter();
    TablePrinter printer =
        new TablePrinter(new PrintWriter(text), List.of("id", "t", "l", "i")).tty(false);
    printer.printBlock(
        List.of(
            new String[] {
              cqlsh.format(1),
              cqlsh.format("tab\tx"),
              cqlsh.format(List.of("x", "it's", "b\\c")),
              cqlsh.format(java.net.InetAddress.getByName("::1"))
            },
            new String[] {
              cqlsh.format(2),
              cqlsh.format("tab\tnl\nx\\y\u0001z\u007f\u0085é😀中"),
              cqlsh.format(null),
              cqlsh.format(java.net.InetAddress.getByName("10.0.0.1"))
            },
            new String[] {
              cqlsh.format(3),
              cqlsh.format(""),
              cqlsh.format(List.of("a\tb", "中文")),
              cqlsh.format(null)
            }));
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo(
            "\n"
                + " id | t                               | l                      | i\n"
                + "----+---------------------------------+------------------------+----------\n"
                + "  1 |                          tab\\tx | ['x', 'it''s', 'b\\\\c'] |      ::1\n"
                + "  2 | tab\\tnl\\n"
                + "x\\\\y\\x01z\\x7f\\x85é😀中 |                   null | 10.0.0.1\n"
                + "  3 |                                 |       ['a\\tb', '中文'] |     null\n\n"
                + "(3 rows)\n");
  }

  @Test
  void should_count_empty_collections_zero_wide_as_cqlsh() {
    // cqlsh 6.2.0 -e "SELECT table_name, crc_check_chance, extensions, flags, speculative_retry
    //   FROM system_schema.tables WHERE keyspace_name = 'ks' AND table_name = 'edge'"
    CqlshText cqlsh = new CqlshText(ScreenSettings.DEFAULT);
    java.util.Map<String, java.nio.ByteBuffer> extensions = java.util.Map.of();
    java.util.Set<String> flags = java.util.Set.of("compound");
    StringWriter text = new StringWriter();
    TablePrinter printer =
        new TablePrinter(
                new PrintWriter(text),
                List.of(
                    "table_name", "crc_check_chance", "extensions", "flags", "speculative_retry"))
            .tty(false);
    printer.printBlock(
        List.<String[]>of(
            new String[] {
              cqlsh.format("edge"),
              cqlsh.format(1.0),
              cqlsh.format(extensions),
              cqlsh.format(flags),
              cqlsh.format("99p")
            }),
        List.of(new int[] {0, 0, CqlshText.uncounted(extensions), CqlshText.uncounted(flags), 0}));
    printer.finish();
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo(
            "\n"
                + " table_name | crc_check_chance | extensions | flags        | speculative_retry\n"
                + "------------+------------------+------------+--------------+-------------------\n"
                + "       edge |                1 |           {} | {'compound'} |              "
                + " 99p\n"
                + "\n"
                + "(1 rows)\n");
  }
}
