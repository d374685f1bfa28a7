package io.cqlp.session;

import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import io.cqlp.config.ConnectionSettings;
import io.cqlp.config.CqlpVersion;
import io.cqlp.logging.LogFile;
import io.cqlp.tls.TlsEngineFactory;
import io.cqlp.tls.TlsException;
import io.cqlp.wire.WireConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Opens driver sessions from {@link ConnectionSettings}. */
public final class Connector {
  private Connector() {}

  /**
   * Opens the direct connection of a run that executes statements and exits ({@code -e}, {@code
   * -f}, a script on standard input), for {@link ShellState}'s reads before (or instead of) the
   * driver session.
   *
   * <p>It is tried when the settings ask for no TLS and for protocol v5 or none (it speaks v5,
   * which Cassandra 4.0 and later do). It is not opened when the node speaks an older protocol,
   * refuses the credentials, uses another authenticator, lacks the keyspace or cannot be reached:
   * the caller then opens the driver session, which reports any failure as it always has.
   *
   * @param settings where and as whom; not null
   * @return the reads over an open connection, or null when there is none
   */
  public static DirectReads openDirectReads(ConnectionSettings settings) {
    boolean v5 = settings.protocolVersion() == null || "V5".equals(settings.protocolVersion());
    if (settings.tls() != null || !v5) {
      return null;
    }
    WireConnection wire = null;
    try {
      wire =
          WireConnection.open(
              new InetSocketAddress(settings.host(), settings.port()),
              settings.connectTimeout(),
              settings.requestTimeout(),
              ClientOptions.startup(ClientOptions.APPLICATION_NAME, CqlpVersion.version()),
              settings.username(),
              settings.password());
      if (settings.keyspace() != null) {
        wire.use(settings.keyspace());
      }
      if (LogFile.debug()) {
        Logger.getLogger(Connector.class.getName())
            .fine(
                "direct connection to "
                    + settings.host()
                    + ":"
                    + settings.port()
                    + " in protocol v5: plain SELECTs are read over it, and the driver session"
                    + " opens for the first statement that needs it");
      }
      return new DirectReads(wire, settings.keyspace(), settings.requestTimeout());
    } catch (IOException | RuntimeException e) {
      // looked up only on failure or with --debug: java.util.logging's first start is costly
      Logger.getLogger(Connector.class.getName())
          .log(Level.FINE, "no direct connection; the driver session will be opened", e);
      if (wire != null) {
        wire.close();
      }
      return null;
    }
  }

  /**
   * Connects to the cluster.
   *
   * <p>The local datacenter is inferred from the contact point (the driver's {@code
   * DcInferringLoadBalancingPolicy}), as cqlsh needs none. Schema metadata is fetched on first use
   * ({@link SchemaOnDemandSession}): DESCRIBE, completion and COPY get it with the token map's
   * replicas, while a one-shot statement does not wait for the schema tables.
   *
   * @param settings where and as whom; not null
   * @return an open session, whose schema metadata comes on first use; the caller closes it
   * @throws com.datastax.oss.driver.api.core.AllNodesFailedException if no node answers
   * @throws com.datastax.oss.driver.api.core.auth.AuthenticationException on bad credentials
   * @throws TlsException when a TLS certificate or key file cannot be read, or the server's
   *     certificate fails validation (the message says which check failed, for which host)
   */
  public static SchemaOnDemandSession connect(ConnectionSettings settings) {
    OptionsMap options = OptionsMap.driverDefaults();
    options.put(TypedDriverOption.LOAD_BALANCING_POLICY_CLASS, "DcInferringLoadBalancingPolicy");
    options.put(TypedDriverOption.CONNECTION_CONNECT_TIMEOUT, settings.connectTimeout());
    options.put(TypedDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, settings.connectTimeout());
    options.put(TypedDriverOption.CONTROL_CONNECTION_TIMEOUT, settings.connectTimeout());
    options.put(TypedDriverOption.REQUEST_TIMEOUT, settings.requestTimeout());
    options.put(TypedDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, settings.requestTimeout());
    options.put(TypedDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false);
    options.put(TypedDriverOption.CONNECTION_MAX_REQUESTS, 2048);
    // Startup: the native clock loads jnr-ffi and a native library (~400 classes, a noticeable
    // part of the time to the prompt); the JDK clock plus the monotonic generator gives unique
    // client timestamps as well.
    options.put(TypedDriverOption.TIMESTAMP_GENERATOR_FORCE_JAVA_CLOCK, true);
    // DataStax Enterprise's Insights reporting serves no purpose for Apache Cassandra.
    options.put(TypedDriverOption.MONITOR_REPORTING_ENABLED, false);
    // Closing: the driver's event loops wait for 2 quiet seconds before they stop (Netty's
    // graceful shutdown), which was most of a one-shot `cqlp -e`'s wall time. The session has
    // closed every connection by then, so nothing is left for them to run.
    options.put(TypedDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0);
    options.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
    // Start-up: no schema queries before the first statement that needs the metadata.
    options.put(TypedDriverOption.METADATA_SCHEMA_ENABLED, false);
    if (settings.protocolVersion() != null) {
      // cqlsh --protocol-version: no negotiation, the driver speaks this version or fails.
      options.put(TypedDriverOption.PROTOCOL_VERSION, settings.protocolVersion());
    }
    // The options as a map, not the driver's default HOCON loader: parsing its reference.conf
    // with Typesafe Config took ~0.1 s of a one-shot run.
    DriverConfigLoader config = DriverConfigLoader.fromMap(options);
    var builder =
        new LeanSessionBuilder()
            .withConfigLoader(config)
            .addContactPoint(new InetSocketAddress(settings.host(), settings.port()));
    if (settings.username() != null) {
      builder.withAuthCredentials(
          settings.username(), settings.password() == null ? "" : settings.password());
    }
    if (settings.keyspace() != null) {
      builder.withKeyspace(settings.keyspace());
    }
    TlsEngineFactory tls = settings.tls() == null ? null : new TlsEngineFactory(settings.tls());
    if (tls != null) {
      builder.withSslEngineFactory(tls);
    }
    try {
      return new SchemaOnDemandSession(builder.build());
    } catch (RuntimeException e) {
      if (tls != null && tls.failure().isPresent()) {
        throw new TlsException(tls.failure().get(), e);
      }
      throw e;
    }
  }
}
