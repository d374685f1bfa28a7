package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log file, {@code ~/.cqlp/logs/cqlp.log}: the driver's connection events with {@code --debug},
 * none of its DEBUG lines without, and the screen the same either way.
 */
@ExtendWith(CassandraExtension.class)
class LogFileIT {
  private static final String QUERY = "SELECT release_version FROM system.local";
  @TempDir Path dir;

  @Test
  void should_write_the_drivers_connection_events_to_the_log_file_with_debug(LocalCassandra node)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));

    Shell.Result result =
        inHome(
            home,
            node,
            "--debug",
            "-e",
            // USE needs the driver session (a plain SELECT alone is read over the direct
            // connection)
            "USE system; " + QUERY);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo("\n release_version\n-----------------\n           5.0.9\n\n(1 rows)\n");
    // the screen has cqlsh's --debug lines only ("Using CQL driver: ..."); driver lines go to the
    // file
    assertThat(result.errLines())
        .isNotEmpty()
        .allMatch(line -> line.startsWith("Using "), "cqlsh's --debug lines");
    String log = Files.readString(home.resolve(".cqlp/logs/cqlp.log"));
    assertThat(log)
        .contains(
            " DEBUG [s0-admin-0] com.datastax.oss.driver.internal.core.session.DefaultSession: [s0]"
                + " Starting initialization",
            " com.datastax.oss.driver.internal.core.channel.ProtocolInitHandler:"
                + " [s0|control|connecting...] Starting channel initialization",
            " com.datastax.oss.driver.internal.core.control.ControlConnection: [s0] New channel"
                + " opened",
            "/127.0.0.1:" + node.port());
    // The noisy driver loggers stay at INFO.
    assertThat(log).doesNotContain("util.Reflection: Could not load", "context.EventBus: ");
    assertThat(log)
        .contains(
            " DEBUG [main] io.cqlp.session.Connector: direct connection to 127.0.0.1:"
                + node.port(),
            " io.cqlp.session.ShellState: a statement needs the driver session");
  }

  @Test
  void should_log_the_direct_connection_of_a_plain_select_with_debug(LocalCassandra node)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("home-direct"));

    Shell.Result result = inHome(home, node, "--debug", "-e", QUERY);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo("\n release_version\n-----------------\n           5.0.9\n\n(1 rows)\n");
    String log = Files.readString(home.resolve(".cqlp/logs/cqlp.log"));
    assertThat(log)
        .contains(" DEBUG [main] io.cqlp.session.Connector: direct connection to 127.0.0.1:")
        .doesNotContain("DefaultSession", "needs the driver session");
  }

  @Test
  void should_log_no_debug_lines_without_debug_and_print_the_same(LocalCassandra node)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));

    Shell.Result result = inHome(home, node, "-e", QUERY);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo("\n release_version\n-----------------\n           5.0.9\n\n(1 rows)\n");
    assertThat(result.err()).isEmpty();
    Path log = home.resolve(".cqlp/logs/cqlp.log");
    if (Files.exists(log)) {
      assertThat(Files.readString(log)).doesNotContain(" DEBUG ", " INFO ");
    }
  }

  @Test
  void should_name_the_log_file_in_the_help() throws Exception {
    Shell.Result result = Shell.runRaw(null, "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .endsWith("\nLog file: ~/.cqlp/logs/cqlp.log (warnings; with --debug also DEBUG lines).\n");
  }

  /** {@code cqlp HOST PORT args...} with {@code HOME} at {@code home}, where the log file goes. */
  private static Shell.Result inHome(Path home, LocalCassandra node, String... args)
      throws Exception {
    String[] all = new String[args.length + 2];
    all[0] = node.host();
    all[1] = String.valueOf(node.port());
    System.arraycopy(args, 0, all, 2, args.length);
    return Shell.runWithEnv(Map.of("HOME", home.toString()), null, all);
  }
}
