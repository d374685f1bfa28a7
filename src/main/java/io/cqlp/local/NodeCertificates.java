package io.cqlp.local;

import io.cqlp.tls.BouncyCastle;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Certificates for a node's TLS client port, made in this JVM with Bouncy Castle's certificate
 * builder ({@link BouncyCastle#certificateSigner()}) (no keytool process, which costs seconds per
 * step on a busy machine): a fresh certificate authority, and a server certificate it signs for the
 * node's IP address. The server certificate names the address only as an IP subject alternative
 * name, so a client that validates host names accepts {@code 127.0.0.1} and refuses {@code
 * localhost}. RSA 2048 keys, SHA256withRSA, valid from a day ago for ten years.
 *
 * @param caCertificate PEM file of the authority's certificate: what clients trust
 * @param keystore PKCS12 key store of the node: its key with the chain (its certificate, the
 *     authority's)
 * @param keystorePassword the key store's password (random)
 */
public record NodeCertificates(Path caCertificate, Path keystore, String keystorePassword) {

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "NodeCertificates[" + caCertificate + ", " + keystore + "]";
  }

  /**
   * Makes a certificate authority and a server certificate for {@code ipAddress} in {@code dir}.
   *
   * @param dir the directory of {@code ca.pem} and {@code node.p12}; created if missing
   * @param ipAddress the node's IP address literal, e.g. {@code 127.0.0.1}
   * @return the files
   * @throws IOException if a file cannot be written
   * @throws IllegalArgumentException if {@code ipAddress} is not an IP address literal
   */
  public static NodeCertificates create(Path dir, String ipAddress) throws IOException {
    if (!ipAddress.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      throw new IllegalArgumentException("not an IP address literal: " + ipAddress);
    }
    Files.createDirectories(dir);
    try {
      KeyPair ca = rsa();
      X509Certificate caCert =
          certificate("cqlp local node CA", "cqlp local node CA", ca, ca.getPrivate(), true, null);
      KeyPair node = rsa();
      byte[] ip = InetAddress.getByName(ipAddress).getAddress();
      X509Certificate nodeCert =
          certificate(ipAddress, "cqlp local node CA", node, ca.getPrivate(), false, ip);
      Path pem = dir.resolve("ca.pem");
      Files.writeString(pem, pem(caCert), StandardCharsets.US_ASCII);
      String password = HexFormat.of().formatHex(random(16));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "node", node.getPrivate(), password.toCharArray(), new Certificate[] {nodeCert, caCert});
      Path keystore = dir.resolve("node.p12");
      try (OutputStream out = Files.newOutputStream(keystore)) {
        store.store(out, password.toCharArray());
      }
      return new NodeCertificates(pem, keystore, password);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not make TLS certificates: " + e.getMessage(), e);
    }
  }

  /**
   * Makes a self-signed certificate authority alone, e.g. one that no node uses.
   *
   * @param dir the directory of {@code ca.pem}; created if missing
   * @param name the authority's common name
   * @return the PEM file of its certificate
   * @throws IOException if the file cannot be written
   */
  public static Path createAuthority(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    try {
      KeyPair ca = rsa();
      Path pem = dir.resolve("ca.pem");
      Files.writeString(
          pem,
          pem(certificate(name, name, ca, ca.getPrivate(), true, null)),
          StandardCharsets.US_ASCII);
      return pem;
    } catch (GeneralSecurityException e) {
      throw new IOException("could not make a TLS certificate: " + e.getMessage(), e);
    }
  }

  /** The PEM text of a certificate, 64 characters a line. */
  static String pem(X509Certificate certificate) throws GeneralSecurityException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded());
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(
      String subject,
      String issuer,
      KeyPair subjectKeys,
      PrivateKey issuerKey,
      boolean authority,
      byte[] ip)
      throws GeneralSecurityException {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    return BouncyCastle.certificateSigner()
        .sign(
            subject,
            issuer,
            subjectKeys.getPublic(),
            issuerKey,
            authority,
            ip,
            new BigInteger(1, random(8)),
            now.minusDays(1).toInstant(),
            now.plusYears(10).toInstant());
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return value;
  }
}
