package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY TO targets that cannot be written: a path whose {@code ..} leads to a missing directory, a
 * file where a directory is expected, a directory no one may create files in ({@code /proc}; tests
 * may run as root, where chmod does not bite), and a file system that refuses more bytes (a file
 * size limit, as a full disk) each get one line, and nothing is left at the target.
 */
@ExtendWith(CassandraExtension.class)
class HostilePathsIT {
  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    keyspace = CassandraExtension.createKeyspace(HostilePathsIT.class);
    node = CassandraExtension.node();
    CassandraExtension.session()
        .execute("CREATE TABLE " + keyspace + ".t (id int PRIMARY KEY, v text)");
    var insert =
        CassandraExtension.session()
            .prepare("INSERT INTO " + keyspace + ".t (id, v) VALUES (?, ?)");
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
    for (int id = 0; id < 3_000; id++) {
      inFlight.acquire();
      CassandraExtension.session()
          .executeAsync(insert.bind(id, "value number " + id + " " + "x".repeat(id % 97)))
          .whenComplete((r, e) -> inFlight.release());
    }
    inFlight.acquire(64);
    dir = Files.createTempDirectory("cqlp-paths");
  }

  @Test
  void should_refuse_unwritable_targets_in_one_line_each_and_leave_nothing() throws Exception {
    Path file = Files.writeString(dir.resolve("file.txt"), "a file, not a directory");
    String escaping =
        dir
            + "/../"
            + dir.getFileName()
            + "-missing/../../nowhere-"
            + dir.getFileName()
            + "/x.parquet";
    List<String> targets = List.of(escaping, file + "/x.parquet", "/proc/x.parquet");
    StringBuilder script = new StringBuilder();
    for (String target : targets) {
      script.append("COPY t TO '").append(target).append("';\n");
    }
    Shell.Result result =
        Shell.runRaw(script.toString(), node.host(), String.valueOf(node.port()), "-k", keyspace);

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.errLines()).as(result.err()).hasSize(targets.size());
    assertThat(result.err()).doesNotContain("\tat ", "Exception");
    for (int i = 0; i < targets.size(); i++) {
      assertThat(result.errLines().get(i))
          .startsWith("<stdin>:" + (i + 1) + ":")
          .contains(targets.get(i));
    }
    assertThat(result.errLines().get(0)).contains("does not exist");
    assertThat(Path.of("/proc/x.parquet")).doesNotExist();
    assertThat(Path.of("/proc/x.parquet.cqlp-checkpoint")).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("file.txt");
    }
  }

  @Test
  void should_stop_in_one_line_when_the_disk_refuses_more_bytes() throws Exception {
    Path target = dir.resolve("full.parquet");
    // bash's ulimit -f counts 1024-byte blocks: files may not grow past 48 KiB, as on a full disk.
    String command =
        "ulimit -f 48; exec "
            + Shell.home().resolve("bin/cqlp")
            + " "
            + node.host()
            + " "
            + node.port()
            + " -k "
            + keyspace
            + " -e \"COPY t TO '"
            + target
            + "' WITH CHUNKSIZE=500 AND COMPRESSION=NONE\"";
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", command).directory(Shell.home().toFile());
    builder.environment().put("HOME", Files.createTempDirectory("cqlp-home").toString());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(out + err).isEqualTo(2);
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(err).hasSize(1);
    assertThat(lines.get(0)).startsWith("<stdin>:1:").containsIgnoringCase("file too large");
    assertThat(err).doesNotContain("\tat ");
    assertThat(target).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains("full.parquet"));
    }
  }
}
