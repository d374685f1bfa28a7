package io.cqlp.config;

import io.cqlp.tls.TlsSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to connect, as given on the command line (cqlsh's flags and defaults).
 *
 * @param host contact point host name or address; not null (cqlsh default {@code 127.0.0.1})
 * @param port CQL native transport port (cqlsh default 9042)
 * @param username login name, or {@code null} for no authentication
 * @param password password, or {@code null}; never logged or printed
 * @param keyspace keyspace to USE after connecting, or {@code null}
 * @param connectTimeout connect timeout (cqlsh {@code --connect-timeout}, default 5 s)
 * @param requestTimeout per-request timeout (cqlsh {@code --request-timeout}, default 10 s)
 * @param tls how to talk TLS ({@code --ssl}), or {@code null} for plain connections
 * @param protocolVersion the driver's name of the native protocol version to pin ({@code V4}, cqlsh
 *     {@code --protocol-version 4}), or {@code null} to let the driver negotiate
 */
public record ConnectionSettings(
    String host,
    int port,
    String username,
    String password,
    String keyspace,
    Duration connectTimeout,
    Duration requestTimeout,
    TlsSettings tls,
    String protocolVersion) {

  /** Default CQL port. */
  public static final int DEFAULT_PORT = 9042;

  /** Validates the non-null components. */
  public ConnectionSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** Settings with the protocol version negotiated. */
  public ConnectionSettings(
      String host,
      int port,
      String username,
      String password,
      String keyspace,
      Duration connectTimeout,
      Duration requestTimeout,
      TlsSettings tls) {
    this(host, port, username, password, keyspace, connectTimeout, requestTimeout, tls, null);
  }

  /**
   * @param version the driver's name of the native protocol version to pin, or {@code null}
   * @return these settings with that protocol version
   */
  public ConnectionSettings withProtocolVersion(String version) {
    return new ConnectionSettings(
        host, port, username, password, keyspace, connectTimeout, requestTimeout, tls, version);
  }

  /** Settings without TLS. */
  public ConnectionSettings(
      String host,
      int port,
      String username,
      String password,
      String keyspace,
      Duration connectTimeout,
      Duration requestTimeout) {
    this(host, port, username, password, keyspace, connectTimeout, requestTimeout, null);
  }

  /** Leaves the password out, so settings can never leak it through a log line. */
  @Override
  public String toString() {
    return "ConnectionSettings["
        + host
        + ":"
        + port
        + ", user="
        + username
        + ", tls="
        + (tls != null)
        + "]";
  }
}
