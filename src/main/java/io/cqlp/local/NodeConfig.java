package io.cqlp.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything that tells one local Cassandra node apart: its directory, address and ports, and heap;
 * and the files and JVM command line derived from them.
 *
 * <p>Layout under {@link #nodeDir()}: {@code conf/cassandra.yaml}, {@code conf/logback.xml}, {@code
 * data/} (data, commit log, saved caches, hints, CDC), {@code logs/system.log} (the node's own log)
 * and {@code logs/output.log} (the JVM's stdout and stderr).
 *
 * @param nodeDir the node's directory, absolute; not null
 * @param host the listen, RPC and seed address, e.g. {@code 127.0.0.1}; not null
 * @param storagePort internode (gossip, streaming) port
 * @param nativePort CQL native transport port
 * @param jmxPort local-only JMX port (what {@code nodetool} talks to)
 * @param heapMb JVM heap in MiB, used for both {@code -Xms} and {@code -Xmx}
 * @param certificates the TLS files of the CQL port, or null for plain CQL
 * @param passwordAuthentication whether clients must log in ({@code PasswordAuthenticator})
 * @param seeds the seed address of a cluster's node (its ring is joined through it), or null for a
 *     single node that is its own seed
 */
record NodeConfig(
    Path nodeDir,
    String host,
    int storagePort,
    int nativePort,
    int jmxPort,
    int heapMb,
    NodeCertificates certificates,
    boolean passwordAuthentication,
    String seeds) {

  /** A node with plain CQL and no login. */
  NodeConfig(Path nodeDir, String host, int storagePort, int nativePort, int jmxPort, int heapMb) {
    this(nodeDir, host, storagePort, nativePort, jmxPort, heapMb, null, false);
  }

  /** A single node (its own seed). */
  NodeConfig(
      Path nodeDir,
      String host,
      int storagePort,
      int nativePort,
      int jmxPort,
      int heapMb,
      NodeCertificates certificates,
      boolean passwordAuthentication) {
    this(
        nodeDir,
        host,
        storagePort,
        nativePort,
        jmxPort,
        heapMb,
        certificates,
        passwordAuthentication,
        null);
  }

  /**
   * A plain node of a local cluster ({@link LocalCluster}): {@value #CLUSTER_NUM_TOKENS} vnodes, no
   * bootstrap streaming (every node starts empty), joined through {@code seeds}.
   */
  static NodeConfig clusterNode(
      Path nodeDir,
      String host,
      int storagePort,
      int nativePort,
      int jmxPort,
      int heapMb,
      String seeds) {
    return new NodeConfig(
        nodeDir, host, storagePort, nativePort, jmxPort, heapMb, null, false, seeds);
  }

  /**
   * Vnodes of a cluster's node: few, so that the driver's token map and the scan plan stay small.
   */
  static final int CLUSTER_NUM_TOKENS = 8;

  /** Cluster name written to cassandra.yaml. */
  static final String CLUSTER_NAME = "cqlp-local";

  /** Data center name that {@code SimpleSnitch} reports, and the driver must be given. */
  static final String DATACENTER = "datacenter1";

  /** Ring delay of a node, in ms ({@code cassandra.ring_delay_ms}); Cassandra's default is 30 s. */
  static final int RING_DELAY_MS = 1000;

  /** Main class of a Cassandra server. */
  static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

  /**
   * Module options Cassandra needs on Java 17: the JPMS section of Cassandra 5.0's own {@code
   * conf/jvm17-server.options}.
   */
  static final List<String> JAVA17_MODULE_OPTIONS =
      List.of(
          "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
          "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens", "java.base/java.io=ALL-UNNAMED",
          "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
          "--add-opens", "java.base/java.lang=ALL-UNNAMED",
          "--add-opens", "java.base/java.util=ALL-UNNAMED");

  /** The node's cassandra.yaml. */
  Path yamlFile() {
    return nodeDir.resolve("conf").resolve("cassandra.yaml");
  }

  /** The node's logback configuration. */
  Path logbackFile() {
    return nodeDir.resolve("conf").resolve("logback.xml");
  }

  /** Root of everything the node stores (its {@code cassandra.storagedir}). */
  Path dataDir() {
    return nodeDir.resolve("data");
  }

  /** Directory of the node's logs. */
  Path logDir() {
    return nodeDir.resolve("logs");
  }

  /** The node's own log, written by logback. */
  Path systemLog() {
    return logDir().resolve("system.log");
  }

  /** The JVM's stdout and stderr (JVM errors that come before logging starts land here). */
  Path outputLog() {
    return logDir().resolve("output.log");
  }

  /**
   * Renders cassandra.yaml: the minimal single-node settings of docs/measurements.md ("A Cassandra
   * node from Maven Central"), plus {@code auto_snapshot: false} so that DROP and TRUNCATE in tests
   * do not write snapshots. Everything else keeps Cassandra 5.0's defaults, so that measurements on
   * this node stay representative. A cluster's node ({@link #seeds()} set) names that seed, has
   * {@value #CLUSTER_NUM_TOKENS} vnodes and {@code auto_bootstrap: false}.
   *
   * @return the YAML text, with forward-slash absolute paths
   */
  String yaml() {
    Path data = dataDir();
    return String.join(
            "\n",
            "# Written by cqlp for a local single-node Cassandra; rewritten on every start.",
            "cluster_name: " + CLUSTER_NAME,
            "num_tokens: " + (seeds == null ? 16 : CLUSTER_NUM_TOKENS),
            "allocate_tokens_for_local_replication_factor: 1",
            "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
            "endpoint_snitch: SimpleSnitch",
            "data_file_directories:",
            "  - " + quoted(data.resolve("data")),
            "commitlog_directory: " + quoted(data.resolve("commitlog")),
            "saved_caches_directory: " + quoted(data.resolve("saved_caches")),
            "hints_directory: " + quoted(data.resolve("hints")),
            "cdc_raw_directory: " + quoted(data.resolve("cdc_raw")),
            "commitlog_sync: periodic",
            "commitlog_sync_period: 10000ms",
            "seed_provider:",
            "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
            "    parameters:",
            "      - seeds: \"" + (seeds == null ? host : seeds) + ":" + storagePort + "\"",
            "listen_address: " + host,
            "rpc_address: " + host,
            "storage_port: " + storagePort,
            "native_transport_port: " + nativePort,
            "start_native_transport: true",
            "auto_snapshot: false",
            "")
        // Nodes of a local cluster start empty together: nothing to stream on joining.
        + (seeds == null ? "" : "auto_bootstrap: false\n")
        + securityYaml();
  }

  /** The authenticator and TLS lines, empty for a plain node. */
  private String securityYaml() {
    StringBuilder yaml = new StringBuilder();
    if (passwordAuthentication) {
      yaml.append("authenticator: PasswordAuthenticator\n");
    }
    if (certificates != null) {
      yaml.append("client_encryption_options:\n")
          .append("  enabled: true\n")
          .append("  optional: false\n")
          .append("  keystore: ")
          .append(quoted(certificates.keystore()))
          .append("\n")
          .append("  keystore_password: \"")
          .append(certificates.keystorePassword())
          .append("\"\n")
          .append("  store_type: PKCS12\n")
          .append("  require_client_auth: false\n");
    }
    return yaml.toString();
  }

  /**
   * Renders a logback configuration that writes the node's log to {@link #systemLog()} only
   * (nothing to stdout), at INFO.
   *
   * @return the XML text
   */
  String logbackXml() {
    String file = xmlEscaped(systemLog().toString());
    return String.join(
        "\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<configuration scan=\"false\">",
        "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">",
        "    <file>" + file + "</file>",
        "    <append>true</append>",
        "    <encoder>",
        "      <pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern>",
        "    </encoder>",
        "  </appender>",
        "  <root level=\"INFO\">",
        "    <appender-ref ref=\"FILE\"/>",
        "  </root>",
        "</configuration>",
        "");
  }

  /**
   * Creates the node's directories and (re)writes cassandra.yaml and logback.xml. Existing data and
   * logs are kept.
   *
   * @throws IOException if a directory or file cannot be written
   */
  void writeFiles() throws IOException {
    Files.createDirectories(yamlFile().getParent());
    Files.createDirectories(dataDir());
    Files.createDirectories(logDir());
    Files.writeString(yamlFile(), yaml(), StandardCharsets.UTF_8);
    Files.writeString(logbackFile(), logbackXml(), StandardCharsets.UTF_8);
  }

  /**
   * Builds the command line that runs this node in the foreground. A {@code jamm-<version>.jar} on
   * the classpath is also loaded as a Java agent, as Cassandra's own start scripts do.
   *
   * @param java the {@code java} executable; not null
   * @param classpath the jars of the node, in classpath order; not null, not empty
   * @return the command, program first
   */
  List<String> command(Path java, List<Path> classpath) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xms" + heapMb + "M");
    command.add("-Xmx" + heapMb + "M");
    command.add("-XX:+UseG1GC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:ErrorFile=" + logDir().resolve("hs_err_pid%p.log"));
    command.addAll(JAVA17_MODULE_OPTIONS);
    command.add("-Djdk.attach.allowAttachSelf=true");
    command.add("-Dio.netty.tryReflectionSetAccessible=true");
    command.add("-Dio.netty.allocator.useCacheForAllThreads=true");
    command.add("-Dio.netty.allocator.maxOrder=11");
    command.add("-Dcassandra-foreground=yes");
    command.add("-Dcassandra.config=" + yamlFile().toUri());
    command.add("-Dcassandra.storagedir=" + dataDir());
    command.add("-Dcassandra.logdir=" + logDir());
    command.add("-Dcassandra.jmx.local.port=" + jmxPort);
    // JMX listens on the loopback address 127.0.0.1 whatever the node's own address.
    command.add("-Djava.rmi.server.hostname=127.0.0.1");
    // A single seed has no peers to wait for: skip the gossip settle wait before CQL opens, and
    // shorten the ring delay (30 s by default) that a new node waits before choosing its tokens.
    command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    command.add("-Dcassandra.ring_delay_ms=" + RING_DELAY_MS);
    if (passwordAuthentication) {
      // Create the default superuser at once rather than 10 s after start.
      command.add("-Dcassandra.superuser_setup_delay_ms=0");
    }
    command.add("-Dlogback.configurationFile=" + logbackFile());
    // Cassandra's own start script loads jamm as an agent for memtable size accounting.
    classpath.stream()
        .filter(jar -> jar.getFileName().toString().matches("jamm-[0-9.]+\\.jar"))
        .findFirst()
        .ifPresent(jamm -> command.add("-javaagent:" + jamm));
    command.add("-cp");
    command.add(joinPaths(classpath));
    command.add(MAIN_CLASS);
    return command;
  }

  /**
   * Makes {@code dir} an empty node directory: creates it if missing, keeps it if empty, and
   * empties it if it holds an earlier node (a {@code conf/cassandra.yaml}). Any other non-empty
   * directory is refused, so that a wrong path never loses unrelated files.
   *
   * @param dir the node directory, absolute; not null
   * @throws IOException if it is a non-empty directory that is not a node's, or cannot be created
   *     or emptied
   */
  static void prepareDir(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir);
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    }
    if (!Files.isRegularFile(dir.resolve("conf").resolve("cassandra.yaml"))) {
      throw new IOException(
          "refusing to empty "
              + dir
              + ": it is not a local Cassandra node directory; give an empty or new directory");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(dir)) {
          Files.delete(path);
        }
      }
    }
  }

  private static String joinPaths(List<Path> paths) {
    List<String> parts = new ArrayList<>(paths.size());
    paths.forEach(p -> parts.add(p.toString()));
    return String.join(java.io.File.pathSeparator, parts);
  }

  private static String quoted(Path path) {
    String text = path.toAbsolutePath().toString().replace('\\', '/');
    return "'" + text.replace("'", "''") + "'";
  }

  private static String xmlEscaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
