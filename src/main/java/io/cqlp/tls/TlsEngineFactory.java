package io.cqlp.tls;

import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.ssl.SslEngineFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The driver's TLS engines for cqlsh's {@code [ssl]} settings, built from PEM files ({@link
 * PemFiles}, BouncyCastle's PEM reader) and the JDK's TLS (no key stores on disk).
 *
 * <p>With {@code validate}, the server's certificate must chain to a certificate of the certfile
 * and hold the host name as given on the command line or in the cqlshrc (an IP address must be in
 * its IP subject alternative names, a name in its DNS ones: HTTPS endpoint identification); no
 * reverse DNS lookup is made. Without {@code validate}, any server is accepted, as cqlsh's {@code
 * validate = false}. With {@code usercert} and {@code userkey}, the client presents that
 * certificate (mutual TLS); an encrypted userkey is decrypted with {@code [ssl] userkey_password}
 * or a password typed at the terminal, once per factory. Thread-safe.
 */
public final class TlsEngineFactory implements SslEngineFactory {
  private static final char[] IN_MEMORY = "cqlp".toCharArray();

  private final SSLContext context;
  private final boolean validate;
  private final AtomicReference<String> failure = new AtomicReference<>();

  /**
   * @param settings the certfile, validation and client certificate
   * @throws TlsException naming the file when a certificate or key cannot be read
   */
  public TlsEngineFactory(TlsSettings settings) {
    this.validate = settings.validate();
    this.context = sslContext(settings, failure);
  }

  /**
   * Builds the SSL context alone, e.g. for tests.
   *
   * @param settings the certfile, validation and client certificate
   * @param failure receives the first server-certificate failure as a one-line message
   * @return an initialized TLS context
   * @throws TlsException naming the file when a certificate or key cannot be read
   */
  public static SSLContext sslContext(TlsSettings settings, AtomicReference<String> failure) {
    try {
      X509ExtendedTrustManager pkix = null;
      if (settings.validate()) {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        List<X509Certificate> certificates = PemFiles.certificates(settings.certfile(), "certfile");
        for (int i = 0; i < certificates.size(); i++) {
          trusted.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trusted);
        for (TrustManager tm : tmf.getTrustManagers()) {
          if (tm instanceof X509ExtendedTrustManager x) {
            pkix = x;
          }
        }
      }
      KeyManager[] keyManagers = null;
      if (settings.usercert() != null) {
        List<X509Certificate> chain = PemFiles.certificates(settings.usercert(), "usercert");
        PrivateKey key =
            PemFiles.privateKey(settings.userkey(), "userkey", () -> keyPassword(settings));
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        own.setKeyEntry("client", key, IN_MEMORY, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(own, IN_MEMORY);
        keyManagers = kmf.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManagers,
          new TrustManager[] {new CheckingTrustManager(pkix, settings.certfile(), failure)},
          null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * The userkey's password: {@code [ssl] userkey_password} when set, else typed at the terminal
   * without echo after OpenSSL's prompt (as cqlsh's OpenSSL asks), else null.
   */
  private static char[] keyPassword(TlsSettings settings) {
    if (settings.userkeyPassword() != null) {
      return settings.userkeyPassword().toCharArray();
    }
    java.io.Console console = System.console();
    return console == null
        ? null
        : console.readPassword("Enter PEM pass phrase for %s: ", settings.userkey());
  }

  @Override
  public SSLEngine newSslEngine(EndPoint endPoint) {
    SocketAddress address = endPoint.resolve();
    SSLEngine engine =
        address instanceof InetSocketAddress inet
            ? context.createSSLEngine(inet.getHostString(), inet.getPort())
            : context.createSSLEngine();
    engine.setUseClientMode(true);
    if (validate) {
      SSLParameters parameters = engine.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(parameters);
    }
    return engine;
  }

  /**
   * @return the first server certificate that failed validation, as one line; empty if none
   */
  public Optional<String> failure() {
    return Optional.ofNullable(failure.get());
  }

  @Override
  public void close() {}
}
