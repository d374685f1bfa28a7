package io.cqlp.local;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Driver sessions to a local node: the caller's session, and the short-lived probe that tells
 * whether a node answers CQL.
 *
 * <p>Every session opened here keeps the driver's defaults except that closing it does not wait the
 * 2 s quiet period of its Netty event loops (which would add 2 s to every probe).
 */
final class NodeSessions {

  /** Request timeout of {@link #open}; see {@link LocalCassandra#openSession()}. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Connect, init-query, control-connection and request timeout of a probe. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  private NodeSessions() {}

  /**
   * Opens a session for general use, with a {@link #REQUEST_TIMEOUT} request timeout.
   *
   * @param host contact point address; not null
   * @param port CQL native transport port
   * @param datacenter local data center; not null
   * @return an open session, no keyspace set; the caller closes it
   * @throws com.datastax.oss.driver.api.core.AllNodesFailedException if the node does not answer
   */
  static CqlSession open(String host, int port, String datacenter) {
    return open(host, port, datacenter, Access.PLAIN);
  }

  /** As {@link #open(String, int, String)}, with TLS and a login when the node asks for them. */
  static CqlSession open(String host, int port, String datacenter, Access access) {
    return build(
        host,
        port,
        datacenter,
        config().withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT).build(),
        access);
  }

  /**
   * Opens a session to the nodes of a local cluster (each a contact point), with a {@link
   * #REQUEST_TIMEOUT} request timeout; see {@link LocalCluster#openSession()}.
   *
   * @param hosts the nodes' addresses; not null, not empty
   * @param port their common CQL native transport port
   * @param datacenter local data center; not null
   * @return an open session, no keyspace set; the caller closes it
   * @throws com.datastax.oss.driver.api.core.AllNodesFailedException if no node answers
   */
  static CqlSession open(java.util.List<String> hosts, int port, String datacenter) {
    var builder =
        CqlSession.builder()
            .withLocalDatacenter(datacenter)
            .withConfigLoader(
                config()
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                    .build());
    hosts.forEach(host -> builder.addContactPoint(new InetSocketAddress(host, port)));
    return builder.build();
  }

  /**
   * How to reach a node that may speak TLS or ask for a login.
   *
   * @param ssl a context trusting the node's certificate, or null for plain CQL
   * @param username login name, or null for none
   * @param password its password
   */
  record Access(SSLContext ssl, String username, String password) {
    static final Access PLAIN = new Access(null, null, null);

    @Override
    public String toString() {
      return "Access[tls=" + (ssl != null) + ", user=" + username + "]";
    }
  }

  /**
   * Asks a node for its version, with {@link #PROBE_TIMEOUT} timeouts and no schema or token
   * metadata.
   *
   * @param host contact point address; not null
   * @param port CQL native transport port
   * @param datacenter local data center; not null
   * @return the {@code release_version} of {@code system.local}, or empty if the node does not
   *     answer
   */
  static Optional<String> releaseVersion(String host, int port, String datacenter) {
    return releaseVersion(host, port, datacenter, Access.PLAIN);
  }

  /** As {@link #releaseVersion(String, int, String)}, with TLS and a login when given. */
  static Optional<String> releaseVersion(String host, int port, String datacenter, Access access) {
    DriverConfigLoader probe =
        config()
            .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, PROBE_TIMEOUT)
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, PROBE_TIMEOUT)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, PROBE_TIMEOUT)
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, PROBE_TIMEOUT)
            .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
            .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
            .build();
    try (CqlSession session = build(host, port, datacenter, probe, access)) {
      Row row = session.execute("SELECT release_version FROM system.local").one();
      return Optional.ofNullable(row == null ? null : row.getString("release_version"));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static ProgrammaticDriverConfigLoaderBuilder config() {
    return DriverConfigLoader.programmaticBuilder()
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
  }

  private static CqlSession build(
      String host, int port, String datacenter, DriverConfigLoader config, Access access) {
    var builder =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(host, port))
            .withLocalDatacenter(datacenter)
            .withConfigLoader(config);
    if (access.ssl() != null) {
      builder.withSslContext(access.ssl());
    }
    if (access.username() != null) {
      builder.withAuthCredentials(access.username(), access.password());
    }
    return builder.build();
  }
}
