package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.local.LocalCassandra;
import io.cqlp.local.NodeCertificates;
import io.cqlp.local.NodeSecurity;
import io.cqlp.tls.OpenSsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and logins through the real shell, against a node of its own whose CQL port speaks TLS only
 * and asks for a password: the cqlshrc's [connection], [ssl] and [authentication] sections, --ssl
 * with $SSL_CERTFILE and a credentials file, a user certificate with an encrypted or SEC1 key, and
 * the one-line refusals of a server certificate from another authority or for another host name,
 * and of a wrong key password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsIT {
  private LocalCassandra node;
  @TempDir Path dir;

  @BeforeAll
  void startSecureNode() throws IOException {
    Path nodeDir = Path.of(System.getProperty("cqlp.home", "."), "target", "it-tls-node");
    node =
        LocalCassandra.start(
            nodeDir,
            LocalCassandra.defaultLibDir(),
            LocalCassandra.DEFAULT_START_TIMEOUT,
            new NodeSecurity(true, true));
    try (CqlSession session = node.openSession()) {
      session.execute(
          "CREATE KEYSPACE IF NOT EXISTS tls_it WITH replication = {'class': 'SimpleStrategy',"
              + " 'replication_factor': 1}");
      session.execute("CREATE TABLE IF NOT EXISTS tls_it.kv (k int PRIMARY KEY, v text)");
      session.execute("INSERT INTO tls_it.kv (k, v) VALUES (1, 'over tls')");
    }
  }

  @AfterAll
  void stopSecureNode() {
    if (node != null) {
      node.stop();
    }
  }

  private Path home(String cqlshrc) throws IOException {
    Path home = Files.createTempDirectory(dir, "home");
    if (cqlshrc != null) {
      Path rc = Files.createDirectories(home.resolve(".cassandra")).resolve("cqlshrc");
      Files.writeString(rc, cqlshrc);
      Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
    }
    return home;
  }

  @Test
  void should_connect_with_the_connection_ssl_and_authentication_sections_of_the_cqlshrc()
      throws Exception {
    Path home =
        home(
            "[connection]\nhostname = "
                + node.host()
                + "\nport = "
                + node.port()
                + "\nssl = true\n"
                + "[ssl]\ncertfile = "
                + node.caCertificate()
                + "\n"
                + "[authentication]\nusername = cassandra\npassword = cassandra\n");

    Shell.Result result =
        Shell.runWithEnv(
            Map.of("HOME", home.toString()), null, "-e", "SELECT v FROM tls_it.kv WHERE k = 1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains(" over tls\n\n(1 rows)");
    assertThat(result.errLines())
        .containsExactly(
            "Notice: Credentials in the cqlshrc file is deprecated and will be ignored in the"
                + " future.",
            "Please use a credentials file to specify the username and password.");
  }

  @Test
  void should_connect_with_the_ssl_flag_ssl_certfile_and_a_credentials_file() throws Exception {
    Path home = home(null);
    Path credentials =
        Files.writeString(
            dir.resolve("creds"),
            "[PlainTextAuthProvider]\nusername = cassandra\npassword = cassandra\n");
    Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));

    Shell.Result result =
        Shell.runWithEnv(
            Map.of("HOME", home.toString(), "SSL_CERTFILE", node.caCertificate().toString()),
            null,
            node.host(),
            String.valueOf(node.port()),
            "--ssl",
            "--credentials",
            credentials.toString(),
            "-e",
            "SELECT count(*) FROM tls_it.kv");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("     1\n\n(1 rows)");
  }

  @Test
  void should_refuse_a_server_certificate_another_authority_signed_in_one_line() throws Exception {
    Path otherCa = NodeCertificates.createAuthority(dir.resolve("other-ca"), "some other CA");

    Shell.Result result =
        Shell.runWithEnv(
            Map.of("SSL_CERTFILE", otherCa.toString()),
            null,
            node.host(),
            String.valueOf(node.port()),
            "--ssl",
            "-u",
            "cassandra",
            "-p",
            "cassandra",
            "--insecure-password-without-warning",
            "-e",
            "SELECT v FROM tls_it.kv");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith(
            "TLS: server certificate (CN=127.0.0.1) for 127.0.0.1:"
                + node.port()
                + " is not trusted by "
                + otherCa
                + ": ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void should_refuse_a_host_name_the_certificate_does_not_hold_unless_validation_is_off()
      throws Exception {
    Map<String, String> env = Map.of("SSL_CERTFILE", node.caCertificate().toString());

    Shell.Result refused =
        Shell.runWithEnv(
            env,
            null,
            "localhost",
            String.valueOf(node.port()),
            "--ssl",
            "-u",
            "cassandra",
            "-p",
            "cassandra",
            "--insecure-password-without-warning",
            "-e",
            "SELECT v FROM tls_it.kv");
    Shell.Result unchecked =
        Shell.runWithEnv(
            Map.of("SSL_CERTFILE", node.caCertificate().toString(), "SSL_VALIDATE", "false"),
            null,
            "localhost",
            String.valueOf(node.port()),
            "--ssl",
            "-u",
            "cassandra",
            "-p",
            "cassandra",
            "--insecure-password-without-warning",
            "-e",
            "SELECT v FROM tls_it.kv");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines())
        .singleElement()
        .asString()
        .startsWith(
            "TLS: server certificate for localhost:"
                + node.port()
                + " does not match the host name 'localhost': ");
    assertThat(unchecked.exitCode()).as(unchecked.err()).isZero();
    assertThat(unchecked.out()).contains(" over tls");
  }

  @Test
  void should_fail_to_connect_without_tls_or_with_a_wrong_password_never_showing_it()
      throws Exception {
    Shell.Result plain =
        Shell.run(
            node.host(),
            node.port(),
            "-u",
            "cassandra",
            "-p",
            "cassandra",
            "--insecure-password-without-warning",
            "-e",
            "SELECT v FROM tls_it.kv");
    Shell.Result wrong =
        Shell.runWithEnv(
            Map.of("SSL_CERTFILE", node.caCertificate().toString()),
            null,
            node.host(),
            String.valueOf(node.port()),
            "--ssl",
            "-u",
            "cassandra",
            "-p",
            "Wr0ng-Pa55",
            "-e",
            "SELECT v FROM tls_it.kv");

    assertThat(plain.exitCode()).isEqualTo(1);
    assertThat(plain.errLines())
        .singleElement()
        .asString()
        .startsWith("Connection error: could not connect to ");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.errLines())
        .last()
        .asString()
        .startsWith("Connection error: could not connect to " + node.host() + ":" + node.port())
        .contains("Provided username cassandra and/or password are incorrect");
    assertThat(wrong.out() + wrong.err()).doesNotContain("Wr0ng-Pa55");
  }

  /**
   * The node does not ask for client certificates (require_client_auth: false), so these show the
   * cqlshrc's usercert, userkey and userkey_password read and the key decrypted before the
   * connection; the handshake that presents such keys to a server that asks is in
   * TlsEngineFactoryTest.
   */
  @Test
  void should_connect_with_a_user_certificate_whose_key_is_encrypted_pkcs8_or_sec1()
      throws Exception {
    OpenSsl.run(
        dir,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        "user.p8",
        "-out",
        "user.crt",
        "-subj",
        "/CN=cqlp user",
        "-days",
        "2");
    OpenSsl.run(
        dir,
        "pkcs8",
        "-topk8",
        "-in",
        "user.p8",
        "-passout",
        "pass:k3y-Pa55",
        "-out",
        "user-enc.key");
    OpenSsl.run(dir, "ec", "-in", "user.p8", "-out", "user-sec1.key");
    String rc =
        "[connection]\nhostname = "
            + node.host()
            + "\nport = "
            + node.port()
            + "\nssl = true\n"
            + "[ssl]\ncertfile = "
            + node.caCertificate()
            + "\nusercert = "
            + dir.resolve("user.crt")
            + "\n";
    Path credentials =
        Files.writeString(
            dir.resolve("user-creds"),
            "[PlainTextAuthProvider]\nusername = cassandra\npassword = cassandra\n");
    Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
    String query = "SELECT v FROM tls_it.kv WHERE k = 1";

    Shell.Result encrypted =
        Shell.runWithEnv(
            Map.of(
                "HOME",
                home(rc
                        + "userkey = "
                        + dir.resolve("user-enc.key")
                        + "\nuserkey_password = k3y-Pa55\n")
                    .toString()),
            null,
            "--credentials",
            credentials.toString(),
            "-e",
            query);
    Shell.Result sec1 =
        Shell.runWithEnv(
            Map.of(
                "HOME", home(rc + "userkey = " + dir.resolve("user-sec1.key") + "\n").toString()),
            null,
            "--credentials",
            credentials.toString(),
            "-e",
            query);
    Shell.Result wrong =
        Shell.runWithEnv(
            Map.of(
                "HOME",
                home(rc
                        + "userkey = "
                        + dir.resolve("user-enc.key")
                        + "\nuserkey_password = Wr0ng-Pa55\n")
                    .toString()),
            null,
            "--credentials",
            credentials.toString(),
            "-e",
            query);

    assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
    assertThat(encrypted.out()).contains(" over tls\n\n(1 rows)");
    assertThat(sec1.exitCode()).as(sec1.err()).isZero();
    assertThat(sec1.out()).contains(" over tls\n\n(1 rows)");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.errLines())
        .singleElement()
        .isEqualTo(
            "TLS: cannot decrypt userkey '"
                + dir.resolve("user-enc.key")
                + "': wrong password (check userkey_password in the [ssl] section of the cqlshrc,"
                + " or the one typed), or a damaged key.");
    assertThat(wrong.out() + wrong.err()).doesNotContain("Wr0ng-Pa55").doesNotContain("k3y-Pa55");
  }
}
