package io.cqlp.tls;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads PEM files with Bouncy Castle's {@code PEMParser}, as OpenSSL (and so cqlsh, through
 * Python's {@code ssl.SSLContext.load_cert_chain}) reads them: X.509 certificates ({@code BEGIN
 * CERTIFICATE}, {@code BEGIN TRUSTED CERTIFICATE}, any number, text between blocks ignored) and one
 * private key in any of OpenSSL's PEM forms:
 *
 * <ul>
 *   <li>PKCS#8 {@code BEGIN PRIVATE KEY} (RSA, EC, Ed25519, DSA);
 *   <li>PKCS#8 {@code BEGIN ENCRYPTED PRIVATE KEY} (PBES2 with PBKDF2 or scrypt, or the older
 *       PKCS#5/PKCS#12 schemes: whatever Bouncy Castle's provider decrypts);
 *   <li>"traditional" OpenSSL keys: PKCS#1 {@code BEGIN RSA PRIVATE KEY}, SEC1 {@code BEGIN EC
 *       PRIVATE KEY} (an {@code EC PARAMETERS} block before it is skipped), {@code BEGIN DSA
 *       PRIVATE KEY}, each plain or encrypted with {@code Proc-Type: 4,ENCRYPTED} and {@code
 *       DEK-Info} headers.
 * </ul>
 *
 * <p>The password of an encrypted key is asked for only when the key is encrypted. Failures are one
 * line naming the file and what to do; the password is never part of a message. Bouncy Castle is
 * loaded at the first call ({@link BouncyCastle}).
 */
public final class PemFiles {
  private PemFiles() {}

  /**
   * @param file a PEM file
   * @param role what the file is, for messages: {@code certfile}, {@code usercert}
   * @return its certificates in file order, at least one
   * @throws TlsException naming the file when it cannot be read, holds no certificate, or one does
   *     not parse; or when Bouncy Castle's jars are missing
   */
  public static List<X509Certificate> certificates(Path file, String role) {
    return BouncyCastle.pemDecoder().certificates(file, role);
  }

  /**
   * Reads an unencrypted private key; an encrypted one is refused as if no password could be had.
   *
   * @see #privateKey(Path, String, Supplier)
   */
  public static PrivateKey privateKey(Path file, String role) {
    return privateKey(file, role, () -> null);
  }

  /**
   * @param file a PEM file holding a private key (the first one is used)
   * @param role what the file is, for messages: {@code userkey}
   * @param password asked only when the key is encrypted; returns the password, or null when none
   *     can be had (then the key is refused with what to set). The array is cleared after use.
   * @return the key, as the JDK's key factories make it (usable by the JDK's TLS)
   * @throws TlsException naming the file when it cannot be read, holds no key, the password is
   *     missing or wrong, or the key's encryption or algorithm is not supported; or when Bouncy
   *     Castle's jars are missing
   */
  public static PrivateKey privateKey(Path file, String role, Supplier<char[]> password) {
    return BouncyCastle.pemDecoder().privateKey(file, role, password);
  }
}
