package io.cqlp.session;

import com.datastax.oss.driver.internal.core.context.StartupOptionsBuilder;
import io.cqlp.config.CqlpVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How cqlp names itself to Cassandra: the options of the STARTUP message (native protocol spec
 * section 4.1.1), which Cassandra 4.0 and later keep and show in {@code
 * system_views.clients.client_options}, for the driver's session and the direct connection alike.
 *
 * <p>A class of its own, apart from {@link LeanSessionBuilder}: initialising that builder's
 * superclass starts SLF4J and java.util.logging, whose first logger looks for a logger service in
 * every jar, and a one-shot read over the direct connection needs neither.
 */
final class ClientOptions {
  /** The application name sent in STARTUP. */
  static final String APPLICATION_NAME = "cqlp";

  private ClientOptions() {}

  /**
   * The STARTUP options: {@code DRIVER_NAME} and {@code DRIVER_VERSION} as given, a random {@code
   * CLIENT_ID} ({@link #clientId}), {@code APPLICATION_NAME=cqlp} and {@code APPLICATION_VERSION},
   * cqlp's version. The keys are the driver's compile-time constants, so its {@code
   * StartupOptionsBuilder} (whose static initialiser builds a Jackson {@code ObjectMapper}) is
   * never initialised.
   *
   * @param driverName the client library's name; not null
   * @param driverVersion its version; not null
   * @return a new mutable map in that order
   */
  static Map<String, String> startup(String driverName, String driverVersion) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(StartupOptionsBuilder.DRIVER_NAME_KEY, driverName);
    options.put(StartupOptionsBuilder.DRIVER_VERSION_KEY, driverVersion);
    options.put(StartupOptionsBuilder.CLIENT_ID_KEY, clientId().toString());
    options.put(StartupOptionsBuilder.APPLICATION_NAME_KEY, APPLICATION_NAME);
    options.put(StartupOptionsBuilder.APPLICATION_VERSION_KEY, CqlpVersion.version());
    return options;
  }

  /**
   * A random version-4 UUID (RFC 4122 section 4.4) from {@link ThreadLocalRandom}: the client's
   * name, not a secret, so it skips {@code SecureRandom}'s provider lookup and seeding (about 15 ms
   * of a one-shot run).
   */
  static UUID clientId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
