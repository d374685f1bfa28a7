package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Messages copied from cqlsh 6.2.0's output for EXPAND, TRACING and PAGING. */
class SwitchesTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @Test
  void should_show_the_setting_with_cqlsh_messages() {
    assertThat(Switches.apply("TRACING", false, null, out)).isFalse();
    assertThat(Switches.apply("EXPAND", true, null, out)).isTrue();
    assertThat(text.toString()).isEqualTo("TRACING is OFF\nEXPAND is ON\n");
  }

  @Test
  void should_switch_on_and_off_with_cqlsh_messages() {
    assertThat(Switches.apply("TRACING", false, true, out)).isTrue();
    assertThat(Switches.apply("TRACING", true, false, out)).isFalse();
    assertThat(text.toString()).isEqualTo("TRACING set to ON\nTRACING set to OFF\n");
  }

  @Test
  void should_say_already_when_the_setting_does_not_change() {
    assertThat(Switches.apply("PAGING", true, true, out)).isTrue();
    assertThat(Switches.apply("EXPAND", false, false, out)).isFalse();
    assertThat(text.toString()).isEqualTo("PAGING is already ON\nEXPAND is already OFF\n");
  }
}
