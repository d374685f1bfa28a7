package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password given with -p: warned about as cqlsh warns, and found nowhere else: not in standard
 * output or error (even when a failing statement quotes it back), not in any file under HOME (the
 * log files of ~/.cqlp/logs included, also at DEBUG), and not on the command line of any process
 * the shell starts (it starts none).
 */
@ExtendWith(CassandraExtension.class)
class SecretsIT {
  private static final String PASSWORD = "S3cr3t-Pw-9x!";
  @TempDir Path dir;

  @Test
  void should_warn_about_a_password_on_the_command_line_and_never_show_or_store_it()
      throws Exception {
    LocalCassandra node = CassandraExtension.node();
    Path home = Files.createTempDirectory(dir, "home");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Shell.home().resolve("bin/cqlp").toString(),
                node.host(),
                String.valueOf(node.port()),
                "-u",
                "cassandra",
                "-p",
                PASSWORD)
            .directory(Shell.home().toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("HOME", home.toString());
    Process shell = builder.start();
    try (OutputStream stdin = shell.getOutputStream()) {
      // The shell waits for its piped input: this is when it would have started any helper.
      waitUntilConnected(err, shell);
      List<ProcessHandle> children = shell.toHandle().descendants().toList();
      assertThat(children).as("processes started by the shell").isEmpty();
      assertThat(processesShowing(PASSWORD)).containsOnly(shell.pid());
      stdin.write(
          String.join(
                  "\n",
                  "SELECT * FROM no_such_keyspace.no_such_table;",
                  "CREATE ROLE IF NOT EXISTS secrets_it WITH PASSWORD = '"
                      + PASSWORD
                      + "' AND LOGIN = maybe;",
                  "SELECT release_version FROM system.local WHERE;",
                  "SELECT count(*) FROM system.local;",
                  "")
              .getBytes(StandardCharsets.UTF_8));
    }
    assertThat(shell.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);

    assertThat(shell.exitValue()).isEqualTo(2);
    assertThat(stderr)
        .startsWith(
            "Warning: Using a password on the command line interface can be insecure.\n"
                + "Recommendation: use the credentials file to securely provide the password.\n");
    assertThat(stderr).contains("<stdin>:1:", "<stdin>:2:", "<stdin>:3:");
    assertThat(stdout).contains("(1 rows)");
    assertThat(stdout + stderr).doesNotContain(PASSWORD);
    assertNowhereUnder(home);
    assertLogWithout(home, PASSWORD);
  }

  @Test
  void should_keep_the_password_out_of_the_debug_log() throws Exception {
    LocalCassandra node = CassandraExtension.node();
    Path home = Files.createTempDirectory(dir, "home");

    Shell.Result result =
        Shell.runWithEnv(
            java.util.Map.of("HOME", home.toString()),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-u",
            "cassandra",
            "-p",
            PASSWORD,
            "--debug",
            "-e",
            // read over the direct connection, then USE opens the driver session: both log in
            "SELECT count(*) FROM system.local; USE system");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("(1 rows)");
    assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
    String log = assertLogWithout(home, PASSWORD);
    assertThat(log)
        .contains(
            " DEBUG ",
            "io.cqlp.session.Connector: direct connection",
            "com.datastax.oss.driver.internal.core.session.DefaultSession");
    assertNowhereUnder(home);
  }

  /** No file under {@code home} holds the password. */
  private static void assertNowhereUnder(Path home) throws Exception {
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(PASSWORD);
      }
    }
  }

  /**
   * The log directory, {@code ~/.cqlp/logs}, holds a log with the driver's lines and no file there
   * holds {@code secret}.
   *
   * @return the text of its files
   */
  private static String assertLogWithout(Path home, String secret) throws Exception {
    Path logs = home.resolve(".cqlp").resolve("logs");
    assertThat(logs.resolve("cqlp.log")).isRegularFile();
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        String content = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.toString()).doesNotContain(secret);
        text.append(content);
      }
    }
    assertThat(text).contains("com.datastax.oss.driver.");
    return text.toString();
  }

  /** Waits for the warning, printed before connecting, and then a little for the connection. */
  private static void waitUntilConnected(Path err, Process shell) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline
        && shell.isAlive()
        && !Files.readString(err).contains("Recommendation:")) {
      Thread.sleep(200);
    }
    Thread.sleep(3000);
  }

  /** The ids of the processes whose command line shows {@code text}. */
  private static List<Long> processesShowing(String text) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info().commandLine().map(c -> c.contains(text)).orElse(false)
                    || p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(text))
                        .orElse(false))
        .map(ProcessHandle::pid)
        .toList();
  }
}
