package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SwitchesTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @Test
  void should_show_the_setting_with_cqlsh_messages() {
    assertThat(Switches.apply("TRACING", "Tracing", false, null, out)).isFalse();
    assertThat(Switches.apply("EXPAND", "Expanded output", true, null, out)).isTrue();
    assertThat(text.toString().lines()).containsExactly(
        "Tracing is currently disabled. Use TRACING ON to enable.",
        "Expanded output is currently enabled. Use EXPAND OFF to disable");
  }

  @Test
  void should_switch_on_and_off_with_cqlsh_messages() {
    assertThat(Switches.apply("TRACING", "Tracing", false, true, out)).isTrue();
    assertThat(Switches.apply("TRACING", "Tracing", true, false, out)).isFalse();
    assertThat(text.toString().lines()).containsExactly("Now Tracing is enabled", "Disabled Tracing.");
  }

  @Test
  void should_refuse_to_switch_to_the_current_state() {
    assertThatThrownBy(() -> Switches.apply("PAGING", "Query paging", true, true, out))
        .hasMessage("Query paging is already enabled. Use PAGING OFF to disable.");
    assertThatThrownBy(() -> Switches.apply("EXPAND", "Expanded output", false, false, out))
        .hasMessage("Expanded output is not enabled.");
    assertThat(text.toString()).isEmpty();
  }
}
