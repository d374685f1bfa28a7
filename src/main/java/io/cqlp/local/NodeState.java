package io.cqlp.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The record of a running local node that a later process can find and reuse: a small properties
 * file ({@code pid}, {@code startedAt}, {@code host}, {@code port}, {@code datacenter}, {@code
 * nodeDir}).
 *
 * @param pid operating-system process id of the node's JVM
 * @param startedAt start time of that process in epoch milliseconds as the operating system reports
 *     it, or -1 if unknown; with {@code pid} it tells the node from a later process that got the
 *     same pid
 * @param host address of the CQL native transport; not null
 * @param port CQL native transport port
 * @param datacenter local data center name for the driver; not null
 * @param nodeDir the node's directory; not null
 */
record NodeState(long pid, long startedAt, String host, int port, String datacenter, Path nodeDir) {

  /**
   * Reads a state file.
   *
   * @param file the properties file; not null
   * @return the state, or empty if the file does not exist or lacks a field or has a malformed
   *     number (a stale or foreign file is treated as no record)
   * @throws IOException if the file exists but cannot be read
   */
  static Optional<NodeState> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    try {
      String host = properties.getProperty("host");
      String datacenter = properties.getProperty("datacenter");
      String nodeDir = properties.getProperty("nodeDir");
      if (host == null || datacenter == null || nodeDir == null) {
        return Optional.empty();
      }
      return Optional.of(
          new NodeState(
              Long.parseLong(properties.getProperty("pid", "")),
              Long.parseLong(properties.getProperty("startedAt", "-1")),
              host,
              Integer.parseInt(properties.getProperty("port", "")),
              datacenter,
              Path.of(nodeDir)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes this state to {@code file}, atomically (a reader sees the old or the new file whole).
   *
   * @param file the properties file; its parent must exist
   * @throws IOException if the file cannot be written
   */
  void write(Path file) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("pid", Long.toString(pid));
    properties.setProperty("startedAt", Long.toString(startedAt));
    properties.setProperty("host", host);
    properties.setProperty("port", Integer.toString(port));
    properties.setProperty("datacenter", datacenter);
    properties.setProperty("nodeDir", nodeDir.toString());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      properties.store(writer, "local Cassandra node started by cqlp");
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The start time of a live process, as recorded in {@link #startedAt()}.
   *
   * @param process a process; not null
   * @return its start time in epoch milliseconds, or -1 if the operating system does not say
   */
  static long startedAt(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }

  /**
   * Tells whether {@link #pid()} is still the recorded process: alive, and started at {@link
   * #startedAt()} when both that and the live process's start time are known. (The command line
   * cannot tell: Linux shows only its first 4096 characters, and the node's classpath is longer.)
   * Whether it answers CQL is checked separately.
   *
   * @return true if the recorded process is alive
   */
  boolean processAlive() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(
            handle -> {
              long actual = startedAt(handle);
              return startedAt < 0 || actual < 0 || actual == startedAt;
            })
        .orElse(false);
  }
}
