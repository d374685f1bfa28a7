package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * cqlsh 6.2.0's flags through the real shell: -v, -C/--no-color, -t, --encoding, --cqlversion,
 * --protocol-version, --browser and --coverage, and the cqlshrc settings they override. Expected
 * messages are cqlsh's where cqlsh has one.
 */
@ExtendWith(CassandraExtension.class)
class CliFlagsIT {
  private static final String ESC = "\u001b[";
  private static final String CLIENTS = "SELECT protocol_version FROM system_views.clients";
  private static LocalCassandra node;
  private static String host;
  private static String port;
  @TempDir static Path dir;

  @BeforeAll
  static void setUp() {
    node = CassandraExtension.node();
    host = node.host();
    port = String.valueOf(node.port());
  }

  private static Path rc(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /** The protocol versions of the node's clients, as cqlp printed them for {@link #CLIENTS}. */
  private static Set<Integer> versions(Shell.Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    Set<Integer> versions = new TreeSet<>();
    result
        .out()
        .lines()
        .map(String::strip)
        .filter(l -> l.matches("\\d+"))
        .forEach(l -> versions.add(Integer.parseInt(l)));
    return versions;
  }

  /** Standard output of {@code bin/cqlp args...} as bytes (Shell reads it as UTF-8). */
  private static byte[] rawOut(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Shell.home().resolve("bin/cqlp").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Shell.home().toFile());
    builder.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    Process process =
        builder
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isZero();
    return out;
  }

  @Test
  void should_print_the_version_with_v_as_cqlsh() throws Exception {
    Shell.Result result = Shell.runRaw(null, "-v");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().trim()).matches("cqlp \\d+\\.\\d+\\.\\d+.*");
  }

  /**
   * cqlp names itself in the STARTUP message (the node's {@code system_views.clients} shows it),
   * and sends none of the driver's DataStax Enterprise "baggage", whose JSON cost start-up time.
   */
  @Test
  void should_name_itself_to_the_server_and_send_no_driver_baggage() throws Exception {
    Shell.Result result =
        Shell.run(
            host,
            node.port(),
            "-e",
            // USE needs the driver session (a plain SELECT alone is read over cqlp's own
            // connection: DirectReadsIT)
            "USE system; SELECT client_options FROM system_views.clients");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> ours =
        result.out().lines().filter(l -> l.contains("'APPLICATION_NAME': 'cqlp'")).toList();
    // the control connection and the pool's connection
    assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
    assertThat(ours)
        .allMatch(l -> l.contains("'APPLICATION_VERSION': '" + System.getProperty("cqlp.version")))
        .allMatch(l -> l.contains("'DRIVER_NAME': 'Apache Cassandra Java Driver'"))
        .noneMatch(l -> l.contains("DRIVER_BAGGAGE"));
  }

  @Test
  void should_connect_with_the_protocol_version_asked_for() throws Exception {
    // The test's own session negotiates v5; cqlp's connections show the version it pinned.
    Shell.Result v4 =
        Shell.run(host, node.port(), "--protocol-version", "4", "--debug", "-e", CLIENTS);
    assertThat(versions(v4)).contains(4).doesNotContain(3);
    assertThat(v4.err()).contains("Using protocol version: V4");

    Path three = rc("protocol3", "[protocol]\nversion = 3\n");
    assertThat(versions(Shell.run(host, node.port(), "--cqlshrc", three.toString(), "-e", CLIENTS)))
        .contains(3)
        .doesNotContain(4);
    assertThat(
            versions(
                Shell.run(
                    host,
                    node.port(),
                    "--cqlshrc",
                    three.toString(),
                    "--protocol-version",
                    "4",
                    "-e",
                    CLIENTS)))
        .contains(4)
        .doesNotContain(3);

    Shell.Result seven = Shell.run(host, node.port(), "--protocol-version", "7", "-e", CLIENTS);
    assertThat(seven.exitCode()).isEqualTo(2);
    assertThat(seven.errLines())
        .containsExactly(
            "--protocol-version 7: the driver speaks native protocol "
                + "versions 3, 4, 5 and 6; give one of them, or none to let it choose.");
    Shell.Result notNumber = Shell.run(host, node.port(), "--protocol-version", "x", "-e", CLIENTS);
    assertThat(notNumber.exitCode()).isEqualTo(2);
  }

  @Test
  void should_colour_when_asked_even_without_a_terminal() throws Exception {
    String select = "SELECT release_version FROM system.local";
    Shell.Result plain = Shell.run(host, node.port(), "-e", select);
    Shell.Result forced = Shell.run(host, node.port(), "-C", "-e", select);
    Shell.Result never = Shell.run(host, node.port(), "--no-color", "-e", select);

    assertThat(plain.out()).contains("release_version").doesNotContain(ESC);
    assertThat(forced.out()).contains(ESC + "0;1;35mrelease_version" + ESC + "0m");
    assertThat(never.out()).contains("release_version").doesNotContain(ESC);

    Path on = rc("color-on", "[ui]\ncolor = on\n");
    Path script = Files.writeString(dir.resolve("select.cql"), select + ";\n");
    assertThat(
            Shell.run(host, node.port(), "--cqlshrc", on.toString(), "-f", script.toString()).out())
        .contains(ESC);
    assertThat(
            Shell.run(host, node.port(), "--cqlshrc", on.toString(), "--no-color", "-e", select)
                .out())
        .doesNotContain(ESC);
    // As argparse: of -C and --no-color, the last one typed wins.
    assertThat(Shell.run(host, node.port(), "--no-color", "-C", "-e", select).out()).contains(ESC);
    assertThat(Shell.run(host, node.port(), "-C", "--no-color", "-e", select).out())
        .doesNotContain(ESC);
  }

  @Test
  void should_prompt_with_t_even_when_input_is_piped() throws Exception {
    String statements = "SELECT release_version FROM system.local;\n";
    Shell.Result tty = Shell.runRaw(statements, host, port, "-t");
    Shell.Result script = Shell.runRaw(statements, host, port);

    assertThat(tty.exitCode()).as(tty.err()).isZero();
    assertThat(tty.out()).startsWith("cqlp> ").contains(" release_version\n", "(1 rows)");
    assertThat(script.out()).doesNotContain("cqlp> ").contains(" release_version\n");
    // -e and -f are never tty mode, as in cqlsh.
    assertThat(
            Shell.run(host, node.port(), "-t", "-e", "SELECT release_version FROM system.local")
                .out())
        .doesNotContain("cqlp> ")
        .contains("(1 rows)");
  }

  @Test
  void should_write_output_in_the_encoding_asked_for() throws Exception {
    String select = "SELECT (text)'é' AS x FROM system.local";
    Shell.Result utf8 = Shell.run(host, node.port(), "--encoding", "utf8", "-e", select);
    byte[] latin1 = rawOut(host, port, "--encoding", "latin-1", "-e", select);
    Path ascii = rc("ascii", "[ui]\nencoding = ascii\n");
    Shell.Result fromFile =
        Shell.run(host, node.port(), "--cqlshrc", ascii.toString(), "-e", select);
    Shell.Result bogus = Shell.run(host, node.port(), "--encoding", "bogus", "-e", select);

    assertThat(utf8.out()).contains("\n é\n");
    // é in latin-1 is the single byte 0xE9 (UTF-8 has two: 0xC3 0xA9).
    assertThat(new String(latin1, StandardCharsets.ISO_8859_1))
        .isEqualTo("\n x\n---\n é\n\n(1 rows)\n");
    assertThat(fromFile.out()).contains("\n ?\n");
    assertThat(bogus.exitCode()).isEqualTo(2);
    assertThat(bogus.errLines())
        .containsExactly(
            "Unknown encoding 'bogus' (--encoding): use one Java knows, such as utf-8, latin-1 or"
                + " ascii.");
  }

  @Test
  void should_check_the_cql_version_as_cqlsh() throws Exception {
    String server =
        CassandraExtension.session()
            .execute("SELECT cql_version FROM system.local")
            .one()
            .getString(0);
    String select = "SELECT release_version FROM system.local";

    Shell.Result same = Shell.run(host, node.port(), "--cqlversion", server, "-e", select);
    assertThat(same.exitCode()).as(same.err()).isZero();
    assertThat(same.out()).contains("(1 rows)");

    Shell.Result older = Shell.run(host, node.port(), "--cqlversion", "3.4", "-e", select);
    assertThat(older.exitCode()).isEqualTo(1);
    assertThat(older.errLines())
        .containsExactly(
            "Connection error: could not connect to "
                + host
                + ":"
                + port
                + ": cql_version '3.4.0' is not supported by remote (w/ native protocol). Supported"
                + " versions: ['"
                + server
                + "']");

    Path file = rc("cql", "[cql]\nversion = 3.4\n");
    assertThat(Shell.run(host, node.port(), "--cqlshrc", file.toString(), "-e", select).exitCode())
        .isEqualTo(1);
    assertThat(
            Shell.run(
                    host,
                    node.port(),
                    "--cqlshrc",
                    file.toString(),
                    "--cqlversion",
                    server,
                    "-e",
                    select)
                .exitCode())
        .isZero();

    Shell.Result two = Shell.run(host, node.port(), "--cqlversion", "2", "-e", select);
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.errLines()).containsExactly("'2.0.0' is not a supported CQL version.");
  }

  @Test
  void should_accept_cqlsh_flags_that_have_no_effect_here() throws Exception {
    Shell.Result result =
        Shell.run(
            host,
            node.port(),
            "--browser",
            "firefox",
            "--coverage",
            "--insecure-password-without-warning",
            "-e",
            "SELECT release_version FROM system.local");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("(1 rows)");
  }

  @Test
  void should_say_what_it_uses_with_debug_as_cqlsh() throws Exception {
    Shell.Result result =
        Shell.run(
            host,
            node.port(),
            "--debug",
            "--connect-timeout",
            "7",
            "--encoding",
            "latin1",
            "-e",
            "SELECT release_version FROM system.local");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.errLines())
        .contains(
            "Using connect timeout: 7 seconds",
            "Using 'latin1' encoding",
            "Using ssl: False",
            "Using protocol version: negotiated");
  }
}
