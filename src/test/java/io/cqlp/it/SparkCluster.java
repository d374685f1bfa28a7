package io.cqlp.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine for integration tests: one Master and {@code N}
 * Workers ({@code --cores 1 --memory 1g} each), each a JVM of its own started from the build's
 * SPARK_HOME ({@code target/spark}: {@code jars/}, {@code conf/}) as {@code /tmp}'s recipe and
 * {@code bin/cqlp-spark} do, on free ports of 127.0.0.1. Work directories and logs are in the
 * cluster's directory: {@code master.log}, {@code worker-N.log}, and each executor's {@code
 * stdout}/{@code stderr} under {@code worker-N/app-.../M/}.
 *
 * <p>{@link #close()} SIGKILLs the drivers of the cluster that this JVM started ({@link
 * #killDrivers()}), the Master, the Workers and every executor JVM they started (the Workers'
 * descendants, and any executor that names one of the Workers' addresses), and waits for them to be
 * gone; a JVM shutdown hook does the same if the test JVM ends without closing. Only the JVMs' own
 * pids are signalled: no shell stands between this JVM and the Master or Workers, and a Worker
 * starts its executors' {@code java} directly.
 */
final class SparkCluster implements AutoCloseable {

  /** The class name in an executor JVM's command line. */
  static final String EXECUTOR_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  /**
   * Spark 4's module options on Java 17+, as {@code bin/cqlp-spark} gives its driver (what
   * spark-class would give a Master or Worker).
   */
  private static final List<String> MODULE_OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private final Path sparkHome;
  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private final List<Integer> workerPorts;
  private final List<Process> daemons = new ArrayList<>();
  private final List<Integer> workerUiPorts;
  private Process master;
  private final List<Process> workers = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::killAll, "spark-cluster-cleanup");
  private boolean closed;

  private SparkCluster(Path sparkHome, Path dir, List<Integer> ports, int workerCount) {
    this.sparkHome = sparkHome;
    this.dir = dir;
    this.masterPort = ports.get(0);
    this.masterUiPort = ports.get(1);
    List<Integer> rpc = new ArrayList<>();
    List<Integer> ui = new ArrayList<>();
    for (int i = 0; i < workerCount; i++) {
      rpc.add(ports.get(2 + 2 * i));
      ui.add(ports.get(3 + 2 * i));
    }
    this.workerPorts = List.copyOf(rpc);
    this.workerUiPorts = List.copyOf(ui);
  }

  /** Launches the Master, then the Workers; returns at once. */
  private void launchAll() throws IOException {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    master =
        launch(
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(masterPort),
            "--webui-port",
            String.valueOf(masterUiPort));
    for (int i = 0; i < workerPorts.size(); i++) {
      Path work = dir.resolve("worker-" + (i + 1));
      Files.createDirectories(work);
      workers.add(
          launch(
              "worker-" + (i + 1),
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--port",
              String.valueOf(workerPorts.get(i)),
              "--webui-port",
              String.valueOf(workerUiPorts.get(i)),
              "--cores",
              "1",
              "--memory",
              "1g",
              "--work-dir",
              work.toString(),
              masterUrl()));
    }
  }

  /**
   * Starts a Master and {@code workerCount} Workers and waits until the Master counts every Worker
   * alive.
   *
   * @param sparkHome the SPARK_HOME the build lays out ({@code target/spark})
   * @param dir the cluster's directory, emptied first
   * @param workerCount Workers, at least 1
   * @return the running cluster; close it
   * @throws IOException if a JVM cannot be started, exits, or the Workers do not register within 90
   *     s; every JVM started is then killed and the message ends with the logs' tails
   */
  static SparkCluster start(Path sparkHome, Path dir, int workerCount) throws IOException {
    if (!Files.isDirectory(sparkHome.resolve("jars"))
        || !Files.isDirectory(sparkHome.resolve("app"))) {
      throw new IOException(sparkHome + " is not the build's SPARK_HOME: run mvn package first");
    }
    try {
      ObjectStorageIT.deleteTree(dir);
    } catch (Exception e) {
      throw new IOException("cannot empty " + dir, e);
    }
    Files.createDirectories(dir);
    SparkCluster cluster = null;
    try {
      cluster = new SparkCluster(sparkHome, dir, freePorts(2 + 2 * workerCount), workerCount);
      cluster.launchAll();
      cluster.awaitWorkers(workerCount);
      return cluster;
    } catch (IOException | RuntimeException e) {
      if (cluster != null) {
        String logs = cluster.logTails();
        cluster.close();
        throw new IOException(e.getMessage() + "\n" + logs, e);
      }
      throw e;
    }
  }

  /** The Master's URL, {@code spark://127.0.0.1:<port>}. */
  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /**
   * The JVM options a driver ({@code bin/cqlp-spark}, through {@code CQLP_SPARK_JAVA_OPTS}) needs
   * here: the driver's address the executors call back, and executors that fit a Worker's memory.
   */
  String driverJavaOptions() {
    return "-Dspark.driver.host=127.0.0.1 -Dspark.executor.memory=512m -Dspark.ui.enabled=false";
  }

  /** The cluster's directory: logs and Workers' work directories. */
  Path dir() {
    return dir;
  }

  /** The executor JVMs alive now: the Workers' descendants running {@value #EXECUTOR_CLASS}. */
  List<ProcessHandle> executors() {
    List<ProcessHandle> executors = new ArrayList<>();
    for (Process worker : workers) {
      worker
          .toHandle()
          .descendants()
          .filter(ProcessHandle::isAlive)
          .filter(p -> commandLine(p).contains(EXECUTOR_CLASS))
          .forEach(executors::add);
    }
    return executors;
  }

  /** An executor JVM and a file it has open. */
  record Writer(ProcessHandle executor, Path file) {}

  /**
   * An executor JVM that has a file under {@code directory} open now (Linux: {@code
   * /proc/<pid>/fd}), i.e. one that is running a task writing there, with one such file.
   */
  Optional<Writer> executorWritingUnder(Path directory) {
    Path root = directory.toAbsolutePath().normalize();
    for (ProcessHandle executor : executors()) {
      List<Path> open = openFilesUnder(executor, root);
      if (!open.isEmpty()) {
        return Optional.of(new Writer(executor, open.get(0)));
      }
    }
    return Optional.empty();
  }

  /** The files under {@code directory} that {@code process} has open now. */
  static List<Path> openFilesUnder(ProcessHandle process, Path directory) {
    List<Path> open = new ArrayList<>();
    Path fds = Path.of("/proc", String.valueOf(process.pid()), "fd");
    try (Stream<Path> list = Files.list(fds)) {
      for (Path fd : list.toList()) {
        try {
          Path file = Files.readSymbolicLink(fd);
          if (file.startsWith(directory)) {
            open.add(file);
          }
        } catch (IOException e) {
          // closed since the listing
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the process is gone
    }
    return open;
  }

  /**
   * SIGKILLs one process (an executor: no shutdown hook runs, as when its machine dies) and waits
   * until it is gone.
   *
   * @throws IllegalStateException if it is still alive after 30 s
   */
  void kill(ProcessHandle process) {
    process.destroyForcibly();
    try {
      process.onExit().get(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // checked below
    }
    if (process.isAlive()) {
      throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
    }
  }

  /**
   * SIGKILLs the drivers of this cluster that this JVM started ({@code bin/cqlp-spark} execs the
   * driver's {@code java}: a descendant whose command line names {@link #masterUrl()}), and waits
   * until they are gone; for a test that ends while its job still runs.
   */
  void killDrivers() {
    List<ProcessHandle> drivers =
        ProcessHandle.current()
            .descendants()
            .filter(p -> commandLine(p).contains(" " + masterUrl() + " "))
            .toList();
    drivers.forEach(ProcessHandle::destroyForcibly);
    awaitExit(drivers);
  }

  /** The last lines of the Master's, the Workers' and every executor's logs, for a message. */
  String logTails() {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path log :
          files
              .filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return name.endsWith(".log") || name.equals("stderr") || name.equals("stdout");
                  })
              .sorted()
              .toList()) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        text.append("--- ").append(log).append('\n');
        for (String line : lines.subList(Math.max(0, lines.size() - 40), lines.size())) {
          text.append(line).append('\n');
        }
      }
    } catch (IOException | UncheckedIOException e) {
      text.append("(logs unreadable: ").append(e).append(")\n");
    }
    return text.toString();
  }

  /** Kills every JVM of the cluster (see the class comment) and waits for them to be gone. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
    killAll();
  }

  private void killAll() {
    killDrivers();
    Set<ProcessHandle> doomed = new LinkedHashSet<>();
    // The Master first: no more executors are ordered. Then each Worker's descendants, found while
    // the Worker lives (a dead Worker's children are re-parented), then the Workers themselves.
    if (master != null) {
      master.destroyForcibly();
    }
    for (Process worker : workers) {
      worker.toHandle().descendants().forEach(doomed::add);
      doomed.add(worker.toHandle());
    }
    for (Process worker : workers) {
      worker.destroyForcibly();
    }
    for (Process daemon : daemons) {
      daemon.destroyForcibly();
      doomed.add(daemon.toHandle());
    }
    // An executor a Worker was launching while it was killed: it names the Worker's address.
    ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(
            p -> {
              String line = commandLine(p);
              return line.contains(EXECUTOR_CLASS)
                  && workerPorts.stream()
                      .anyMatch(port -> line.contains("spark://Worker@127.0.0.1:" + port + " "));
            })
        .forEach(doomed::add);
    doomed.forEach(ProcessHandle::destroyForcibly);
    awaitExit(doomed);
  }

  /** Waits up to 30 s in all for the processes to be gone. */
  private static void awaitExit(Iterable<ProcessHandle> processes) {
    long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
    for (ProcessHandle process : processes) {
      long left = deadline - System.nanoTime();
      try {
        process.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // timed out: nothing more to do than the kill already sent
      }
    }
  }

  private Process launch(String name, String mainClass, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(MODULE_OPTIONS);
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(sparkHome.resolve("conf") + File.pathSeparator + sparkHome.resolve("jars") + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(k -> k.startsWith("SPARK_"));
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    Process process = builder.start();
    daemons.add(process);
    return process;
  }

  private void awaitWorkers(int count) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    int alive = 0;
    while (true) {
      for (Process daemon : daemons) {
        if (!daemon.isAlive()) {
          throw new IOException(
              "a Spark JVM exited with code " + daemon.exitValue() + " while starting");
        }
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = ALIVE_WORKERS.matcher(response.body());
        if (response.statusCode() == 200 && m.find()) {
          alive = Integer.parseInt(m.group(1));
          if (alive >= count) {
            return;
          }
        }
      } catch (IOException e) {
        // the Master's web UI is not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the Spark Workers", e);
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "the Spark Master counted "
                + alive
                + " of "
                + count
                + " Workers alive after "
                + START_TIMEOUT.toSeconds()
                + " s");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the Spark Workers", e);
      }
    }
  }

  /** A process's command line, arguments joined by spaces and ended by one; "" if unreadable. */
  private static String commandLine(ProcessHandle process) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return process.info().commandLine().map(c -> c + " ").orElse("");
    }
  }

  /** {@code count} distinct ports that are free on 127.0.0.1 now. */
  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        ports.add(socket.getLocalPort());
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
