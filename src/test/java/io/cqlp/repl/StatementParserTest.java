package io.cqlp.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

class StatementParserTest {
  private final StatementParser parser = new StatementParser();

  @Test
  void should_ask_for_more_lines_while_a_statement_is_open() {
    assertThatThrownBy(() -> parser.parse("SELECT *\nFROM t", 0, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
    assertThatThrownBy(
            () -> parser.parse("INSERT INTO t (a) VALUES ('it;s", 0, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
  }

  @Test
  void should_accept_a_finished_statement_or_a_newline_command() {
    assertThat(parser.parse("SELECT * FROM t;", 0, ParseContext.ACCEPT_LINE).line())
        .isEqualTo("SELECT * FROM t;");
    assertThat(parser.parse("EXPAND ON", 0, ParseContext.ACCEPT_LINE).line())
        .isEqualTo("EXPAND ON");
    assertThat(parser.parse("", 0, ParseContext.ACCEPT_LINE).line()).isEmpty();
  }
}
