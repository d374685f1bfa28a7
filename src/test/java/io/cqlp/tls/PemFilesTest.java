package io.cqlp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.local.NodeCertificates;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
  private static final String PASSWORD = "s3cret-key-pass";
  @TempDir Path dir;

  @Test
  void should_read_every_certificate_of_a_file_ignoring_text_around_them() throws Exception {
    Path a = NodeCertificates.createAuthority(dir.resolve("a"), "CA one");
    Path b = NodeCertificates.createAuthority(dir.resolve("b"), "CA two");
    Path both =
        Files.writeString(
            dir.resolve("both.pem"),
            "Bag Attributes\n" + Files.readString(a) + "\n# two\n" + Files.readString(b));

    List<X509Certificate> certificates = PemFiles.certificates(both, "certfile");

    assertThat(certificates)
        .extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=CA one", "CN=CA two");
  }

  @Test
  void should_read_a_pkcs8_and_a_pkcs1_rsa_key() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    // PrivateKeyInfo = SEQUENCE(4) { INTEGER 0 (3), AlgorithmIdentifier (15), OCTET STRING(4) {
    // RSAPrivateKey } }
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    Path p8 =
        Files.writeString(dir.resolve("k8.pem"), TlsEngineFactoryTest.pem("PRIVATE KEY", pkcs8));
    Path p1 =
        Files.writeString(
            dir.resolve("k1.pem"), TlsEngineFactoryTest.pem("RSA PRIVATE KEY", pkcs1));

    assertThat(PemFiles.privateKey(p8, "userkey").getEncoded()).isEqualTo(pkcs8);
    assertThat(PemFiles.privateKey(p1, "userkey").getEncoded()).isEqualTo(pkcs8);
  }

  /** The key as the JDK reads OpenSSL's unencrypted PKCS#8 DER of it: what every form must give. */
  private PrivateKey expected(String pem, String algorithm) throws Exception {
    OpenSsl.run(
        dir, "pkcs8", "-topk8", "-nocrypt", "-in", pem, "-outform", "DER", "-out", pem + ".der");
    return KeyFactory.getInstance(algorithm)
        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve(pem + ".der"))));
  }

  private static Supplier<char[]> password(String text) {
    return text::toCharArray;
  }

  @Test
  void should_read_rsa_keys_in_every_openssl_form() throws Exception {
    OpenSsl.run(
        dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem");
    OpenSsl.run(
        dir,
        "pkcs8",
        "-topk8",
        "-in",
        "rsa.pem",
        "-passout",
        "pass:" + PASSWORD,
        "-out",
        "rsa-p8.pem");
    OpenSsl.run(
        dir,
        "pkcs8",
        "-topk8",
        "-v1",
        "PBE-SHA1-3DES",
        "-in",
        "rsa.pem",
        "-passout",
        "pass:" + PASSWORD,
        "-out",
        "rsa-p8-v1.pem");
    OpenSsl.run(dir, "rsa", "-in", "rsa.pem", "-traditional", "-out", "rsa-trad.pem");
    OpenSsl.run(
        dir,
        "rsa",
        "-in",
        "rsa.pem",
        "-traditional",
        "-aes256",
        "-passout",
        "pass:" + PASSWORD,
        "-out",
        "rsa-trad-enc.pem");
    PrivateKey key = expected("rsa.pem", "RSA");

    assertThat(Files.readString(dir.resolve("rsa-p8.pem")))
        .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(Files.readString(dir.resolve("rsa-trad-enc.pem")))
        .startsWith(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,");
    assertThat(PemFiles.privateKey(dir.resolve("rsa.pem"), "userkey")).isEqualTo(key);
    assertThat(PemFiles.privateKey(dir.resolve("rsa-trad.pem"), "userkey")).isEqualTo(key);
    assertThat(PemFiles.privateKey(dir.resolve("rsa-p8.pem"), "userkey", password(PASSWORD)))
        .isEqualTo(key);
    assertThat(PemFiles.privateKey(dir.resolve("rsa-p8-v1.pem"), "userkey", password(PASSWORD)))
        .isEqualTo(key);
    assertThat(PemFiles.privateKey(dir.resolve("rsa-trad-enc.pem"), "userkey", password(PASSWORD)))
        .isEqualTo(key);
  }

  @Test
  void should_read_sec1_and_pkcs8_ec_keys_plain_and_encrypted_and_ed25519() throws Exception {
    OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.pem");
    OpenSsl.run(
        dir,
        "ec",
        "-in",
        "ec.pem",
        "-aes128",
        "-passout",
        "pass:" + PASSWORD,
        "-out",
        "ec-enc.pem");
    OpenSsl.run(
        dir,
        "pkcs8",
        "-topk8",
        "-in",
        "ec.pem",
        "-passout",
        "pass:" + PASSWORD,
        "-out",
        "ec-p8.pem");
    OpenSsl.run(dir, "genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
    BigInteger key = ((ECPrivateKey) expected("ec.pem", "EC")).getS();

    assertThat(Files.readString(dir.resolve("ec.pem")))
        .contains("-----BEGIN EC PARAMETERS-----")
        .contains("-----BEGIN EC PRIVATE KEY-----");
    assertThat(((ECPrivateKey) PemFiles.privateKey(dir.resolve("ec.pem"), "userkey")).getS())
        .isEqualTo(key);
    assertThat(
            ((ECPrivateKey)
                    PemFiles.privateKey(dir.resolve("ec-enc.pem"), "userkey", password(PASSWORD)))
                .getS())
        .isEqualTo(key);
    assertThat(
            ((ECPrivateKey)
                    PemFiles.privateKey(dir.resolve("ec-p8.pem"), "userkey", password(PASSWORD)))
                .getS())
        .isEqualTo(key);
    assertThat(PemFiles.privateKey(dir.resolve("ed.pem"), "userkey"))
        .isEqualTo(expected("ed.pem", "Ed25519"));
  }

  @Test
  void should_refuse_a_wrong_or_missing_password_in_one_line_without_the_password()
      throws Exception {
    OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem");
    OpenSsl.run(
        dir, "pkcs8", "-topk8", "-in", "ec.pem", "-passout", "pass:" + PASSWORD, "-out", "p8.pem");
    OpenSsl.run(
        dir, "ec", "-in", "ec.pem", "-aes256", "-passout", "pass:" + PASSWORD, "-out", "trad.pem");

    for (String name : List.of("p8.pem", "trad.pem")) {
      Path key = dir.resolve(name);
      assertThatThrownBy(() -> PemFiles.privateKey(key, "userkey", password("Wr0ng-Pa55")))
          .isInstanceOf(TlsException.class)
          .hasMessage(
              "TLS: cannot decrypt userkey '"
                  + key
                  + "': wrong password (check userkey_password in the "
                  + "[ssl] section of the cqlshrc, or the one typed), or a damaged key.")
          .message()
          .doesNotContain("Wr0ng-Pa55")
          .doesNotContain(PASSWORD);
      assertThatThrownBy(() -> PemFiles.privateKey(key, "userkey"))
          .hasMessage(
              "TLS: userkey '"
                  + key
                  + "' is encrypted: set userkey_password in the [ssl] section of the "
                  + "cqlshrc, or start cqlp at a terminal to be asked for it.");
    }
  }

  @Test
  void should_ask_for_the_password_only_when_the_key_is_encrypted() throws Exception {
    OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem");

    assertThat(
            PemFiles.privateKey(
                dir.resolve("ec.pem"),
                "userkey",
                () -> {
                  throw new AssertionError("asked for a password");
                }))
        .isNotNull();
  }

  @Test
  void should_name_a_key_the_jdk_cannot_use() throws Exception {
    OpenSsl.run(dir, "genpkey", "-algorithm", "x25519", "-out", "x.pem");
    Path key = dir.resolve("x.pem");

    assertThatThrownBy(() -> PemFiles.privateKey(key, "userkey"))
        .isInstanceOf(TlsException.class)
        .hasMessage(
            "TLS: cannot use userkey '"
                + key
                + "': not an RSA, EC (on a curve the JDK supports), Ed25519 "
                + "or DSA private key (algorithm 1.3.101.110).");
  }

  @Test
  void should_name_a_file_without_a_key() throws Exception {
    Path cert = NodeCertificates.createAuthority(dir.resolve("ca"), "CA");

    assertThatThrownBy(() -> PemFiles.privateKey(cert, "userkey"))
        .hasMessage(
            "TLS: userkey '"
                + cert
                + "' holds no PEM private key (-----BEGIN PRIVATE KEY-----, "
                + "ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY).");
  }
}
