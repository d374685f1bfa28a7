package io.cqlp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.config.ShellFlags.Terminal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flags and cqlshrc settings of {@link ShellFlags}, with cqlsh 6.2.0's precedence. */
class ShellFlagsTest {
  @TempDir Path dir;

  private static final ShellFlags.Given NONE =
      new ShellFlags.Given(null, false, null, null, null, false, false);

  private Cqlshrc rc(String text) throws Exception {
    return Cqlshrc.load(Files.writeString(dir.resolve("cqlshrc"), text));
  }

  private Cqlshrc empty() throws Exception {
    return Cqlshrc.load(dir.resolve("missing"));
  }

  private static ShellFlags.Given color(Boolean color, boolean file) {
    return new ShellFlags.Given(color, false, null, null, null, file, file);
  }

  @Test
  void should_default_as_cqlsh_without_flags_or_file() throws Exception {
    ShellFlags.Resolved r = ShellFlags.resolve(NONE, empty());

    assertThat(r.color()).isEqualTo(Terminal.AUTO);
    assertThat(r.color().on(true)).isTrue();
    assertThat(r.color().on(false)).isFalse();
    assertThat(r.tty()).isEqualTo(Terminal.AUTO);
    assertThat(r.encodingName()).isEqualTo("utf-8");
    assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(r.protocolVersion()).isNull();
    assertThat(r.cqlVersion()).isNull();
    assertThat(r.maxTraceWait()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void should_take_colour_from_the_flag_then_the_cqlshrc_then_off_for_a_file() throws Exception {
    Cqlshrc on = rc("[ui]\ncolor = on\n");
    Cqlshrc off = rc("[ui]\ncolor = false\n");

    assertThat(ShellFlags.resolve(color(true, false), empty()).color()).isEqualTo(Terminal.ON);
    assertThat(ShellFlags.resolve(color(false, false), empty()).color()).isEqualTo(Terminal.OFF);
    assertThat(ShellFlags.resolve(color(false, false), on).color()).isEqualTo(Terminal.OFF);
    assertThat(ShellFlags.resolve(color(true, false), off).color()).isEqualTo(Terminal.ON);
    assertThat(ShellFlags.resolve(color(null, true), on).color()).isEqualTo(Terminal.ON);
    assertThat(ShellFlags.resolve(color(null, false), off).color()).isEqualTo(Terminal.OFF);
    // cqlsh: -f without any colour setting never colours, even at a terminal.
    assertThat(ShellFlags.resolve(color(null, true), empty()).color()).isEqualTo(Terminal.OFF);
  }

  @Test
  void should_force_tty_with_the_flag_or_the_cqlshrc_but_never_for_scripts() throws Exception {
    ShellFlags.Given t = new ShellFlags.Given(null, true, null, null, null, false, false);
    ShellFlags.Given tScript = new ShellFlags.Given(null, true, null, null, null, true, false);

    assertThat(ShellFlags.resolve(t, empty()).tty()).isEqualTo(Terminal.ON);
    assertThat(ShellFlags.resolve(tScript, empty()).tty()).isEqualTo(Terminal.OFF);
    assertThat(ShellFlags.resolve(NONE, rc("[ui]\ntty = yes\n")).tty()).isEqualTo(Terminal.ON);
    assertThat(ShellFlags.resolve(NONE, rc("[ui]\ntty = no\n")).tty()).isEqualTo(Terminal.OFF);
    assertThat(ShellFlags.resolve(t, rc("[ui]\ntty = no\n")).tty()).isEqualTo(Terminal.ON);
  }

  @Test
  void should_know_java_and_python_names_of_encodings_and_refuse_others() throws Exception {
    assertThat(ShellFlags.charset("utf8", "x")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ShellFlags.charset("UTF-8", "x")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ShellFlags.charset("utf_8", "x")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ShellFlags.charset("latin-1", "x")).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(ShellFlags.charset("latin1", "x")).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(ShellFlags.charset("ascii", "x")).isEqualTo(StandardCharsets.US_ASCII);
    ShellFlags.Given latin = new ShellFlags.Given(null, false, "latin-1", null, null, false, false);
    assertThat(ShellFlags.resolve(latin, rc("[ui]\nencoding = ascii\n")).encoding())
        .isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(ShellFlags.resolve(NONE, rc("[ui]\nencoding = ascii\n")).encodingName())
        .isEqualTo("ascii");

    ShellFlags.Given bogus = new ShellFlags.Given(null, false, "bogus", null, null, false, false);
    assertThatThrownBy(() -> ShellFlags.resolve(bogus, empty()))
        .isInstanceOf(IniException.class)
        .hasMessage(
            "Unknown encoding 'bogus' (--encoding): use one Java knows, such as utf-8, latin-1 or"
                + " ascii.");
  }

  @Test
  void should_pin_the_protocol_version_from_the_flag_over_the_cqlshrc() throws Exception {
    Cqlshrc three = rc("[protocol]\nversion = 3\n");
    ShellFlags.Given four = new ShellFlags.Given(null, false, null, null, 4, false, false);

    assertThat(ShellFlags.resolve(NONE, three).protocolVersion()).isEqualTo("V3");
    assertThat(ShellFlags.resolve(four, three).protocolVersion()).isEqualTo("V4");
    assertThat(ShellFlags.resolve(four, empty()).protocolVersion()).isEqualTo("V4");
    ShellFlags.Given seven = new ShellFlags.Given(null, false, null, null, 7, false, false);
    assertThatThrownBy(() -> ShellFlags.resolve(seven, empty()))
        .isInstanceOf(IniException.class)
        .hasMessageStartingWith(
            "--protocol-version 7: the driver speaks native protocol versions 3, 4, 5 and 6");
    assertThatThrownBy(() -> ShellFlags.resolve(NONE, rc("[protocol]\nversion = 2\n")))
        .hasMessageContaining("[protocol] version = 2: the driver speaks");
    assertThatThrownBy(() -> ShellFlags.resolve(NONE, rc("[protocol]\nversion = four\n")))
        .hasMessageEndingWith("[protocol] version = 'four' is not a whole number.");
  }

  @Test
  void should_complete_and_check_the_cql_version_as_cqlsh() throws Exception {
    ShellFlags.Given v34 = new ShellFlags.Given(null, false, null, "3.4", null, false, false);

    assertThat(ShellFlags.resolve(v34, empty()).cqlVersion()).isEqualTo("3.4.0");
    assertThat(ShellFlags.resolve(v34, rc("[cql]\nversion = 3.4.7\n")).cqlVersion())
        .isEqualTo("3.4.0");
    assertThat(ShellFlags.resolve(NONE, rc("[cql]\nversion = 3.4.7\n")).cqlVersion())
        .isEqualTo("3.4.7");
    assertThat(ShellFlags.fullCqlVersion("3", "x")).isEqualTo("3.0.0");
    assertThat(ShellFlags.fullCqlVersion("3.4.7-beta", "x")).isEqualTo("3.4.7-beta");
    assertThatThrownBy(() -> ShellFlags.fullCqlVersion("2", "--cqlversion"))
        .hasMessage("'2.0.0' is not a supported CQL version.");
    assertThatThrownBy(() -> ShellFlags.fullCqlVersion("abc", "--cqlversion"))
        .hasMessage("'abc' is not a CQL version (--cqlversion): give one like 3.4.7.");

    assertThat(ShellFlags.cqlVersionMismatch(null, "3.4.7")).isEmpty();
    assertThat(ShellFlags.cqlVersionMismatch("3.4.7", "3.4.7")).isEmpty();
    assertThat(ShellFlags.cqlVersionMismatch("3.4.0", "3.4.7"))
        .contains(
            "cql_version '3.4.0' is not supported by remote (w/ native protocol). Supported"
                + " versions: ['3.4.7']");
  }

  @Test
  void should_read_max_trace_wait_in_seconds() throws Exception {
    assertThat(ShellFlags.resolve(NONE, rc("[tracing]\nmax_trace_wait = 2.5\n")).maxTraceWait())
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(ShellFlags.resolve(NONE, rc("[tracing]\nmax_trace_wait = 30\n")).maxTraceWait())
        .isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> ShellFlags.resolve(NONE, rc("[tracing]\nmax_trace_wait = soon\n")))
        .isInstanceOf(IniException.class)
        .hasMessageEndingWith(
            "[tracing] max_trace_wait = 'soon' is not a number of seconds (0 or more).");
  }
}
