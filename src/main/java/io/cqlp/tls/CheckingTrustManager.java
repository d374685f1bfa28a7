package io.cqlp.tls;

import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks server certificates with the JDK's PKIX trust manager, in two steps so that the user
 * learns which one failed: first the chain against the certfile, then (when the engine asks for it)
 * the host name against the certificate. The first failure is kept as a one-line message for {@link
 * TlsEngineFactory#failure()}. With no delegate, every server is trusted ({@code validate =
 * false}). Client certificates are not checked here: this side is always the client.
 */
final class CheckingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;
  private final Path certfile;
  private final AtomicReference<String> failure;

  /**
   * @param delegate the JDK trust manager over the certfile's certificates, or null to trust all
   * @param certfile named in messages
   * @param failure receives the first failure's message
   */
  CheckingTrustManager(
      X509ExtendedTrustManager delegate, Path certfile, AtomicReference<String> failure) {
    this.delegate = delegate;
    this.certfile = certfile;
    this.failure = failure;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(
        chain,
        authType,
        engine == null ? null : engine.getPeerHost() + ":" + engine.getPeerPort(),
        engine == null ? null : engine.getPeerHost());
    if (delegate != null && engine != null) {
      try {
        delegate.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        failure.compareAndSet(
            null,
            "server certificate for "
                + engine.getPeerHost()
                + ":"
                + engine.getPeerPort()
                + " does not match the host name '"
                + engine.getPeerHost()
                + "': "
                + innermost(e)
                + " (connect with a name the certificate holds, or set validate = false in [ssl])");
        throw e;
      }
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    String host =
        socket == null ? null : socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    check(chain, authType, host, null);
    if (delegate != null) {
      delegate.checkServerTrusted(chain, authType, socket);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain, authType, null, null);
  }

  private void check(X509Certificate[] chain, String authType, String peer, String host)
      throws CertificateException {
    if (delegate == null) {
      return;
    }
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      String subject =
          chain.length == 0 ? "" : " (" + chain[0].getSubjectX500Principal().getName() + ")";
      failure.compareAndSet(
          null,
          "server certificate"
              + subject
              + " for "
              + (peer == null ? "the server" : peer)
              + " is not trusted by "
              + certfile
              + ": "
              + innermost(e));
      throw e;
    }
  }

  private static String innermost(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("cqlp does not accept TLS clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("cqlp does not accept TLS clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("cqlp does not accept TLS clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
  }
}
