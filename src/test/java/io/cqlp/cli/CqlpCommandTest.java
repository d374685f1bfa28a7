package io.cqlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void should_know_every_option_name_of_cqlsh() {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : new CommandLine(new CqlpCommand()).getCommandSpec().options()) {
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
}
