package io.cqlp.tls;

/**
 * A TLS connection that cannot be set up: an unreadable certificate or key file, or a server
 * certificate that fails validation. The message is one line for the user, starting with {@code
 * TLS: }.
 */
public final class TlsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the line after {@code TLS: }
   */
  public TlsException(String message) {
    super("TLS: " + message);
  }

  /**
   * @param message the line after {@code TLS: }
   * @param cause the underlying failure
   */
  public TlsException(String message, Throwable cause) {
    super("TLS: " + message, cause);
  }
}
