package io.cqlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command line parses every cqlsh 6.2.0 flag, short and long, into cqlp's options. */
class CqlpCommandTest {

  /** Every option name of {@code cqlsh --help} (cqlsh 6.2.0), plus its hidden one. */
  private static final List<String> CQLSH_OPTIONS =
      List.of(
          "-h",
          "--help",
          "-v",
          "--version",
          "-C",
          "--color",
          "--no-color",
          "--browser",
          "--ssl",
          "-u",
          "--username",
          "-p",
          "--password",
          "-k",
          "--keyspace",
          "-f",
          "--file",
          "--debug",
          "--coverage",
          "--encoding",
          "--cqlshrc",
          "--credentials",
          "--cqlversion",
          "--protocol-version",
          "-e",
          "--execute",
          "--connect-timeout",
          "--request-timeout",
          "-t",
          "--tty",
          "--insecure-password-without-warning");

  private static CqlpCommand parse(String... args) {
    CqlpCommand command = new CqlpCommand();
    new CommandLine(command.spec()).parseArgs(args);
    return command;
  }

  @Test
  void should_know_every_option_name_of_cqlsh() {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : new CommandLine(new CqlpCommand().spec()).getCommandSpec().options()) {
      names.addAll(List.of(option.names()));
    }

    assertThat(names).containsAll(CQLSH_OPTIONS);
  }

  @Test
  void should_read_the_long_forms_as_cqlsh_spells_them() {
    CqlpCommand c =
        parse(
            "db1",
            "9142",
            "--username",
            "fred",
            "--password=secret",
            "--keyspace",
            "shop",
            "--execute",
            "SELECT 1",
            "--request-timeout",
            "2.5",
            "--connect-timeout=7",
            "--ssl",
            "--cqlshrc",
            "rc",
            "--credentials",
            "creds",
            "--encoding",
            "latin-1",
            "--cqlversion",
            "3.4.7",
            "--protocol-version",
            "4",
            "--tty",
            "--color",
            "--browser",
            "firefox %s",
            "--coverage",
            "--debug",
            "--insecure-password-without-warning");

    assertThat(c.connection.host).isEqualTo("db1");
    assertThat(c.connection.port).isEqualTo(9142);
    assertThat(c.connection.username).isEqualTo("fred");
    assertThat(new String(c.connection.password)).isEqualTo("secret");
    assertThat(c.connection.keyspace).isEqualTo("shop");
    assertThat(c.execute).isEqualTo("SELECT 1");
    assertThat(c.connection.requestTimeout).isEqualTo(2.5);
    assertThat(c.connection.connectTimeout).isEqualTo(7.0);
    assertThat(c.connection.ssl).isTrue();
    assertThat(c.connection.cqlshrc).isEqualTo("rc");
    assertThat(c.connection.credentials).isEqualTo("creds");
    assertThat(c.encoding).isEqualTo("latin-1");
    assertThat(c.cqlVersion).isEqualTo("3.4.7");
    assertThat(c.protocolVersion).isEqualTo(4);
    assertThat(c.tty).isTrue();
    assertThat(c.color).isTrue();
    assertThat(c.browser).isEqualTo("firefox %s");
    assertThat(c.coverage).isTrue();
    assertThat(c.debug).isTrue();
    assertThat(c.connection.noPasswordWarning).isTrue();
  }

  @Test
  void should_read_the_short_forms() {
    CqlpCommand c = parse("-u", "fred", "-k", "shop", "-f", "script.cql", "-t", "-C");

    assertThat(c.connection.username).isEqualTo("fred");
    assertThat(c.connection.keyspace).isEqualTo("shop");
    assertThat(c.file).isEqualTo(Path.of("script.cql"));
    assertThat(c.tty).isTrue();
    assertThat(c.color).isTrue();
    assertThat(parse("--file", "x.cql").file).isEqualTo(Path.of("x.cql"));
    assertThat(parse("--no-color").noColor).isTrue();
  }

  @Test
  void should_apply_the_format_default_and_leave_absent_flags_unset() {
    CqlpCommand c = parse();

    assertThat(c.format).isEqualTo("table");
    assertThat(c.connection.host).isNull();
    assertThat(c.connection.port).isNull();
    assertThat(c.connection.password).isNull();
    assertThat(c.connection.ssl).isFalse();
    assertThat(c.execute).isNull();
    assertThat(c.debug).isFalse();
    assertThat(c.protocolVersion).isNull();
  }

  @Test
  void should_list_the_options_in_declaration_order_without_the_hidden_one() {
    String help = new CommandLine(new CqlpCommand().spec()).getUsageMessage();

    assertThat(help)
        .containsSubsequence(
            "[host]",
            "[port]",
            "-h, --help",
            "-v, -V, --version",
            "-u, --username=<username>",
            "-p, --password[=<password>]",
            "--credentials=FILE",
            "-e, --execute=STATEMENTS",
            "-f, --file=FILE",
            "--format=FORMAT",
            "--completion=SHELL",
            "Log file: ~/.cqlp/logs/cqlp.log")
        .doesNotContain("--insecure-password-without-warning");
  }

  @Test
  void should_reject_a_bad_number_with_the_option_named() {
    CommandLine commandLine = new CommandLine(new CqlpCommand().spec());

    assertThatThrownBy(() -> commandLine.parseArgs("--protocol-version", "abc"))
        .hasMessage("Invalid value for option '--protocol-version': 'abc' is not an int");
    assertThatThrownBy(() -> commandLine.parseArgs("db1", "ninety")).hasMessageContaining("port");
  }
}
