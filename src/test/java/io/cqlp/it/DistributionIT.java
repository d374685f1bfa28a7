package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution, {@code target/cqlp-<version>.tar.gz} and {@code .zip} with {@code
 * cqlp-<version>-cassandra.tar.gz} over it, unpacked into a temporary folder outside the repository
 * and run from there with a fresh HOME: no Maven, no checkout, no {@code ~/.m2}.
 */
@ExtendWith(CassandraExtension.class)
class DistributionIT {
  private static final String VERSION = System.getProperty("cqlp.version");
  private static final String TOP = "cqlp-" + VERSION + "/";

  @TempDir static Path dir;
  private static Path install;
  private static String keyspace;

  @BeforeAll
  static void unpack(CqlSession session) throws Exception {
    assertThat(VERSION).as("system property cqlp.version (set by failsafe)").isNotBlank();
    Path unpacked = Files.createDirectories(dir.resolve("opt"));
    untar(archive(".tar.gz"), unpacked);
    untar(archive("-cassandra.tar.gz"), unpacked);
    install = unpacked.resolve(TOP);
    keyspace = CassandraExtension.createKeyspace(DistributionIT.class);
    session.execute(
        "CREATE TABLE " + keyspace + ".scores (id int PRIMARY KEY, name text, score double)");
    session.execute(
        "CREATE TABLE " + keyspace + ".copied (id int PRIMARY KEY, name text, score double)");
    session.execute("INSERT INTO " + keyspace + ".scores (id, name, score) VALUES (1, 'ann', 1.5)");
    session.execute(
        "INSERT INTO " + keyspace + ".scores (id, name, score) VALUES (2, 'bob', -2.25)");
    session.execute(
        "INSERT INTO " + keyspace + ".scores (id, name, score) VALUES (3, 'cé', 100.125)");
  }

  @Test
  void should_hold_the_same_files_in_the_tar_gz_and_the_zip() throws Exception {
    List<String> tar =
        files(run(List.of("tar", "-tzf", archive(".tar.gz").toString())).lines().toList());
    List<String> zip;
    try (ZipFile file = new ZipFile(archive(".zip").toFile())) {
      zip = files(Collections.list(file.entries()).stream().map(ZipEntry::getName).toList());
    }

    assertThat(zip).isEqualTo(tar);
    assertThat(tar)
        .contains(
            TOP + "bin/cqlp",
            TOP + "lib/cqlp.jar",
            TOP + "README.md",
            TOP + "LICENSE",
            TOP + "licenses/THIRD-PARTY.txt",
            TOP + "lib/java-driver-core-4.19.3.jar",
            TOP + "lib/slf4j-jdk14-2.0.17.jar",
            TOP + "lib/tls/bcprov-jdk18on-1.87.jar",
            TOP + "lib/tls/bcpkix-jdk18on-1.87.jar",
            TOP + "lib/tls/bcutil-jdk18on-1.87.jar",
            TOP + "licenses/java-driver-core-4.19.3-jar/META-INF/LICENSE");
    // Bouncy Castle only in lib/tls/, off the class path (io.cqlp.tls.BouncyCastle)
    assertThat(tar.stream().filter(name -> name.contains("/lib/bc"))).isEmpty();
    assertThat(tar)
        .allMatch(name -> name.startsWith(TOP))
        .noneMatch(name -> name.contains("slf4j-nop"))
        .noneMatch(name -> name.contains("cassandra-all"));
    assertThat(install.resolve("bin/cqlp")).isExecutable();
    assertThat(Files.readString(install.resolve("LICENSE")))
        .contains("Apache License", "Version 2.0, January 2004");
    assertThat(Files.readString(install.resolve("licenses/THIRD-PARTY.txt")))
        .contains("(org.apache.cassandra:java-driver-core:4.19.3 - ");
  }

  @Test
  void should_put_the_cassandra_jars_under_the_same_top_folder() throws Exception {
    List<String> tar =
        files(
            run(List.of("tar", "-tzf", archive("-cassandra.tar.gz").toString())).lines().toList());

    assertThat(tar)
        .contains(TOP + "cassandra/licenses/THIRD-PARTY.txt")
        .anyMatch(name -> name.matches("cqlp-[^/]+/cassandra/lib/cassandra-all-5\\.0\\.\\d+\\.jar"))
        .allMatch(name -> name.startsWith(TOP + "cassandra/"));
  }

  @Test
  void should_query_and_copy_to_and_from_parquet_from_the_unpacked_folder(
      LocalCassandra node, CqlSession session) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home-copy"));
    Path export = dir.resolve("scores.parquet");

    Shell.Result select =
        cqlp(
            home,
            node.host(),
            String.valueOf(node.port()),
            "-e",
            "SELECT id, name, score FROM " + keyspace + ".scores WHERE id IN (1, 2, 3)");
    Shell.Result copy =
        cqlp(
            home,
            node.host(),
            String.valueOf(node.port()),
            "-k",
            keyspace,
            "-e",
            "COPY scores TO '" + export + "'; COPY copied FROM '" + export + "'");

    assertThat(select.exitCode()).as(select.err()).isZero();
    // As cqlsh 6.2.0 prints it.
    assertThat(select.out())
        .isEqualTo(
            "\n"
                + " id | name | score\n"
                + "----+------+---------\n"
                + "  1 |  ann |     1.5\n"
                + "  2 |  bob |   -2.25\n"
                + "  3 |   cé | 100.125\n"
                + "\n"
                + "(3 rows)\n");
    assertThat(copy.exitCode()).as(copy.err()).isZero();
    assertThat(copy.out()).contains("3 rows exported to 1 files", "3 rows imported from 1 files");
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.rows("SELECT id, name, score FROM '" + export + "' ORDER BY id"))
          .containsExactly(
              List.of(1, "ann", 1.5), List.of(2, "bob", -2.25), List.of(3, "cé", 100.125));
    }
    List<Row> rows = session.execute("SELECT id, name, score FROM " + keyspace + ".copied").all();
    assertThat(rows)
        .extracting(r -> r.getInt("id") + "," + r.getString("name") + "," + r.getDouble("score"))
        .containsExactlyInAnyOrder("1,ann,1.5", "2,bob,-2.25", "3,cé,100.125");
    // The class data sharing archive goes into the (writable) install folder.
    try (Stream<Path> cds = Files.list(install.resolve("cds"))) {
      assertThat(cds.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("cqlp.jsa"));
    }
  }

  /**
   * On the default JDK (17), the first run records its classes, the next assembles a static AppCDS
   * archive in the background, and later runs map cqlp's classes from it, picocli's (compiled for
   * Java 5, which a dynamic archive skips) included; each run prints only the query's result.
   */
  /** {@link #trainAndUse} with a one-shot query, which has an archive of its own. */
  private static String trainAndUseQuery(
      Path jdk, String cdsFolder, String archive, String homeFolder, LocalCassandra node)
      throws Exception {
    String query = "SELECT id, name FROM " + keyspace + ".scores WHERE id = 2";
    java.util.function.Consumer<String> bob =
        out -> assertThat(out).isEqualTo("\n id | name\n----+------\n  2 |  bob\n\n(1 rows)\n");
    return trainAndUse(jdk, cdsFolder, archive, homeFolder, node, query, bob, query, bob);
  }

  @Test
  void should_record_assemble_and_use_a_static_archive_on_the_default_jdk(LocalCassandra node)
      throws Exception {
    String classes =
        trainAndUseQuery(
            Path.of(System.getProperty("java.home")),
            "cds-jdk17",
            "cqlp-query.jsa",
            "home-jdk17",
            node);

    assertThat(classes)
        .contains(
            "io.cqlp.cli.Main source: shared objects file",
            "picocli.CommandLine source: shared objects file",
            "io.cqlp.wire.WireConnection source: shared objects file")
        // a plain SELECT is read over cqlp's own connection: no driver session is built
        .doesNotContain("com.datastax.oss.driver.internal.core.session.DefaultSession");
  }

  /**
   * On JDK 25 (Temurin 25 beside the default JDK; {@code -Dcqlp.jdk25=<home>} names another), the
   * same three steps make an AOT cache (JEP 483), and each run prints only the query's result: no
   * sun.misc.Unsafe warning, no AOT message.
   */
  @Test
  void should_train_and_use_an_aot_cache_on_jdk_25_with_clean_output(LocalCassandra node)
      throws Exception {
    Path jdk = Path.of(System.getProperty("cqlp.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    assertThat(jdk.resolve("bin/java")).as("a JDK 25 (set -Dcqlp.jdk25)").isExecutable();

    String classes = trainAndUseQuery(jdk, "cds-jdk25", "cqlp-query-jdk25.aot", "home-jdk25", node);

    assertThat(classes).contains("io.cqlp.cli.Main source: shared objects file");
  }

  /**
   * Every run but a one-shot query has the other archive, whose recording run also converts the
   * bundled training file (in a temporary folder it deletes): after two CSV exports, which never
   * touch Parquet, a Parquet export finds every class it loads from parquet-java in the archive, on
   * Java 17 and on JDK 25 (whose recording run also used snappy-java's native library without a
   * warning).
   */
  @Test
  void should_hold_the_classes_of_copy_in_the_archive_of_every_other_run(LocalCassandra node)
      throws Exception {
    String copy = "COPY " + keyspace + ".scores (id, name, score) TO STDOUT";
    java.util.function.Consumer<String> rows =
        out ->
            assertThat(out.lines().toList())
                .containsExactlyInAnyOrder("1,ann,1.5", "2,bob,-2.25", "3,cé,100.125");
    Path jdk25 = Path.of(System.getProperty("cqlp.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    for (Path jdk : List.of(Path.of(System.getProperty("java.home")), jdk25)) {
      String name = jdk.equals(jdk25) ? "copy-jdk25" : "copy-jdk17";
      String archive = jdk.equals(jdk25) ? "cqlp-jdk25.aot" : "cqlp.jsa";

      Path parquet = dir.resolve(name + ".parquet");
      String classes =
          trainAndUse(
              jdk,
              "cds-" + name,
              archive,
              "home-" + name,
              node,
              copy,
              rows,
              "COPY " + keyspace + ".scores TO '" + parquet + "' WITH COMPRESSION='SNAPPY'",
              out -> assertThat(out).startsWith("3 rows exported to 1 files in "));

      assertThat(classes)
          .as(name)
          .contains(
              "org.apache.parquet.hadoop.ParquetFileWriter source: shared objects file",
              "io.cqlp.format.parquet.write.ParquetRowWriter source: shared objects file")
          .doesNotContainPattern("source: file:\\S*/lib/parquet-");
      try (Stream<Path> left = Files.list(dir.resolve("tmp-home-" + name))) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .as("training folders left in java.io.tmpdir")
            .noneMatch(n -> n.startsWith("cqlp-archive-training-"));
      }
      try (DuckDb duck = new DuckDb()) {
        assertThat(duck.longValue("SELECT sum(id) FROM " + DuckDb.literal(parquet))).isEqualTo(6);
      }
    }
  }

  /**
   * Runs one-shot statements three times on a JDK with an empty archive folder: records, assembles
   * (waits for the background step), then uses the archive with {@code lastStatement}.
   *
   * @return the class-load log of the last run
   */
  private static String trainAndUse(
      Path jdk,
      String cdsFolder,
      String archive,
      String homeFolder,
      LocalCassandra node,
      String statement,
      java.util.function.Consumer<String> output,
      String lastStatement,
      java.util.function.Consumer<String> lastOutput)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve(homeFolder));
    Path cds = Files.createDirectories(dir.resolve(cdsFolder));
    Path classes = dir.resolve(cdsFolder + "-classes.log");
    String tmp = "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp-" + homeFolder));

    Shell.Result training = oneShot(jdk, home, cds, Map.of("CQLP_JAVA_OPTS", tmp), node, statement);
    output.accept(training.out());
    assertThat(training.err()).isEmpty();
    assertThat(cds.resolve(archive + ".conf")).doesNotExist();
    Shell.Result assembling =
        oneShot(jdk, home, cds, Map.of("CQLP_JAVA_OPTS", tmp), node, statement);
    output.accept(assembling.out());
    assertThat(assembling.err()).isEmpty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while ((Files.exists(cds.resolve(archive + ".conf")) || !Files.exists(cds.resolve(archive)))
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Shell.Result cached =
        oneShot(
            jdk,
            home,
            cds,
            Map.of("CQLP_JAVA_OPTS", tmp + " -Xlog:class+load=info:file=" + classes),
            node,
            lastStatement);

    lastOutput.accept(cached.out());
    assertThat(cached.err()).isEmpty();
    assertThat(cds.resolve(archive)).exists();
    return Files.readString(classes);
  }

  private static Shell.Result oneShot(
      Path jdk, Path home, Path cds, Map<String, String> more, LocalCassandra node, String query)
      throws IOException, InterruptedException {
    Map<String, String> env = new java.util.HashMap<>(more);
    env.put("HOME", home.toString());
    env.put("CQLP_CDS_DIR", cds.toString());
    env.put("JAVA_HOME", jdk.toString());
    Shell.Result result =
        Shell.runScript(
            install.resolve("bin/cqlp"),
            dir,
            env,
            null,
            node.host(),
            String.valueOf(node.port()),
            "-e",
            query);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result;
  }

  @Test
  void should_load_every_class_from_the_unpacked_folder_and_nothing_from_maven() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home-version"));

    Shell.Result result =
        Shell.runScript(
            install.resolve("bin/cqlp"),
            dir,
            Map.of("HOME", home.toString(), "CQLP_JAVA_OPTS", "-XshowSettings:properties"),
            null,
            "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("cqlp " + VERSION + "\n");
    // -XshowSettings:properties lists the class path, one entry a line, on standard error.
    String settings = result.err();
    assertThat(settings)
        .contains(
            "java.class.path = " + install.resolve("lib/cqlp.jar"),
            "cqlp.cassandra.lib = " + install.resolve("cassandra/lib"),
            "cqlp.tls.lib = " + install.resolve("lib/tls"),
            "user.home = " + home);
    assertThat(settings).doesNotContain(Shell.home().toString(), ".m2");
  }

  @Test
  void should_give_the_jvm_a_512_mib_heap_unless_the_options_name_one() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home-heap"));

    Shell.Result launched =
        Shell.runScript(
            install.resolve("bin/cqlp"),
            dir,
            Map.of("HOME", home.toString(), "CQLP_JAVA_OPTS", "-XshowSettings:vm"),
            null,
            "--version");
    Shell.Result chosen =
        Shell.runScript(
            install.resolve("bin/cqlp"),
            dir,
            Map.of("HOME", home.toString(), "CQLP_JAVA_OPTS", "-Xmx300m -XshowSettings:vm"),
            null,
            "--version");

    // -XshowSettings:vm prints the maximum heap on standard error.
    assertThat(launched.exitCode()).isZero();
    assertThat(launched.err()).contains("Max. Heap Size: 512.00M");
    assertThat(chosen.exitCode()).isZero();
    assertThat(chosen.err()).contains("Max. Heap Size: 300.00M").doesNotContain("512.00M");
  }

  @Test
  void should_start_a_local_node_from_the_unpacked_folder() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home-local"));

    Shell.Result result = cqlp(home, "--local", "-e", "SELECT release_version FROM system.local");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).startsWith("Starting a local Cassandra node (about 20 seconds)...");
    assertThat(result.out()).contains(" release_version", "           5.0.9", "(1 rows)");
    assertThat(home.resolve(".cqlp/local")).isDirectory();
  }

  /** Runs the unpacked bin/cqlp from the temporary folder with this HOME. */
  private static Shell.Result cqlp(Path home, String... args)
      throws IOException, InterruptedException {
    return Shell.runScript(
        install.resolve("bin/cqlp"), dir, Map.of("HOME", home.toString()), null, args);
  }

  private static Path archive(String suffix) {
    return Shell.home().resolve("target").resolve("cqlp-" + VERSION + suffix);
  }

  private static void untar(Path archive, Path into) throws IOException, InterruptedException {
    run(List.of("tar", "-xzf", archive.toString(), "-C", into.toString()));
  }

  /** The entries that are files, sorted. */
  private static List<String> files(List<String> entries) {
    return List.copyOf(new TreeSet<>(entries.stream().filter(e -> !e.endsWith("/")).toList()));
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(command + ": " + output).isZero();
    return output;
  }
}
