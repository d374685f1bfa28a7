package io.cqlp.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.types.CqlshText;
import io.cqlp.types.ScreenSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpandedPrinterTest {

  @Test
  void should_print_each_row_vertically_with_the_widest_value_of_the_block_in_the_rule() {
    StringWriter text = new StringWriter();
    ExpandedPrinter printer =
        new ExpandedPrinter(new PrintWriter(text), List.of("id", "name"), false);
    printer.printBlock(List.of(new String[] {"1", "ann"}, new String[] {"2", "bartholomew"}));
    printer.finish();
    assertThat(text.toString())
        .isEqualTo(
            "\n"
                + "@ Row 1\n"
                + "------+-------------\n"
                + " id   | 1\n"
                + " name | ann\n"
                + "\n"
                + "@ Row 2\n"
                + "------+-------------\n"
                + " id   | 2\n"
                + " name | bartholomew\n"
                + "\n"
                + "\n"
                + "(2 rows)\n");
  }

  @Test
  void should_number_rows_across_blocks_and_skip_the_extra_blank_line_at_a_terminal() {
    StringWriter text = new StringWriter();
    ExpandedPrinter printer = new ExpandedPrinter(new PrintWriter(text), List.of("n"), true);
    printer.printBlock(List.<String[]>of(new String[] {"7"}));
    printer.printBlock(List.<String[]>of(new String[] {"8"}));
    printer.finish();
    assertThat(text.toString())
        .isEqualTo("\n@ Row 1\n---+---\n n | 7\n\n@ Row 2\n---+---\n n | 8\n\n(2 rows)\n");
  }

  @Test
  void should_cut_long_values_to_the_terminal_width() {
    StringWriter text = new StringWriter();
    ExpandedPrinter printer =
        new ExpandedPrinter(new PrintWriter(text), List.of("note"), true).fitTo(16);
    printer.printBlock(List.<String[]>of(new String[] {"a long note that does not fit"}));
    assertThat(text.toString()).contains(" note | a long …\n");
  }

  @Test
  void should_print_zero_rows() {
    StringWriter text = new StringWriter();
    ExpandedPrinter printer = new ExpandedPrinter(new PrintWriter(text), List.of("n"), false);
    printer.printBlock(List.of());
    printer.finish();
    assertThat(text.toString()).isEqualTo("\n\n(0 rows)\n");
  }

  @Test
  void should_print_escaped_values_byte_for_byte_as_cqlsh_expand_on() throws Exception {
    // cqlsh 6.2.0 -f: EXPAND ON; SELECT id, t, db, i, l FROM ks.all_types WHERE id IN (1,2);
    CqlshText cqlsh = new CqlshText(ScreenSettings.DEFAULT);
    StringWriter text = new StringWriter();
    ExpandedPrinter printer =
        new ExpandedPrinter(new PrintWriter(text), List.of("id", "t", "db", "i", "l"), false);
    printer.printBlock(
        List.of(
            new String[] {
              cqlsh.format(1),
              cqlsh.format("tab\tx"),
              cqlsh.format(2.718281828459045),
              cqlsh.format(java.net.InetAddress.getByName("::1")),
              cqlsh.format(List.of("x", "it's", "b\\c"))
            },
            new String[] {
              cqlsh.format(2),
              cqlsh.format("tab\tnl\nx\\y\u0001z\u007f\u0085é😀中"),
              cqlsh.format(Double.NaN),
              cqlsh.format(java.net.InetAddress.getByName("10.0.0.1")),
              cqlsh.format(null)
            }));
    printer.finish();
    assertThat(text.toString())
        .isEqualTo(
            "\n"
                + "@ Row 1\n"
                + "----+---------------------------------\n"
                + " id | 1\n"
                + " t  | tab\\tx\n"
                + " db | 2.71828\n"
                + " i  | ::1\n"
                + " l  | ['x', 'it''s', 'b\\\\c']\n\n"
                + "@ Row 2\n"
                + "----+---------------------------------\n"
                + " id | 2\n"
                + " t  | tab\\tnl\\n"
                + "x\\\\y\\x01z\\x7f\\x85é😀中\n"
                + " db | NaN\n"
                + " i  | 10.0.0.1\n"
                + " l  | null\n\n\n"
                + "(2 rows)\n");
  }
}
