package io.cqlp.local;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.tls.TlsEngineFactory;
import io.cqlp.tls.TlsSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real single-node Cassandra server on this machine, run as a child JVM from the jars of a
 * Cassandra lib directory (built by {@code mvn package} into {@code target/cassandra/lib}).
 *
 * <p>A node started here listens on {@code 127.0.0.1} only, on free ports chosen at start (CQL,
 * internode and local JMX); its directory holds its configuration, data and logs (see {@link
 * NodeConfig}). {@link #start} returns once the node answers {@code SELECT release_version FROM
 * system.local}. A node started by this JVM is stopped by {@link #stop()}, or by a shutdown hook if
 * the JVM exits first. A handle returned by {@link #startOrReuse} for a node another process
 * started only connects to it: its {@link #stop()} leaves the node running.
 *
 * <p>Thread-safe: lifecycle methods are serialized; the accessors may be called at any time.
 */
public final class LocalCassandra implements AutoCloseable {

  /** Default heap of a node, in MiB ({@code -Xms} and {@code -Xmx}). */
  public static final int DEFAULT_HEAP_MB = 1024;

  /** Default time {@link #start} waits for a node to answer CQL: 180 seconds. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

  /** System property naming the Cassandra lib directory: {@value}. */
  public static final String LIB_DIR_PROPERTY = "cqlp.cassandra.lib";

  private static final String HOST = "127.0.0.1";
  private static final String STATE_FILE = "node.properties";
  private static final Object REUSE_LOCK = new Object();

  /** Set for a node this JVM started; null for a reused one. */
  private final NodeConfig config;

  private final List<Path> classpath;
  private final Duration startTimeout;
  private final Path stateFile;
  private final NodeState reused;
  private final Thread shutdownHook;
  private final NodeSessions.Access access;
  private volatile NodeProcess process;
  private boolean hookRegistered;

  private LocalCassandra(
      NodeConfig config, List<Path> classpath, Duration startTimeout, Path stateFile) {
    this.config = config;
    this.classpath = classpath;
    this.startTimeout = startTimeout;
    this.stateFile = stateFile;
    this.reused = null;
    this.shutdownHook = new Thread(this::stopOnExit, "cqlp-local-cassandra-stop");
    this.access = access(config);
  }

  private LocalCassandra(NodeState reused) {
    this.config = null;
    this.classpath = List.of();
    this.startTimeout = null;
    this.stateFile = null;
    this.reused = reused;
    this.shutdownHook = null;
    this.access = NodeSessions.Access.PLAIN;
  }

  private static NodeSessions.Access access(NodeConfig config) {
    javax.net.ssl.SSLContext ssl =
        config.certificates() == null
            ? null
            : TlsEngineFactory.sslContext(
                new TlsSettings(config.certificates().caCertificate(), true, null, null),
                new AtomicReference<>());
    return config.passwordAuthentication()
        ? new NodeSessions.Access(ssl, NodeSecurity.SUPERUSER, NodeSecurity.SUPERUSER)
        : new NodeSessions.Access(ssl, null, null);
  }

  /**
   * Starts a new node with a {@value #DEFAULT_HEAP_MB} MiB heap; see {@link #start(Path, Path,
   * Duration, int)}.
   *
   * @param nodeDir the node's directory; created, or emptied if it holds an earlier node
   * @param libDir the Cassandra lib directory, e.g. {@link #defaultLibDir()}
   * @param timeout how long to wait for the node to answer CQL, e.g. {@link #DEFAULT_START_TIMEOUT}
   * @return the running node, owned by the caller
   * @throws IOException as {@link #start(Path, Path, Duration, int)}
   */
  public static LocalCassandra start(Path nodeDir, Path libDir, Duration timeout)
      throws IOException {
    return start(nodeDir, libDir, timeout, DEFAULT_HEAP_MB);
  }

  /**
   * Starts a new node in {@code nodeDir} on {@code 127.0.0.1} and free ports, and waits until it
   * answers CQL.
   *
   * @param nodeDir the node's directory; created if missing, emptied if it holds an earlier node (a
   *     {@code conf/cassandra.yaml}); any other non-empty directory is refused
   * @param libDir the Cassandra lib directory; must hold {@code cassandra-all-*.jar}
   * @param timeout how long to wait for the node to answer CQL; positive
   * @param heapMb JVM heap in MiB, at least 256
   * @return the running node, owned by the caller, who must {@link #stop()} it
   * @throws IOException if the jars are missing, {@code nodeDir} cannot be prepared, no free ports
   *     are found, the JVM cannot be launched, the node exits while starting (the message holds the
   *     end of its log), or it does not answer CQL within {@code timeout} (it is then killed)
   * @throws IllegalArgumentException if {@code heapMb} is below 256 or {@code timeout} is not
   *     positive
   */
  public static LocalCassandra start(Path nodeDir, Path libDir, Duration timeout, int heapMb)
      throws IOException {
    return start(nodeDir, libDir, timeout, heapMb, null, NodeSecurity.NONE);
  }

  /**
   * Starts a new node as {@link #start(Path, Path, Duration)} does, closed to clients as {@code
   * security} says: a TLS-only CQL port whose certificate authority's PEM file is {@link
   * #caCertificate()} (the files are made in {@code nodeDir/conf/tls}), and/or a login with the
   * default superuser {@code cassandra}/{@code cassandra}. {@link #openSession()} uses both.
   *
   * @param security what to switch on; {@link NodeSecurity#NONE} starts exactly as {@link
   *     #start(Path, Path, Duration)}
   * @throws IOException as {@link #start(Path, Path, Duration, int)}, or if the certificates cannot
   *     be written
   */
  public static LocalCassandra start(
      Path nodeDir, Path libDir, Duration timeout, NodeSecurity security) throws IOException {
    return start(nodeDir, libDir, timeout, DEFAULT_HEAP_MB, null, security);
  }

  /**
   * Returns the node recorded in {@code stateDir} if it is still running and answers CQL, else
   * starts a new one in {@code stateDir/node} (with {@link #DEFAULT_HEAP_MB}) and records it there.
   * Calls for the same {@code stateDir} from several processes are serialized by a lock file, so
   * they share one node.
   *
   * @param stateDir directory of the record ({@code node.properties}) and of the node; created if
   *     missing
   * @param libDir the Cassandra lib directory, used only when a node must be started
   * @param timeout how long to wait for a new node to answer CQL
   * @return a reused node ({@link #isOwned()} false: {@link #stop()} leaves it running) or a new
   *     one (owned: {@link #stop()} stops it and removes the record)
   * @throws IOException as {@link #start(Path, Path, Duration, int)}; if the record or its lock
   *     cannot be read or written; or if the recorded node's process is alive but does not answer
   *     CQL (its directory is then left alone)
   */
  @SuppressWarnings("try") // the file lock is held for the scope, never referenced
  public static LocalCassandra startOrReuse(Path stateDir, Path libDir, Duration timeout)
      throws IOException {
    Path dir = stateDir.toAbsolutePath();
    Files.createDirectories(dir);
    Path stateFile = dir.resolve(STATE_FILE);
    synchronized (REUSE_LOCK) {
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        Optional<NodeState> recorded = NodeState.read(stateFile);
        if (recorded.isPresent() && recorded.get().processAlive()) {
          NodeState state = recorded.get();
          if (NodeSessions.releaseVersion(state.host(), state.port(), state.datacenter())
              .isPresent()) {
            return new LocalCassandra(state);
          }
          throw new IOException(
              "the local Cassandra node recorded in "
                  + stateFile
                  + " (pid "
                  + state.pid()
                  + ") runs but does not answer CQL on "
                  + state.host()
                  + ":"
                  + state.port()
                  + ": wait for it, or stop it with `kill "
                  + state.pid()
                  + "`");
        }
        Files.deleteIfExists(stateFile);
        return start(
            dir.resolve("node"), libDir, timeout, DEFAULT_HEAP_MB, stateFile, NodeSecurity.NONE);
      }
    }
  }

  /**
   * Finds the Cassandra lib directory: the system property {@value #LIB_DIR_PROPERTY} if set, else
   * {@code $CQLP_HOME/target/cassandra/lib}.
   *
   * @return an existing directory holding {@code cassandra-all-*.jar}
   * @throws IOException if neither is set, or the directory holds no Cassandra jars (the message
   *     says to build with {@code mvn -B package})
   */
  public static Path defaultLibDir() throws IOException {
    return CassandraJars.libDir(System.getProperty(LIB_DIR_PROPERTY), System.getenv("CQLP_HOME"));
  }

  private static LocalCassandra start(
      Path nodeDir,
      Path libDir,
      Duration timeout,
      int heapMb,
      Path stateFile,
      NodeSecurity security)
      throws IOException {
    if (heapMb < 256) {
      throw new IllegalArgumentException("heap must be at least 256 MiB, was " + heapMb);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    List<Path> classpath = CassandraJars.list(CassandraJars.require(libDir));
    Path dir = nodeDir.toAbsolutePath();
    NodeConfig.prepareDir(dir);
    List<Integer> ports = FreePorts.choose(HOST, 3);
    NodeCertificates certificates =
        security.clientTls()
            ? NodeCertificates.create(dir.resolve("conf").resolve("tls"), HOST)
            : null;
    NodeConfig config =
        new NodeConfig(
            dir,
            HOST,
            ports.get(0),
            ports.get(1),
            ports.get(2),
            heapMb,
            certificates,
            security.passwordAuthentication());
    LocalCassandra node = new LocalCassandra(config, classpath, timeout, stateFile);
    node.launch();
    return node;
  }

  /** CQL address: always {@code 127.0.0.1} for a node started here. */
  public String host() {
    return config != null ? config.host() : reused.host();
  }

  /** CQL native transport port. */
  public int port() {
    return config != null ? config.nativePort() : reused.port();
  }

  /** Local data center name to give the driver: {@code datacenter1} (SimpleSnitch). */
  public String datacenter() {
    return config != null ? NodeConfig.DATACENTER : reused.datacenter();
  }

  /** The node's directory (configuration, data, logs). */
  public Path nodeDir() {
    return config != null ? config.nodeDir() : reused.nodeDir();
  }

  /**
   * The PEM file of the certificate authority that signed the node's TLS certificate (what a
   * client's {@code certfile} names), or {@code null} when the node speaks plain CQL.
   */
  public Path caCertificate() {
    return config != null && config.certificates() != null
        ? config.certificates().caCertificate()
        : null;
  }

  /** The node's own log file ({@code logs/system.log} under {@link #nodeDir()}). */
  public Path logFile() {
    return nodeDir().resolve("logs").resolve("system.log");
  }

  /**
   * Process id of the node's JVM.
   *
   * @throws IllegalStateException if this JVM started the node and it is stopped
   */
  public long pid() {
    if (config == null) {
      return reused.pid();
    }
    NodeProcess current = process;
    if (current == null) {
      throw new IllegalStateException("local Cassandra node in " + nodeDir() + " is stopped");
    }
    return current.pid();
  }

  /** True if this JVM started the node (and {@link #stop()} stops it), false if reused. */
  public boolean isOwned() {
    return config != null;
  }

  /** True if the node's JVM process is alive (it may still be starting or stopping). */
  public boolean isRunning() {
    if (config == null) {
      return ProcessHandle.of(reused.pid()).map(ProcessHandle::isAlive).orElse(false);
    }
    NodeProcess current = process;
    return current != null && current.isAlive();
  }

  /**
   * Opens a new driver session to this node; the caller closes it. Its request timeout is 30 s
   * instead of the driver's 2 s, since a schema change on a busy two-core machine (this node and
   * its client on the same cores) can take longer; closing it does not wait the driver's 2 s Netty
   * quiet period. Everything else is the driver's default configuration.
   *
   * @return a session with the node as contact point and {@link #datacenter()} as local DC, no
   *     keyspace set; over TLS and logged in as {@code cassandra} for a node started so
   * @throws com.datastax.oss.driver.api.core.AllNodesFailedException if the node does not answer
   */
  public CqlSession openSession() {
    return NodeSessions.open(host(), port(), datacenter(), access);
  }

  /**
   * Stops the node if this JVM started it: SIGTERM (Cassandra drains: flushes memtables), up to 20
   * s to exit, then a kill. Removes its {@link #startOrReuse} record. Does nothing to a reused
   * node, or if already stopped. Never throws.
   */
  public synchronized void stop() {
    if (config == null) {
      return;
    }
    NodeProcess current = process;
    process = null;
    if (current != null) {
      current.terminate();
    }
    if (hookRegistered) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to; nothing left to undo.
      }
      hookRegistered = false;
    }
    deleteStateFile();
  }

  /**
   * Starts a stopped node again on the same address, ports and data, and waits until it answers CQL
   * (with the timeout given at start).
   *
   * @throws IOException as {@link #start(Path, Path, Duration, int)}
   * @throws IllegalStateException if the node is reused, or still running
   */
  public synchronized void startAgain() throws IOException {
    if (config == null) {
      throw new IllegalStateException(
          "local Cassandra node in " + nodeDir() + " was started by another process");
    }
    if (process != null) {
      throw new IllegalStateException(
          "local Cassandra node in " + nodeDir() + " is already running");
    }
    launch();
  }

  /**
   * Stops the node and starts it again on the same ports, keeping its data; see {@link #stop()} and
   * {@link #startAgain()}.
   *
   * @throws IOException as {@link #startAgain()}
   * @throws IllegalStateException if the node is reused
   */
  public synchronized void restart() throws IOException {
    if (config == null) {
      throw new IllegalStateException(
          "local Cassandra node in " + nodeDir() + " was started by another process");
    }
    stop();
    startAgain();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "local Cassandra " + host() + ":" + port() + " in " + nodeDir();
  }

  /** Launches the JVM, waits for CQL, records the node. Caller holds this object's lock. */
  private void launch() throws IOException {
    NodeProcess started = NodeProcess.launch(config, classpath);
    process = started;
    if (!hookRegistered) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      hookRegistered = true;
    }
    try {
      started.awaitCql(startTimeout, access);
    } catch (IOException | RuntimeException e) {
      stop();
      throw e;
    }
    if (stateFile != null) {
      new NodeState(
              started.pid(), started.startedAt(), host(), port(), datacenter(), config.nodeDir())
          .write(stateFile);
    }
  }

  /** Shutdown hook: stops the node without taking the lock a stuck caller may hold. */
  private void stopOnExit() {
    NodeProcess current = process;
    if (current != null) {
      current.terminate();
      deleteStateFile();
    }
  }

  private void deleteStateFile() {
    if (stateFile != null) {
      try {
        Files.deleteIfExists(stateFile);
      } catch (IOException e) {
        // A stale record names a dead process, which startOrReuse ignores.
      }
    }
  }
}
