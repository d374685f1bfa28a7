package io.cqlp.spark;

import io.cqlp.config.ConnectionSettings;
import io.cqlp.tls.TlsSettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The driver's resolved connection settings in a form that travels to the executors (Java
 * serialization), so every task connects as the driver did: host, port, credentials, keyspace,
 * timeouts, TLS files and protocol version. TLS files are named by path: they must exist at the
 * same path on every executor's machine. {@link #toString()} shows no password.
 *
 * @param host contact point
 * @param port CQL port
 * @param username login, or null
 * @param password password, or null; never printed
 * @param keyspace keyspace to USE, or null
 * @param connectMillis connect timeout in milliseconds
 * @param requestMillis request timeout in milliseconds
 * @param tls whether to talk TLS
 * @param certfile trusted certificates (PEM path), or null
 * @param validate whether the server's certificate is checked
 * @param usercert client certificate (PEM path), or null
 * @param userkey client key (PEM path), or null
 * @param userkeyPassword the client key's password, or null; never printed
 * @param protocolVersion the driver's name of the pinned protocol version, or null
 */
record ConnectionRecipe(
    String host,
    int port,
    String username,
    String password,
    String keyspace,
    long connectMillis,
    long requestMillis,
    boolean tls,
    String certfile,
    boolean validate,
    String usercert,
    String userkey,
    String userkeyPassword,
    String protocolVersion)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The recipe of resolved settings. */
  static ConnectionRecipe of(ConnectionSettings s) {
    TlsSettings t = s.tls();
    return new ConnectionRecipe(
        s.host(),
        s.port(),
        s.username(),
        s.password(),
        s.keyspace(),
        s.connectTimeout().toMillis(),
        s.requestTimeout().toMillis(),
        t != null,
        t == null ? null : text(t.certfile()),
        t != null && t.validate(),
        t == null ? null : text(t.usercert()),
        t == null ? null : text(t.userkey()),
        t == null ? null : t.userkeyPassword(),
        s.protocolVersion());
  }

  /** The settings again. */
  ConnectionSettings settings() {
    return new ConnectionSettings(
        host,
        port,
        username,
        password,
        keyspace,
        Duration.ofMillis(connectMillis),
        Duration.ofMillis(requestMillis),
        tls
            ? new TlsSettings(
                path(certfile), validate, path(usercert), path(userkey), userkeyPassword)
            : null,
        protocolVersion);
  }

  private static String text(Path p) {
    return p == null ? null : p.toString();
  }

  private static Path path(String s) {
    return s == null ? null : Path.of(s);
  }

  @Override
  public String toString() {
    return "ConnectionRecipe[" + host + ":" + port + ", user=" + username + ", tls=" + tls + "]";
  }
}
