package io.cqlp.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files with JDK classes only: X.509 certificates ({@code BEGIN CERTIFICATE}, any
 * number, text between them ignored as OpenSSL does) and unencrypted private keys ({@code BEGIN
 * PRIVATE KEY}, PKCS#8, RSA or EC; {@code BEGIN RSA PRIVATE KEY}, PKCS#1). Encrypted keys and
 * SEC1 {@code BEGIN EC PRIVATE KEY} keys are refused with the openssl command that converts them.
 */
public final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

  private PemFiles() {}

  /**
   * @param file a PEM file
   * @param role what the file is, for messages: {@code certfile}, {@code usercert}
   * @return its certificates in file order, at least one
   * @throws TlsException naming the file when it cannot be read, holds no certificate, or one
   *     does not parse
   */
  public static List<X509Certificate> certificates(Path file, String role) {
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(file, role)) {
        if (block.type.equals("CERTIFICATE") || block.type.equals("TRUSTED CERTIFICATE")) {
          certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der)));
        }
      }
    } catch (CertificateException e) {
      throw new TlsException("cannot read " + role + " '" + file + "': " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new TlsException(role + " '" + file + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
    }
    return certificates;
  }

  /**
   * @param file a PEM file holding one private key
   * @param role what the file is, for messages: {@code userkey}
   * @return the key
   * @throws TlsException naming the file when it cannot be read or holds no usable key
   */
  public static PrivateKey privateKey(Path file, String role) {
    for (Block block : blocks(file, role)) {
      switch (block.type) {
        case "PRIVATE KEY":
          return pkcs8(block.der, file, role);
        case "RSA PRIVATE KEY":
          return pkcs8(Pkcs1.toPkcs8(block.der), file, role);
        case "ENCRYPTED PRIVATE KEY":
          throw new TlsException(role + " '" + file + "' is encrypted; give an unencrypted key, e.g. "
              + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        case "EC PRIVATE KEY":
          throw new TlsException(role + " '" + file + "' is a SEC1 EC key; convert it to PKCS#8 with "
              + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        default:
          break;
      }
    }
    throw new TlsException(role + " '" + file + "' holds no PEM private key (-----BEGIN PRIVATE KEY-----).");
  }

  private static PrivateKey pkcs8(byte[] der, Path file, String role) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "DSA")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new TlsException("cannot read " + role + " '" + file + "': not an RSA, EC, Ed25519 or DSA private key.");
  }

  private record Block(String type, byte[] der) {}

  private static List<Block> blocks(Path file, String role) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new TlsException("cannot read " + role + " '" + file + "': " + describe(e), e);
    }
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String body = m.group(2).replaceAll("(?m)^[A-Za-z-]+:.*$", "").replaceAll("\\s", "");
      try {
        blocks.add(new Block(m.group(1), Base64.getDecoder().decode(body)));
      } catch (IllegalArgumentException e) {
        throw new TlsException("cannot read " + role + " '" + file + "': bad base64 in a " + m.group(1) + " block.");
      }
    }
    return blocks;
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
  }
}
