package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The interactive prompt driven through a real terminal (tmux): the {@code cqlp:ks>} prompt,
 * statements over several lines, Ctrl-C abandoning a line, Ctrl-D leaving, and a history file that
 * keeps statements but never a password.
 */
@ExtendWith(CassandraExtension.class)
class InteractiveShellIT {
  private final String tmuxSession = "cqlp-it-" + ProcessHandle.current().pid();
  private Tmux terminal;

  @AfterEach
  void killTerminal() throws Exception {
    if (terminal != null) {
      terminal.close();
    }
  }

  @Test
  void should_prompt_continue_lines_abandon_on_ctrl_c_and_keep_passwords_out_of_history()
      throws Exception {
    String keyspace = CassandraExtension.createKeyspace(getClass());
    LocalCassandra node = CassandraExtension.node();
    CassandraExtension.session()
        .execute("CREATE TABLE " + keyspace + ".users (id int PRIMARY KEY, name text)");
    CassandraExtension.session()
        .execute("INSERT INTO " + keyspace + ".users (id, name) VALUES (7, 'lovelace')");
    Path home = Files.createTempDirectory("cqlp-tty-home");
    String command =
        "env HOME="
            + home
            + " "
            + Shell.home().resolve("bin/cqlp")
            + " "
            + node.host()
            + " "
            + node.port();
    terminal = new Tmux(tmuxSession, command);

    waitForScreen("cqlp> ");
    keys("USE " + keyspace + ";", "Enter");
    waitForScreen("cqlp:" + keyspace + "> ");
    keys("SELECT id, name", "Enter");
    waitForScreen("   ... ");
    keys("FROM users;", "Enter");
    String screen = waitForScreen("(1 rows)");
    assertThat(screen).contains(" id | name", "  7 | lovelace");

    keys("SELECT this line is abandoned");
    keys("C-c");
    keys(
        "CREATE ROLE IF NOT EXISTS auditor WITH PASSWORD = 'sekret-123' AND LOGIN = true;",
        "Enter");
    keys("LOGIN auditor 'sekret-123'", "Enter");
    keys("EXPAND ON", "Enter");
    waitForScreen("EXPAND set to ON");
    keys("C-d");
    waitForExit();

    Path history = home.resolve(".cqlp/history");
    assertThat(history).exists();
    String saved = Files.readString(history, StandardCharsets.UTF_8);
    assertThat(saved).contains("USE " + keyspace + ";", "FROM users;", "EXPAND ON");
    assertThat(saved).doesNotContain("sekret", "abandoned");
  }

  @Test
  void should_ask_for_the_password_without_echo_when_only_a_user_is_given() throws Exception {
    LocalCassandra node = CassandraExtension.node();
    Path home = Files.createTempDirectory("cqlp-tty-home");
    String command =
        "env HOME="
            + home
            + " "
            + Shell.home().resolve("bin/cqlp")
            + " "
            + node.host()
            + " "
            + node.port()
            + " -u cassandra";
    terminal = new Tmux(tmuxSession, command);
    waitForScreen("Password:");
    keys("not-shown-on-screen", "Enter");
    String screen = waitForScreen("cqlp> ");
    assertThat(screen).doesNotContain("not-shown-on-screen");
    keys("C-d");
    waitForExit();
  }

  @Test
  void should_cancel_a_copy_on_ctrl_c_keep_a_checkpoint_and_resume_it() throws Exception {
    String keyspace = CassandraExtension.createKeyspace(getClass()) + "_c";
    CassandraExtension.session()
        .execute(
            "CREATE KEYSPACE IF NOT EXISTS "
                + keyspace
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    CassandraExtension.session()
        .execute("CREATE TABLE " + keyspace + ".big (id int PRIMARY KEY, v text)");
    int rows = 40_000;
    var insert =
        CassandraExtension.session()
            .prepare("INSERT INTO " + keyspace + ".big (id, v) VALUES (?, ?)");
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(128);
    for (int id = 0; id < rows; id++) {
      inFlight.acquire();
      CassandraExtension.session()
          .executeAsync(insert.bind(id, "row " + id))
          .whenComplete((r, e) -> inFlight.release());
    }
    inFlight.acquire(128);
    Path dir = Files.createTempDirectory("cqlp-ctrl-c");
    Path target = dir.resolve("big.parquet");
    Path checkpoint = dir.resolve("big.parquet.cqlp-checkpoint");
    LocalCassandra node = CassandraExtension.node();
    Path home = Files.createTempDirectory("cqlp-tty-home");
    String command =
        "env HOME="
            + home
            + " "
            + Shell.home().resolve("bin/cqlp")
            + " "
            + node.host()
            + " "
            + node.port();
    terminal = new Tmux(tmuxSession, command, 200);
    waitForScreen("cqlp> ");
    String copy =
        "COPY " + keyspace + ".big TO '" + target + "' WITH PAGESIZE=20 AND MAXREQUESTS=1";
    keys(copy + ";", "Enter");
    for (int i = 0; i < 300 && !Files.isDirectory(checkpoint); i++) {
      Thread.sleep(20);
    }
    Thread.sleep(700);
    keys("C-c");
    long pressed = System.nanoTime();
    String screen = waitForPromptAfter("RESUME=true");
    long millis = (System.nanoTime() - pressed) / 1_000_000;
    // 2 s on a machine with a core to spare; on a shared, oversubscribed one (load average above
    // the core count, as when many builds run at once) every step is that many times slower.
    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    long budget = 2_000 * Math.max(1, (long) Math.ceil(load / cores));
    assertThat(millis)
        .as("back at the prompt after Ctrl-C (load %.1f on %d cores)", load, cores)
        .isLessThan(budget);
    assertThat(screen)
        .contains("Interrupted.", "kept in '" + checkpoint + "'")
        .doesNotContain("\tat ", "Exception");
    assertThat(target).doesNotExist();
    assertThat(checkpoint.resolve("checkpoint.json")).exists();

    keys("SELECT count(*) FROM " + keyspace + ".big;", "Enter");
    waitForScreen(String.valueOf(rows));
    keys(copy + " AND RESUME=true;", "Enter");
    waitForScreen(rows + " rows exported");
    keys("C-d");
    waitForExit();
    assertThat(checkpoint).doesNotExist();
    try (io.cqlp.testing.DuckDb duck = new io.cqlp.testing.DuckDb()) {
      String file = "read_parquet(" + io.cqlp.testing.DuckDb.literal(target) + ")";
      assertThat(duck.longValue("SELECT count(*) FROM " + file)).isEqualTo(rows);
      assertThat(duck.longValue("SELECT count(DISTINCT id) FROM " + file)).isEqualTo(rows);
    }
  }

  /**
   * Types {@code text} literally (or presses it, for a {@code C-x} key), then presses the named
   * keys.
   */
  private void keys(String text, String... then) throws Exception {
    if (text.startsWith("C-")) {
      terminal.press(text);
    } else {
      terminal.type(text);
    }
    terminal.press(then);
  }

  private String waitForScreen(String text) throws Exception {
    return terminal.waitFor(text, 30);
  }

  /** Waits until {@code text} is on screen and the prompt is back on the last line. */
  private String waitForPromptAfter(String text) throws Exception {
    String screen = "";
    for (int i = 0; i < 300; i++) {
      screen = terminal.screen();
      List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
      if (screen.contains(text)
          && !lines.isEmpty()
          && lines.get(lines.size() - 1).strip().equals("cqlp>")) {
        return screen;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "'" + text + "' and then the prompt never appeared; the screen shows:\n" + screen);
  }

  private void waitForExit() throws Exception {
    terminal.waitForExit(30);
  }
}
