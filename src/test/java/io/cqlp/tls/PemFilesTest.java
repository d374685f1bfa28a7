package io.cqlp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.local.NodeCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
  @TempDir Path dir;

  @Test
  void should_read_every_certificate_of_a_file_ignoring_text_around_them() throws Exception {
    Path a = NodeCertificates.createAuthority(dir.resolve("a"), "CA one");
    Path b = NodeCertificates.createAuthority(dir.resolve("b"), "CA two");
    Path both = Files.writeString(dir.resolve("both.pem"), "Bag Attributes\n" + Files.readString(a) + "\n# two\n" + Files.readString(b));

    List<X509Certificate> certificates = PemFiles.certificates(both, "certfile");

    assertThat(certificates).extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=CA one", "CN=CA two");
  }

  @Test
  void should_read_a_pkcs8_and_a_pkcs1_rsa_key() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    // PrivateKeyInfo = SEQUENCE(4) { INTEGER 0 (3), AlgorithmIdentifier (15), OCTET STRING(4) { RSAPrivateKey } }
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    Path p8 = Files.writeString(dir.resolve("k8.pem"), TlsEngineFactoryTest.pem("PRIVATE KEY", pkcs8));
    Path p1 = Files.writeString(dir.resolve("k1.pem"), TlsEngineFactoryTest.pem("RSA PRIVATE KEY", pkcs1));

    assertThat(PemFiles.privateKey(p8, "userkey").getEncoded()).isEqualTo(pkcs8);
    assertThat(PemFiles.privateKey(p1, "userkey").getEncoded()).isEqualTo(pkcs8);
  }

  @Test
  void should_refuse_an_encrypted_key_with_the_command_that_decrypts_it() throws Exception {
    Path key = Files.writeString(dir.resolve("enc.pem"), TlsEngineFactoryTest.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2}));

    assertThatThrownBy(() -> PemFiles.privateKey(key, "userkey"))
        .isInstanceOf(TlsException.class)
        .hasMessage("TLS: userkey '" + key + "' is encrypted; give an unencrypted key, e.g. openssl pkcs8 -topk8 -nocrypt -in "
            + key + " -out key.pem");
  }
}
