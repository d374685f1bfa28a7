package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import io.cqlp.transfer.job.ExportJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * cqlp-spark on a real Spark standalone cluster ({@link SparkCluster}: a Master and two Workers of
 * one core each, separate JVMs), started once for the class: about 300,000 real flights are
 * exported while an executor JVM is SIGKILLed in the middle of a task; Spark runs the lost task
 * again elsewhere, and the committed dataset holds every row of the table once, as the shell's own
 * export of it.
 *
 * <p>The class is for both directions of COPY on the cluster: the table, the cluster, {@link
 * #spark} and {@link #killAnExecutorWhile} serve any test method here.
 */
@ExtendWith(CassandraExtension.class)
class SparkClusterIT {
  private static final FlightSlices SLICES = new FlightSlices(100_000, FlightSlices.THREE_MONTHS);
  private static final Pattern TASKS = Pattern.compile("(\\d+) Spark tasks, (\\d+) retried\\.");
  private static final String COLUMNS = "origin, date, destination, delay, distance";

  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;
  private static SparkCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    keyspace = CassandraExtension.createKeyspace(SparkClusterIT.class);
    node = CassandraExtension.node();
    FlightSlices.createTables(keyspace, List.of("flights"));
    dir = Shell.home().resolve("target/it/spark-cluster-copy");
    ObjectStorageIT.deleteTree(dir);
    Files.createDirectories(dir);
    // The cluster starts while the table loads; it is kept for @AfterAll whatever the load does.
    ExecutorService starter = Executors.newSingleThreadExecutor();
    Future<SparkCluster> starting =
        starter.submit(
            () ->
                SparkCluster.start(
                    Shell.home().resolve("target/spark"),
                    Shell.home().resolve("target/it/spark-cluster"),
                    2));
    try {
      Shell.Result load = shell(SLICES.loadStatements("flights"));
      assertThat(load.err()).isEmpty();
    } finally {
      cluster = starting.get();
      starter.shutdown();
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Shell.Result shell(String statements) throws Exception {
    return Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statements);
  }

  /** Runs {@code bin/cqlp-spark --master <the cluster> host port -k keyspace args...}. */
  private static Shell.Result spark(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "--master",
                cluster.masterUrl(),
                node.host(),
                String.valueOf(node.port()),
                "-k",
                keyspace));
    command.addAll(List.of(args));
    return Shell.runScript(
        Shell.home().resolve("bin/cqlp-spark"),
        Shell.home(),
        Map.of("CQLP_SPARK_JAVA_OPTS", cluster.driverJavaOptions()),
        null,
        command.toArray(String[]::new));
  }

  private static long tableRows() {
    return tableRows("flights");
  }

  private static long tableRows(String table) {
    return CassandraExtension.session()
        .execute("SELECT count(*) FROM " + keyspace + "." + table)
        .one()
        .getLong(0);
  }

  @Test
  void an_executor_killed_in_a_task_costs_a_retry_and_no_row() throws Exception {
    Path target = dir.resolve("killed");
    String copy = "COPY flights TO '" + target + "/' WITH PARTITION='origin'";
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<Shell.Result> job = runner.submit(() -> spark("--tasks", "24", "-e", copy));
    Shell.Result run;
    long killed;
    try {
      killed = killAnExecutorWhile(job, ".killed.cqlp-tmp-");
      run = job.get(5, TimeUnit.MINUTES);
    } finally {
      if (!job.isDone()) {
        cluster.killDrivers();
      }
      runner.shutdownNow();
    }
    System.out.println("cqlp-spark: " + run.out().strip());
    assertThat(ProcessHandle.of(killed).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(run.exitCode()).as(run.err() + "\n" + cluster.logTails()).isZero();
    long rows = tableRows();
    assertThat(rows).isGreaterThan(290_000);
    assertThat(run.out()).contains(rows + " rows exported to ");
    Matcher tasks = TASKS.matcher(run.out());
    assertThat(tasks.find()).as(run.out()).isTrue();
    assertThat(tasks.group(1)).isEqualTo("24");
    // The killed executor had a task attempt's file open when it died: that task ran again.
    assertThat(Integer.parseInt(tasks.group(2))).as(run.out()).isGreaterThanOrEqualTo(1);
    assertThat(target.resolve("_SUCCESS")).exists();

    Path mine = dir.resolve("shell");
    Shell.Result export = shell("COPY flights TO '" + mine + "/' WITH PARTITION='origin'");
    assertThat(export.exitCode()).as(export.err()).isZero();
    try (DuckDb duck = new DuckDb()) {
      String theirs = dataset(target);
      assertThat(duck.longValue("SELECT count(*) FROM " + theirs)).isEqualTo(rows);
      assertThat(
              duck.longValue("SELECT count(*) - count(DISTINCT (" + COLUMNS + ")) FROM " + theirs))
          .as("rows written twice")
          .isZero();
      String shells = dataset(mine);
      assertThat(duck.longValue("SELECT count(*) FROM " + shells)).isEqualTo(rows);
      assertThat(exceptAll(duck, shells, theirs)).as("rows missing").isZero();
      assertThat(exceptAll(duck, theirs, shells)).as("rows not in the table").isZero();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.startsWith(".") || n.equals(ExportJob.TEMPORARY)))
          .as("no job, staging or attempt directory is left")
          .isEmpty();
    }
  }

  @Test
  void an_executor_killed_while_loading_leaves_the_table_equal_to_the_source() throws Exception {
    Path source = dir.resolve("source");
    Shell.Result export = shell("COPY flights TO '" + source + "/' WITH PARTITION='origin'");
    assertThat(export.exitCode()).as(export.err()).isZero();
    CassandraExtension.session().execute(FlightSlices.createTable(keyspace, "flights_back"));
    String copy =
        "COPY flights_back FROM '" + source + "/' WITH ERRFILE='" + dir.resolve("back.err") + "'";
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<Shell.Result> job = runner.submit(() -> spark("--tasks", "24", "-e", copy));
    Shell.Result run;
    long killed;
    try {
      killed = killAnExecutorReading(job, source);
      run = job.get(5, TimeUnit.MINUTES);
    } finally {
      if (!job.isDone()) {
        cluster.killDrivers();
      }
      runner.shutdownNow();
    }
    System.out.println("cqlp-spark: " + run.out().strip());
    assertThat(ProcessHandle.of(killed).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(run.exitCode()).as(run.err() + "\n" + cluster.logTails()).isZero();
    long rows = tableRows();
    assertThat(tableRows("flights_back")).isEqualTo(rows);
    assertThat(run.out()).contains(rows + " rows imported from ");
    Matcher tasks = TASKS.matcher(run.out());
    assertThat(tasks.find()).as(run.out()).isTrue();
    assertThat(tasks.group(1)).isEqualTo("24");
    // The killed executor was reading a task's file when it died: that task ran again.
    assertThat(Integer.parseInt(tasks.group(2))).as(run.out()).isGreaterThanOrEqualTo(1);
    assertThat(dir.resolve("back.err")).doesNotExist();

    Path back = dir.resolve("back");
    Shell.Result exported = shell("COPY flights_back TO '" + back + "/' WITH PARTITION='origin'");
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.longValue("SELECT count(*) FROM " + dataset(back))).isEqualTo(rows);
      assertThat(exceptAll(duck, dataset(source), dataset(back))).as("rows missing").isZero();
      assertThat(exceptAll(duck, dataset(back), dataset(source)))
          .as("rows not in the source")
          .isZero();
    }
  }

  /**
   * Waits until an executor of the job of {@code job} has a file of {@code source} open (a task
   * reading its share), and SIGKILLs that executor at once.
   *
   * @return the killed executor's pid
   */
  private static long killAnExecutorReading(Future<Shell.Result> job, Path source)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      if (job.isDone()) {
        Shell.Result run = job.get();
        fail(
            "the job ended before an executor could be killed in a task: " + run.out() + run.err());
      }
      Optional<SparkCluster.Writer> reader = cluster.executorWritingUnder(source);
      if (reader.isPresent()) {
        cluster.kill(reader.get().executor());
        System.out.printf(
            "SIGKILLed executor %d while it read %s%n",
            reader.get().executor().pid(), reader.get().file());
        return reader.get().executor().pid();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no executor read a task's files within 4 minutes");
  }

  /**
   * Waits until the job of {@code job} is under way, a task attempt published under the job
   * directory (the entry of {@link #dir} named {@code jobPrefix...}) and an executor writing a file
   * of another attempt there, and SIGKILLs that executor at once.
   *
   * @return the killed executor's pid
   */
  private static long killAnExecutorWhile(Future<Shell.Result> job, String jobPrefix)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      if (job.isDone()) {
        Shell.Result run = job.get();
        fail(
            "the job ended before an executor could be killed in a task: exit "
                + run.exitCode()
                + "\n"
                + run.out()
                + run.err());
      }
      Optional<Path> temporary = jobDirectory(jobPrefix).map(d -> d.resolve(ExportJob.TEMPORARY));
      if (temporary.isPresent() && publishedAttempts(temporary.get()) > 0) {
        Optional<SparkCluster.Writer> writer = cluster.executorWritingUnder(temporary.get());
        if (writer.isPresent()) {
          cluster.kill(writer.get().executor());
          System.out.printf(
              "SIGKILLed executor %d while it wrote %s (%d attempts published)%n",
              writer.get().executor().pid(),
              writer.get().file(),
              publishedAttempts(temporary.get()));
          return writer.get().executor().pid();
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no executor wrote a task's files within 4 minutes");
  }

  private static Optional<Path> jobDirectory(String prefix) throws Exception {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
    }
  }

  private static long publishedAttempts(Path temporary) {
    try (Stream<Path> entries = Files.list(temporary)) {
      return entries
          .filter(p -> p.getFileName().toString().matches("task-\\d+-attempt-\\d+"))
          .count();
    } catch (Exception e) {
      return 0;
    }
  }

  private static String dataset(Path directory) {
    return "read_parquet("
        + DuckDb.literal(directory + "/**/*.parquet")
        + ", hive_partitioning = true)";
  }

  private static long exceptAll(DuckDb duck, String a, String b) throws Exception {
    return duck.longValue(
        "SELECT count(*) FROM (SELECT "
            + COLUMNS
            + " FROM "
            + a
            + " EXCEPT ALL SELECT "
            + COLUMNS
            + " FROM "
            + b
            + ")");
  }
}
