package io.cqlp.local;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A real Cassandra cluster of several nodes on this machine, each a child JVM as {@link
 * LocalCassandra} runs one, as ccm lays a cluster out: node {@code i} (0-based) listens on the
 * loopback address {@code 127.0.0.(i+2)} (all of {@code 127.0.0.0/8} is loopback on Linux), every
 * node on the same CQL and internode ports, the first node being the seed. Each node has its own
 * directory {@code clusterDir/node<i+1>} (see {@link NodeConfig}) and its own local JMX port.
 *
 * <p>{@link #start} launches the nodes one after another (a node joins the ring through the seed),
 * then waits until every node answers CQL and every node's gossip sees all nodes alive with their
 * tokens ({@link #awaitRing}). One node can be stopped ({@link #stop(int)}: SIGTERM, {@link
 * #kill(int)}: SIGKILL) and started again on demand ({@link #startAgain(int)}). {@link #close()}
 * stops every node; a shutdown hook does so if the JVM exits first.
 *
 * <p>Thread-safe: lifecycle methods are serialized.
 */
public final class LocalCluster implements AutoCloseable {

  /** Default heap of each node, in MiB: small, so that three nodes share a small machine. */
  public static final int DEFAULT_HEAP_MB = 640;

  private static final Duration RING_POLL = Duration.ofMillis(500);

  private final List<NodeConfig> configs;
  private final List<Path> classpath;
  private final Duration timeout;
  private final NodeProcess[] processes;
  private final Thread shutdownHook = new Thread(this::stopOnExit, "cqlp-local-cluster-stop");

  private LocalCluster(List<NodeConfig> configs, List<Path> classpath, Duration timeout) {
    this.configs = configs;
    this.classpath = classpath;
    this.timeout = timeout;
    this.processes = new NodeProcess[configs.size()];
  }

  /**
   * Starts a new cluster of {@code nodes} nodes and waits until its ring is complete.
   *
   * @param clusterDir parent of the node directories {@code node1..nodeN}; each is created, or
   *     emptied if it holds an earlier node (any other non-empty directory is refused)
   * @param libDir the Cassandra lib directory, e.g. {@link LocalCassandra#defaultLibDir()}
   * @param nodes how many nodes, 1 to 200
   * @param timeout how long to wait for each node to answer CQL, and again for the ring; positive
   * @param heapMb each node's JVM heap in MiB, at least 256 (e.g. {@link #DEFAULT_HEAP_MB})
   * @return the running cluster, owned by the caller, who must {@link #close()} it
   * @throws IOException if the jars are missing, a directory cannot be prepared, no ports are free
   *     on every address, a node exits while starting or does not answer within {@code timeout}
   *     (the message holds the end of its log), or the ring is not complete within {@code timeout};
   *     the nodes already started are then stopped
   * @throws IllegalArgumentException for a node count, heap or timeout out of range
   */
  public static LocalCluster start(
      Path clusterDir, Path libDir, int nodes, Duration timeout, int heapMb) throws IOException {
    if (nodes < 1 || nodes > 200) {
      throw new IllegalArgumentException("a local cluster has 1 to 200 nodes, not " + nodes);
    }
    if (heapMb < 256) {
      throw new IllegalArgumentException("heap must be at least 256 MiB, was " + heapMb);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    List<Path> classpath = CassandraJars.list(CassandraJars.require(libDir));
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      hosts.add(address(i));
    }
    List<Integer> shared = FreePorts.choose(hosts, 2);
    List<Integer> jmx = FreePorts.choose(List.of("127.0.0.1"), nodes + 2);
    jmx.removeAll(shared);
    List<NodeConfig> configs = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      Path dir = clusterDir.toAbsolutePath().resolve("node" + (i + 1));
      NodeConfig.prepareDir(dir);
      configs.add(
          NodeConfig.clusterNode(
              dir, hosts.get(i), shared.get(0), shared.get(1), jmx.get(i), heapMb, hosts.get(0)));
    }
    LocalCluster cluster = new LocalCluster(List.copyOf(configs), classpath, timeout);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      for (int i = 0; i < nodes; i++) {
        cluster.launch(i);
      }
      cluster.awaitRing();
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The address of node {@code i} (0-based): {@code 127.0.0.(i+2)}. */
  static String address(int i) {
    return "127.0.0." + (i + 2);
  }

  /** Number of nodes. */
  public int size() {
    return configs.size();
  }

  /** The nodes' CQL addresses, node 0 (the seed) first. */
  public List<String> hosts() {
    return configs.stream().map(NodeConfig::host).toList();
  }

  /** The CQL native transport port, the same on every node. */
  public int port() {
    return configs.get(0).nativePort();
  }

  /** Local data center name to give the driver: {@code datacenter1} (SimpleSnitch). */
  public String datacenter() {
    return NodeConfig.DATACENTER;
  }

  /** The directory of node {@code i}. */
  public Path nodeDir(int i) {
    return configs.get(i).nodeDir();
  }

  /** True if node {@code i}'s JVM is alive. */
  public synchronized boolean isRunning(int i) {
    return processes[i] != null && processes[i].isAlive();
  }

  /**
   * Process id of node {@code i}'s JVM.
   *
   * @throws IllegalStateException if the node is stopped
   */
  public synchronized long pid(int i) {
    if (processes[i] == null) {
      throw new IllegalStateException("node " + address(i) + " is stopped");
    }
    return processes[i].pid();
  }

  /**
   * Opens a driver session with every node as contact point; the caller closes it. Its request
   * timeout is 30 s, as {@link LocalCassandra#openSession()}.
   */
  public CqlSession openSession() {
    return NodeSessions.open(hosts(), port(), datacenter());
  }

  /**
   * Stops node {@code i} with SIGTERM (it drains), waiting for it to exit; see {@link
   * NodeProcess#terminate()}. Does nothing if it is stopped. Never throws.
   */
  public synchronized void stop(int i) {
    NodeProcess current = processes[i];
    processes[i] = null;
    if (current != null) {
      current.terminate();
    }
  }

  /**
   * Kills node {@code i} with SIGKILL (no drain: unflushed writes stay in its commit log, as after
   * a crash) and waits for the process to be gone. The other nodes' gossip marks it down about 20 s
   * later; until then requests they send it time out. Does nothing if it is stopped.
   */
  public synchronized void kill(int i) {
    NodeProcess current = processes[i];
    processes[i] = null;
    if (current != null) {
      current.kill();
    }
  }

  /**
   * Starts a stopped node again on its address, ports and data, and waits until it answers CQL and
   * the ring is complete again.
   *
   * @throws IOException as {@link #start}
   * @throws IllegalStateException if the node is running
   */
  public synchronized void startAgain(int i) throws IOException {
    if (processes[i] != null) {
      throw new IllegalStateException("node " + address(i) + " is already running");
    }
    launch(i);
    awaitRing();
  }

  /**
   * Waits until every running node's gossip sees every running node alive ({@code LiveNodes} of its
   * StorageService over JMX) and none unreachable or joining, and its token map names every node of
   * the cluster.
   *
   * @throws IOException if that does not happen within the start timeout, or on interruption
   */
  public synchronized void awaitRing() throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (true) {
      last = ringProblem();
      if (last == null) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "the local cluster's ring did not complete within "
                + timeout.toSeconds()
                + " s: "
                + last);
      }
      try {
        Thread.sleep(RING_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the local cluster's ring", e);
      }
    }
  }

  /** What keeps the ring from being complete, or null when it is. */
  private String ringProblem() {
    int running = 0;
    for (NodeProcess process : processes) {
      running += process != null ? 1 : 0;
    }
    for (int i = 0; i < processes.length; i++) {
      if (processes[i] == null) {
        continue;
      }
      NodeConfig config = configs.get(i);
      JMXServiceURL url;
      try {
        url =
            new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + config.jmxPort() + "/jmxrmi");
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
      try (JMXConnector jmx = JMXConnectorFactory.connect(url)) {
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        ObjectName storage = new ObjectName("org.apache.cassandra.db:type=StorageService");
        Collection<?> live = (Collection<?>) server.getAttribute(storage, "LiveNodes");
        Collection<?> unreachable =
            (Collection<?>) server.getAttribute(storage, "UnreachableNodes");
        Collection<?> joining = (Collection<?>) server.getAttribute(storage, "JoiningNodes");
        Map<?, ?> tokens = (Map<?, ?>) server.getAttribute(storage, "TokenToEndpointMap");
        int owners = new HashSet<>(tokens.values()).size();
        if (live.size() != running
            || !unreachable.isEmpty()
            || !joining.isEmpty()
            || owners != size()) {
          return config.host()
              + " sees live "
              + live
              + ", unreachable "
              + unreachable
              + ", joining "
              + joining
              + ", "
              + owners
              + " token owners";
        }
      } catch (IOException | javax.management.JMException e) {
        return config.host()
            + " does not answer JMX on 127.0.0.1:"
            + config.jmxPort()
            + " ("
            + e
            + ")";
      }
    }
    return null;
  }

  /** Stops every node at once (SIGTERM, then a kill if one does not exit); never throws. */
  @Override
  public synchronized void close() {
    List<Thread> stopping = new ArrayList<>();
    for (int i = 0; i < processes.length; i++) {
      NodeProcess current = processes[i];
      processes[i] = null;
      if (current != null) {
        Thread stop = new Thread(current::terminate, "cqlp-local-cluster-stop-" + i);
        stop.start();
        stopping.add(stop);
      }
    }
    for (Thread stop : stopping) {
      try {
        stop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to.
    }
  }

  @Override
  public String toString() {
    return "local Cassandra cluster " + hosts() + ":" + port();
  }

  /** Launches node {@code i} and waits until it answers CQL; kills it if it does not. */
  private void launch(int i) throws IOException {
    NodeProcess started = NodeProcess.launch(configs.get(i), classpath);
    processes[i] = started;
    try {
      started.awaitCql(timeout, NodeSessions.Access.PLAIN);
    } catch (IOException | RuntimeException e) {
      stop(i);
      throw e;
    }
  }

  /** Shutdown hook: kills what runs without taking the lock a stuck caller may hold. */
  private void stopOnExit() {
    for (NodeProcess process : processes) {
      if (process != null) {
        process.terminate();
      }
    }
  }
}
