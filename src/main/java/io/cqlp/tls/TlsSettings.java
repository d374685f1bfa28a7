package io.cqlp.tls;

import java.nio.file.Path;

/**
 * How to talk TLS to Cassandra, with the names of cqlsh's {@code [ssl]} section
 * (pylib/cqlshlib/sslhandling.py).
 *
 * @param certfile PEM file of the certificates to trust (a CA, or the server's own certificate);
 *     null only when {@code validate} is false
 * @param validate check the server's certificate against {@code certfile} and its name against the
 *     host connected to (cqlsh default true); false trusts any server
 * @param usercert PEM file of the client's certificate chain for mutual TLS, or null
 * @param userkey PEM file of the client's private key (PKCS#8, plain or encrypted; or OpenSSL's
 *     traditional RSA, EC or DSA key, plain or encrypted: see {@link PemFiles}), or null
 * @param userkeyPassword the password of an encrypted userkey (cqlp's {@code [ssl]
 *     userkey_password}; cqlsh has none and OpenSSL asks at the terminal), or null to ask at the
 *     terminal when the key is encrypted; never shown by {@link #toString()}
 */
public record TlsSettings(
    Path certfile, boolean validate, Path usercert, Path userkey, String userkeyPassword) {

  /** Settings without a key password: an encrypted userkey's password is asked at the terminal. */
  public TlsSettings(Path certfile, boolean validate, Path usercert, Path userkey) {
    this(certfile, validate, usercert, userkey, null);
  }

  /**
   * @throws IllegalArgumentException when validating without a certfile, or when only one of
   *     usercert and userkey is given
   */
  public TlsSettings {
    if (validate && certfile == null) {
      throw new IllegalArgumentException(
          "a certfile is needed to validate the server's certificate");
    }
    if ((usercert == null) != (userkey == null)) {
      throw new IllegalArgumentException("usercert and userkey go together");
    }
  }

  @Override
  public String toString() {
    return "TlsSettings[certfile="
        + certfile
        + ", validate="
        + validate
        + ", usercert="
        + usercert
        + ", userkey="
        + userkey
        + (userkeyPassword == null ? "" : ", userkeyPassword=*****")
        + "]";
  }
}
