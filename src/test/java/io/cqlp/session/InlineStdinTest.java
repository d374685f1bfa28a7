package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.script.StatementSplitter;
import org.junit.jupiter.api.Test;

class InlineStdinTest {
  @Test
  void should_recognise_copy_from_stdin_only() {
    assertThat(InlineStdin.isCopyFromStdin("copy ks.t (a, b) FROM stdin WITH HEADER=true"))
        .isTrue();
    assertThat(InlineStdin.isCopyFromStdin("COPY t\nFROM STDIN")).isTrue();
    assertThat(InlineStdin.isCopyFromStdin("COPY t FROM 'stdin.csv'")).isFalse();
    assertThat(InlineStdin.isCopyFromStdin("COPY t TO STDOUT")).isFalse();
    assertThat(InlineStdin.isCopyFromStdin("COPY ks.(t FROM STDIN")).as("does not parse").isFalse();
  }

  @Test
  void should_cut_the_lines_up_to_backslash_dot_and_continue_after_them() {
    String script = "USE ks;\nCOPY t FROM STDIN;\n1,a;b\n2,c\n\\.\nSELECT 1;\n";
    StatementSplitter.Statement copy = StatementSplitter.split(script).statements().get(1);
    InlineStdin.Split split = InlineStdin.after(script, 1, copy);
    assertThat(split.data()).isEqualTo("1,a;b\n2,c\n");
    assertThat(split.rest()).isEqualTo("SELECT 1;\n");
    assertThat(split.restFirstLine()).isEqualTo(6);
  }

  @Test
  void should_take_the_rest_without_backslash_dot_and_nothing_when_nothing_follows() {
    String script = "COPY t FROM STDIN;\n1,a\n";
    StatementSplitter.Statement copy = StatementSplitter.split(script).statements().get(0);
    assertThat(InlineStdin.after(script, 1, copy).data()).isEqualTo("1,a\n");
    String alone = "SELECT 1;\nCOPY t FROM STDIN;\n";
    assertThat(InlineStdin.after(alone, 1, StatementSplitter.split(alone).statements().get(1)))
        .isNull();
  }
}
