package io.cqlp.it;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 server for the integration tests: s3proxy (from Maven Central, resolved by the build
 * into {@code target/s3proxy/lib}, system property {@code cqlp.s3proxy.lib}) run as its own process
 * on 127.0.0.1 and a free port, with its filesystem backend under {@code target/it-s3} and a test
 * access key and secret. One server serves the whole test run ({@link #shared()}); it stops when
 * the JVM exits. It can be stopped and started again on the same port and data, to test an endpoint
 * that goes away mid-export.
 */
public final class S3Server {
  /** The access key of the test server. */
  public static final String ACCESS_KEY = "cqlp-test-access";

  /** The secret of the test server: a test must find it in no output. */
  public static final String SECRET = "cqlp-test-secret-Zq81xv";

  private static S3Server shared;

  private final Path dir;
  private final int port;
  private Process process;

  private S3Server(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** The run's server, started on first use. */
  public static synchronized S3Server shared() throws Exception {
    if (shared == null) {
      Path dir = Shell.home().resolve("target/it-s3");
      deleteTree(dir);
      Files.createDirectories(dir.resolve("data"));
      S3Server server = new S3Server(dir, freePort());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      shared = server;
    }
    return shared;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The environment that points a cqlp process at this server: its credentials, endpoint and
   * region, and no instance-metadata look-ups.
   */
  public Map<String, String> env() {
    return Map.of(
        "AWS_ACCESS_KEY_ID",
        ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY",
        SECRET,
        "AWS_ENDPOINT_URL",
        endpoint(),
        "AWS_REGION",
        "us-east-1",
        "AWS_EC2_METADATA_DISABLED",
        "true");
  }

  /** A client of this server for the tests' own checks. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)))
        .build();
  }

  /** Creates a bucket with a fresh name starting with {@code prefix}; returns the name. */
  public String createBucket(String prefix) {
    String name =
        (prefix + "-" + Long.toHexString(System.nanoTime())).toLowerCase(java.util.Locale.ROOT);
    try (S3Client s3 = client()) {
      s3.createBucket(b -> b.bucket(name));
    }
    return name;
  }

  /** Creates the bucket {@code name} if this server has none of that name. */
  public void ensureBucket(String name) {
    try (S3Client s3 = client()) {
      if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(name))) {
        s3.createBucket(b -> b.bucket(name));
      }
    }
  }

  /** The keys of the objects at or below {@code prefix}, sorted. */
  public List<String> keys(String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    try (S3Client s3 = client()) {
      for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
        page.contents().stream().map(S3Object::key).forEach(keys::add);
      }
    }
    keys.sort(null);
    return keys;
  }

  /** The pending multipart uploads at or below {@code prefix} (S3's ListMultipartUploads). */
  public List<MultipartUpload> pendingUploads(String bucket, String prefix) {
    List<MultipartUpload> uploads = new ArrayList<>();
    try (S3Client s3 = client()) {
      for (var page : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix))) {
        uploads.addAll(page.uploads());
      }
    }
    return uploads;
  }

  /**
   * Downloads every object at or below {@code prefix} into {@code into}, keeping the key's path.
   */
  public void download(String bucket, String prefix, Path into) throws IOException {
    try (S3Client s3 = client()) {
      for (String key : keys(bucket, prefix)) {
        Path file = into.resolve(key);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        s3.getObject(b -> b.bucket(bucket).key(key), file);
      }
    }
  }

  /** Starts the server (again) and waits until it answers. */
  public synchronized void start() throws Exception {
    Path properties = dir.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint(),
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + dir.resolve("data"),
            ""),
        StandardCharsets.UTF_8);
    String lib =
        System.getProperty(
            "cqlp.s3proxy.lib", Shell.home().resolve("target/s3proxy/lib").toString());
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dlogback.configurationFile="
                    + Shell.home().resolve("src/test/s3proxy/logback.xml"),
                "-cp",
                lib + "/*",
                "org.gaul.s3proxy.Main",
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("s3proxy.log").toFile());
    process = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "s3proxy exited at start; see " + dir.resolve("s3proxy.log"));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(
        "s3proxy did not answer within 60 s; see " + dir.resolve("s3proxy.log"));
  }

  /** Stops the server (SIGKILL, as a crashed endpoint) and waits for it to exit. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
