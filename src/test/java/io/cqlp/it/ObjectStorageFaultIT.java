package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exports to a real S3 server (s3proxy) that fail: wrong credentials, a missing bucket, an endpoint
 * that is not there, the server going away mid-export, and a SIGTERM. Each ends with one line and
 * exit status 2 (143 for SIGTERM), and leaves no object and no pending multipart upload under the
 * target.
 */
@ExtendWith(CassandraExtension.class)
class ObjectStorageFaultIT {
  private static final int ROWS = 150_000;

  private static String keyspace;
  private static LocalCassandra node;
  private static S3Server s3;
  private static String bucket;

  @BeforeAll
  static void load() throws Exception {
    keyspace = CassandraExtension.createKeyspace(ObjectStorageFaultIT.class);
    node = CassandraExtension.node();
    s3 = S3Server.shared();
    bucket = s3.createBucket("faults");
    CassandraExtension.session()
        .execute("CREATE TABLE " + keyspace + ".t (id bigint PRIMARY KEY, g int, v text)");
    Path csv = Shell.home().resolve("target/it/object-storage-faults.csv");
    Files.createDirectories(csv.getParent());
    StringBuilder text = new StringBuilder();
    String pad = "x".repeat(90);
    for (int i = 0; i < ROWS; i++) {
      text.append(i)
          .append(',')
          .append(i % 10)
          .append(",value ")
          .append(i)
          .append(pad)
          .append('\n');
    }
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    Shell.Result load = shell(s3.env(), "COPY t (id, g, v) FROM '" + csv + "'");
    assertThat(load.out()).as(load.toString()).contains(ROWS + " rows imported");
  }

  private static Shell.Result shell(Map<String, String> env, String statement) throws Exception {
    return Shell.runWithEnv(
        env, null, node.host(), String.valueOf(node.port()), "-k", keyspace, "-e", statement);
  }

  private static Map<String, String> env(String name, String value) {
    Map<String, String> env = new HashMap<>(s3.env());
    env.put(name, value);
    return env;
  }

  private static void assertNothingUnder(String prefix) {
    assertThat(s3.keys(bucket, prefix)).as("objects under " + prefix).isEmpty();
    assertThat(s3.pendingUploads(bucket, prefix)).as("pending uploads under " + prefix).isEmpty();
  }

  @Test
  void should_refuse_wrong_credentials_a_missing_bucket_and_an_absent_endpoint_in_one_line()
      throws Exception {
    String target = "s3://" + bucket + "/creds/t.parquet";
    Shell.Result secret =
        shell(env("AWS_SECRET_ACCESS_KEY", "not-the-secret-Pp42"), "COPY t TO '" + target + "'");
    assertThat(secret.exitCode()).isEqualTo(2);
    assertThat(secret.errLines())
        .singleElement()
        .asString()
        .startsWith("<stdin>:1:")
        .contains(target, "the secret key does not match the access key");
    assertThat(secret.err() + secret.out()).doesNotContain("not-the-secret-Pp42", S3Server.SECRET);

    Shell.Result key = shell(env("AWS_ACCESS_KEY_ID", "nobody"), "COPY t TO '" + target + "'");
    assertThat(key.exitCode()).isEqualTo(2);
    assertThat(key.errLines())
        .singleElement()
        .asString()
        .contains("the endpoint does not know the access key");

    Shell.Result noBucket = shell(s3.env(), "COPY t TO 's3://no-such-bucket-here/t.parquet'");
    assertThat(noBucket.exitCode()).isEqualTo(2);
    assertThat(noBucket.errLines())
        .singleElement()
        .asString()
        .contains("s3://no-such-bucket-here/t.parquet: the bucket does not exist");

    int closed;
    try (ServerSocket free = new ServerSocket(0)) {
      closed = free.getLocalPort();
    }
    Shell.Result absent =
        shell(env("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closed), "COPY t TO '" + target + "'");
    assertThat(absent.exitCode()).isEqualTo(2);
    assertThat(absent.errLines())
        .singleElement()
        .asString()
        .contains("cannot reach the S3 endpoint http://127.0.0.1:" + closed);
    assertThat(secret.err() + key.err() + noBucket.err() + absent.err())
        .doesNotContain("\tat ", "Exception in");
    assertNothingUnder("creds/");
  }

  @Test
  void should_abort_its_upload_when_the_server_goes_away_mid_export() throws Exception {
    String target = "s3://" + bucket + "/down/t.csv";
    Process export = start("COPY t TO '" + target + "'");
    awaitPendingUpload("down/", export);
    s3.stop();
    // The port now answers no S3 request: connections are taken and dropped. Once the export has
    // tried (its part upload, with the SDK's retries), the server comes back, and the export's
    // abort, which keeps asking, goes through.
    AtomicInteger attempts = new AtomicInteger();
    try (ServerSocket dead = new ServerSocket()) {
      dead.setReuseAddress(true);
      dead.bind(new InetSocketAddress("127.0.0.1", URI.create(s3.endpoint()).getPort()));
      Thread acceptor =
          new Thread(
              () -> {
                while (!dead.isClosed()) {
                  try (Socket s = dead.accept()) {
                    attempts.incrementAndGet();
                  } catch (IOException closedNow) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (attempts.get() == 0 && System.nanoTime() < deadline && export.isAlive()) {
        Thread.sleep(100);
      }
      assertThat(attempts.get())
          .as("the export reached the endpoint while it was down")
          .isPositive();
      Thread.sleep(5_000);
    }
    s3.start();
    assertThat(export.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = new String(export.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(export.exitValue()).as(err).isEqualTo(2);
    List<String> lines =
        err.lines().filter(l -> !l.isBlank() && !l.startsWith("Processed:")).toList();
    assertThat(lines)
        .as(err)
        .singleElement()
        .asString()
        .startsWith("<stdin>:1:Cannot reach the S3 endpoint " + s3.endpoint() + " for " + target);
    assertNothingUnder("down/");
  }

  @Test
  void should_leave_nothing_when_terminated_mid_export_of_a_file_or_a_dataset() throws Exception {
    for (String target :
        List.of("s3://" + bucket + "/term/t.csv", "s3://" + bucket + "/term-ds/")) {
      String prefix = target.substring(("s3://" + bucket + "/").length());
      // Small pages, one at a time: the export lasts seconds, so that the SIGTERM a second after
      // its upload began lands while it still scans, not while it completes the upload.
      String copy =
          "COPY t TO '"
              + target
              + "' WITH PAGESIZE=50 AND MAXREQUESTS=1"
              + (target.endsWith("/") ? " AND PARTITION='g'" : "");
      Process export = start(copy);
      awaitPendingUpload(prefix, export);
      Thread.sleep(1_000);
      export.destroy();
      assertThat(export.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(export.exitValue()).isEqualTo(143);
      assertNothingUnder(prefix);
    }
  }

  private static Process start(String statement) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Shell.home().resolve("bin/cqlp").toString(),
                node.host(),
                String.valueOf(node.port()),
                "-k",
                keyspace,
                "-e",
                statement));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Shell.home().toFile());
    builder.environment().put("HOME", Files.createTempDirectory("cqlp-home").toString());
    builder.environment().putAll(s3.env());
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return builder.start();
  }

  private static void awaitPendingUpload(String prefix, Process export) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(export.isAlive()).as("the export is still running").isTrue();
      if (!s3.pendingUploads(bucket, prefix).isEmpty()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no upload began under " + prefix);
  }
}
