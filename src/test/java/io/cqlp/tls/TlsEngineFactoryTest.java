package io.cqlp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.local.NodeCertificates;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS contexts built from PEM files, tried in real handshakes with a server socket in this JVM. */
class TlsEngineFactoryTest {
  @TempDir static Path dir;
  private static NodeCertificates server;
  private static Path otherCa;
  private static Path clientCert;
  private static Path clientKey;

  @BeforeAll
  static void makeCertificates() throws Exception {
    server = NodeCertificates.create(dir.resolve("server"), "127.0.0.1");
    otherCa = NodeCertificates.createAuthority(dir.resolve("other"), "another CA");
    // The node's own key and chain, as PEM files: a client certificate signed by the same CA.
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server.keystore())) {
      store.load(in, server.keystorePassword().toCharArray());
    }
    StringBuilder chain = new StringBuilder();
    for (Certificate c : store.getCertificateChain("node")) {
      chain.append(pem("CERTIFICATE", c.getEncoded()));
    }
    clientCert = Files.writeString(dir.resolve("client.pem"), "subject=whatever\n" + chain);
    clientKey =
        Files.writeString(
            dir.resolve("client.key"),
            pem(
                "PRIVATE KEY",
                store.getKey("node", server.keystorePassword().toCharArray()).getEncoded()));
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Runs one handshake; returns the client's failure, or null when both ends agreed. */
  private static Exception handshake(SSLContext client, boolean needClientAuth) throws Exception {
    return handshake(client, needClientAuth, null);
  }

  /**
   * As above; the server also trusts the certificate in {@code alsoTrusted} (a PEM file, or null).
   */
  private static Exception handshake(SSLContext client, boolean needClientAuth, Path alsoTrusted)
      throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server.keystore())) {
      store.load(in, server.keystorePassword().toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, server.keystorePassword().toCharArray());
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", PemFiles.certificates(server.caCertificate(), "ca").get(0));
    if (alsoTrusted != null) {
      trusted.setCertificateEntry("also", PemFiles.certificates(alsoTrusted, "test").get(0));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trusted);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    try (SSLServerSocket listener =
        (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
      listener.setNeedClientAuth(needClientAuth);
      CompletableFuture<Void> accepted =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                  s.startHandshake();
                  s.getOutputStream().write(42);
                  s.getOutputStream().flush();
                } catch (Exception e) {
                  // the client reports the failure
                }
              });
      try (SSLSocket socket =
          (SSLSocket)
              client.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort())) {
        socket.startHandshake();
        assertThat(socket.getInputStream().read()).isEqualTo(42);
        return null;
      } catch (Exception e) {
        return e;
      } finally {
        accepted.get(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void should_trust_a_server_whose_certificate_chains_to_the_certfile() throws Exception {
    AtomicReference<String> failure = new AtomicReference<>();

    Exception e =
        handshake(
            TlsEngineFactory.sslContext(
                new TlsSettings(server.caCertificate(), true, null, null), failure),
            false);

    assertThat(e).isNull();
    assertThat(failure.get()).isNull();
  }

  @Test
  void should_refuse_a_server_of_another_ca_and_say_so_in_one_line() throws Exception {
    AtomicReference<String> failure = new AtomicReference<>();

    Exception e =
        handshake(
            TlsEngineFactory.sslContext(new TlsSettings(otherCa, true, null, null), failure),
            false);

    assertThat(e).isNotNull();
    assertThat(failure.get())
        .startsWith("server certificate (CN=127.0.0.1) for 127.0.0.1:")
        .contains(" is not trusted by " + otherCa + ": ")
        .doesNotContain("\n");
  }

  @Test
  void should_trust_any_server_when_not_validating() throws Exception {
    Exception e =
        handshake(
            TlsEngineFactory.sslContext(
                new TlsSettings(null, false, null, null), new AtomicReference<>()),
            false);

    assertThat(e).isNull();
  }

  @Test
  void should_present_the_user_certificate_to_a_server_that_asks_for_one() throws Exception {
    SSLContext withCert =
        TlsEngineFactory.sslContext(
            new TlsSettings(server.caCertificate(), true, clientCert, clientKey),
            new AtomicReference<>());
    SSLContext without =
        TlsEngineFactory.sslContext(
            new TlsSettings(server.caCertificate(), true, null, null), new AtomicReference<>());

    assertThat(handshake(withCert, true)).isNull();
    assertThat(handshake(without, true)).isNotNull();
  }

  @Test
  void should_present_a_certificate_whose_key_is_an_encrypted_pkcs8_file() throws Exception {
    OpenSsl.run(
        dir,
        "pkcs8",
        "-topk8",
        "-in",
        clientKey.toString(),
        "-passout",
        "pass:k3y-pass",
        "-out",
        "client-enc.key");
    Path encrypted = dir.resolve("client-enc.key");

    SSLContext withCert =
        TlsEngineFactory.sslContext(
            new TlsSettings(server.caCertificate(), true, clientCert, encrypted, "k3y-pass"),
            new AtomicReference<>());

    assertThat(Files.readString(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(handshake(withCert, true)).isNull();
    assertThatThrownBy(
            () ->
                TlsEngineFactory.sslContext(
                    new TlsSettings(server.caCertificate(), true, clientCert, encrypted, "not-it"),
                    new AtomicReference<>()))
        .hasMessageStartingWith("TLS: cannot decrypt userkey '" + encrypted + "': wrong password");
  }

  @Test
  void should_present_an_ec_certificate_whose_key_is_a_sec1_file() throws Exception {
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
        "ec-client.p8",
        "-out",
        "ec-client.crt",
        "-subj",
        "/CN=ec client",
        "-days",
        "2");
    OpenSsl.run(dir, "ec", "-in", "ec-client.p8", "-out", "ec-client.key");
    Path cert = dir.resolve("ec-client.crt");
    Path key = dir.resolve("ec-client.key");

    SSLContext withCert =
        TlsEngineFactory.sslContext(
            new TlsSettings(server.caCertificate(), true, cert, key), new AtomicReference<>());

    assertThat(Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(handshake(withCert, true, cert)).isNull();
    assertThat(handshake(withCert, true)).isNotNull();
  }

  @Test
  void should_name_a_missing_certfile() {
    Path missing = dir.resolve("missing.pem");

    assertThatThrownBy(() -> new TlsEngineFactory(new TlsSettings(missing, true, null, null)))
        .isInstanceOf(TlsException.class)
        .hasMessage("TLS: cannot read certfile '" + missing + "': no such file");
  }

  @Test
  void should_name_a_certfile_without_certificates() throws Exception {
    Path empty =
        Files.writeString(dir.resolve("empty.pem"), "nothing here\n", StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> new TlsEngineFactory(new TlsSettings(empty, true, null, null)))
        .hasMessage(
            "TLS: certfile '"
                + empty
                + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
  }
}
