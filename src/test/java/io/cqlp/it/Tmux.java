package io.cqlp.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real terminal for the shell: a detached tmux session of 160x50 running one command, keys sent
 * to it, its screen read back. Close it to kill the session.
 */
final class Tmux implements AutoCloseable {
  private final String name;

  /** Starts {@code command} (a shell command line) in a new detached session of 160x50. */
  Tmux(String name, String command) throws IOException, InterruptedException {
    this(name, command, 160);
  }

  /** Starts {@code command} in a new detached session {@code columns} wide and 50 lines high. */
  Tmux(String name, String command, int columns) throws IOException, InterruptedException {
    this.name = name;
    if (tmux("new-session", "-d", "-s", name, "-x", String.valueOf(columns), "-y", "50", command)
        != 0) {
      throw new IllegalStateException("tmux could not start: " + command);
    }
  }

  /**
   * Types {@code text} literally, then presses the named keys (tmux names: Enter, Tab, Up, C-c). A
   * {@code ;} goes by its hex code, since tmux ends a command at an argument's trailing ';'.
   */
  void type(String text, String... then) throws IOException, InterruptedException {
    String[] parts = text.split(";", -1);
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        tmux("send-keys", "-t", name, "-l", "--", parts[i]);
      }
      if (i < parts.length - 1) {
        tmux("send-keys", "-t", name, "-H", "3b");
      }
    }
    press(then);
  }

  /** Presses keys by their tmux names. */
  void press(String... keys) throws IOException, InterruptedException {
    for (String key : keys) {
      tmux("send-keys", "-t", name, key);
    }
  }

  /** Waits up to {@code seconds} for {@code text} on the screen (with 200 lines of scrollback). */
  String waitFor(String text, int seconds) throws IOException, InterruptedException {
    String screen = "";
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      screen = screen();
      if (screen.contains(text)) {
        return screen;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("'" + text + "' never appeared; the screen shows:\n" + screen);
  }

  /** Waits up to {@code seconds} for the command to end. */
  void waitForExit(int seconds) throws IOException, InterruptedException {
    for (int i = 0; i < seconds * 10; i++) {
      if (tmux("has-session", "-t", name) != 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the shell did not exit; the screen shows:\n" + screen());
  }

  /** The screen and its scrollback, lines joined where they wrapped. */
  String screen() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", name)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  /** Clears the scrollback, so later waits see only new output. */
  void clearHistory() throws IOException, InterruptedException {
    tmux("clear-history", "-t", name);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    tmux("kill-session", "-t", name);
  }

  private static int tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(10, TimeUnit.SECONDS);
    return p.exitValue();
  }
}
