package io.cqlp.local;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a node's JVM: launched from a {@link NodeConfig}, waited for until it answers CQL, and
 * terminated. The JVM's stdout and stderr are appended to {@link NodeConfig#outputLog()}.
 */
final class NodeProcess {

  /** How long {@link #terminate()} waits after SIGTERM, and again after a kill. */
  static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private static final int LOG_TAIL_LINES = 30;
  private static final long POLL_MILLIS = 500;

  private final NodeConfig config;
  private final Process process;

  private NodeProcess(NodeConfig config, Process process) {
    this.config = config;
    this.process = process;
  }

  /**
   * (Re)writes the node's files and launches its JVM with the {@code java} of the running JVM
   * ({@code java.home}). Returns at once; see {@link #awaitCql}.
   *
   * @param config the node; not null
   * @param classpath the node's jars; not null, not empty
   * @return the running process
   * @throws IOException if the files cannot be written or the JVM cannot be launched
   */
  static NodeProcess launch(NodeConfig config, List<Path> classpath) throws IOException {
    config.writeFiles();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(config.command(java, classpath))
            .directory(config.nodeDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(config.outputLog().toFile()))
            .start();
    process.getOutputStream().close();
    return new NodeProcess(config, process);
  }

  /**
   * Waits until the node answers {@code SELECT release_version FROM system.local}, polling every
   * 500 ms once its CQL port accepts connections.
   *
   * @param timeout how long to wait in all; positive
   * @param access TLS and login of the probe
   * @throws IOException if the process exits first, or the timeout passes, or the thread is
   *     interrupted; the message ends with the last lines of both logs. The process is left as it
   *     is: the caller terminates it.
   */
  void awaitCql(Duration timeout, NodeSessions.Access access) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    InetAddress address = InetAddress.getByName(config.host());
    while (true) {
      if (!process.isAlive()) {
        throw new IOException(
            "local Cassandra node in "
                + config.nodeDir()
                + " exited with code "
                + process.exitValue()
                + " while starting; end of its logs:\n"
                + logTails());
      }
      if (FreePorts.answers(address, config.nativePort())
          && NodeSessions.releaseVersion(
                  config.host(), config.nativePort(), NodeConfig.DATACENTER, access)
              .isPresent()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "local Cassandra node in "
                + config.nodeDir()
                + " did not answer CQL on "
                + config.host()
                + ":"
                + config.nativePort()
                + " within "
                + timeout.toSeconds()
                + " s; end of its logs:\n"
                + logTails());
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the local Cassandra node", e);
      }
    }
  }

  /** Operating-system process id. */
  long pid() {
    return process.pid();
  }

  /** Start time in epoch milliseconds, or -1 if unknown; see {@link NodeState#startedAt()}. */
  long startedAt() {
    return NodeState.startedAt(process.toHandle());
  }

  /** True while the JVM runs. */
  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the JVM: SIGTERM (Cassandra then drains: flushes memtables and closes its commit log), up
   * to {@link #STOP_GRACE} to exit, then a kill and up to {@link #STOP_GRACE} more. If the thread
   * is interrupted, kills at once and keeps the interrupt flag. Never throws.
   */
  void terminate() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Kills the JVM at once (SIGKILL: no drain, no flush, as a crashed machine) and waits up to
   * {@link #STOP_GRACE} for it to be gone. Never throws; keeps the interrupt flag.
   */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Both logs' last lines, for an error message. */
  String logTails() {
    return "--- "
        + config.outputLog()
        + "\n"
        + LogTail.of(config.outputLog(), LOG_TAIL_LINES)
        + "--- "
        + config.systemLog()
        + "\n"
        + LogTail.of(config.systemLog(), LOG_TAIL_LINES);
  }
}
