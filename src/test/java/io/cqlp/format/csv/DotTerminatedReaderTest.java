package io.cqlp.format.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DotTerminatedReaderTest {
  private static String readAll(DotTerminatedReader r) throws IOException {
    StringWriter out = new StringWriter();
    r.transferTo(out);
    return out.toString();
  }

  @Test
  void should_stop_at_a_backslash_dot_line_and_leave_the_rest_unread() throws IOException {
    BufferedReader in = new BufferedReader(new StringReader("1,a\r\n2,b\n\\.\nEXIT;\n"));
    assertThat(readAll(new DotTerminatedReader(in))).isEqualTo("1,a\n2,b\n");
    assertThat(in.readLine()).isEqualTo("EXIT;");
  }

  @Test
  void should_read_to_the_end_without_a_backslash_dot_line() throws IOException {
    assertThat(readAll(new DotTerminatedReader(new BufferedReader(new StringReader("1,a")))))
        .isEqualTo("1,a\n");
  }
}
