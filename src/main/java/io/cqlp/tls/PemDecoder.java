package io.cqlp.tls;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads certificates and private keys from PEM files, as {@link PemFiles} states it. Its one
 * implementation uses Bouncy Castle and is made by {@link BouncyCastle#pemDecoder()}.
 */
public interface PemDecoder {
  /**
   * @param file a PEM file
   * @param role what the file is, for messages: {@code certfile}, {@code usercert}
   * @return its certificates in file order, at least one
   * @throws TlsException naming the file when it cannot be read, holds no certificate, or one does
   *     not parse
   */
  List<X509Certificate> certificates(Path file, String role);

  /**
   * @param file a PEM file holding a private key (the first one is used)
   * @param role what the file is, for messages: {@code userkey}
   * @param password asked only when the key is encrypted; returns the password, or null when none
   *     can be had (then the key is refused with what to set). The array is cleared after use.
   * @return the key, as the JDK's key factories make it (usable by the JDK's TLS)
   * @throws TlsException naming the file when it cannot be read, holds no key, the password is
   *     missing or wrong, or the key's encryption or algorithm is not supported
   */
  PrivateKey privateKey(Path file, String role, Supplier<char[]> password);
}
