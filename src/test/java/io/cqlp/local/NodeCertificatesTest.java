package io.cqlp.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCertificatesTest {

  @Test
  void should_sign_a_server_certificate_for_the_ip_address_with_a_fresh_ca(@TempDir Path dir)
      throws Exception {
    NodeCertificates files = NodeCertificates.create(dir, "127.0.0.1");

    X509Certificate ca;
    try (InputStream in = Files.newInputStream(files.caCertificate())) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(files.keystore())) {
      store.load(in, files.keystorePassword().toCharArray());
    }
    Certificate[] chain = store.getCertificateChain("node");
    X509Certificate node = (X509Certificate) chain[0];

    assertThat(chain).hasSize(2);
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(node.getBasicConstraints()).isEqualTo(-1);
    node.verify(ca.getPublicKey());
    node.checkValidity();
    assertThat(node.getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    assertThat(node.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(files.toString()).doesNotContain(files.keystorePassword());
  }
}
