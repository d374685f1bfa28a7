package io.cqlp.it;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.local.LocalCassandra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests one real Cassandra node for the whole test run.
 *
 * <p>Use as {@code @ExtendWith(CassandraExtension.class)}. The first test class that uses it starts
 * a node in {@code target/it-node} (under the system property {@code cqlp.home}, else the working
 * directory) from the jars of {@link LocalCassandra#defaultLibDir()} (failsafe sets {@code
 * cqlp.cassandra.lib}); the node and one shared {@link CqlSession} live in the root extension store
 * and are closed when the run ends. If the node fails to start, every class using the extension
 * fails with that same error, without a second attempt.
 *
 * <p>Test code reaches them through parameters of type {@link LocalCassandra} or {@link CqlSession}
 * (constructors, lifecycle and test methods), or through {@link #node()} and {@link #session()}
 * once a class with the extension has started. The shared session has no keyspace: qualify table
 * names, e.g. with the one from {@link #createKeyspace(Class)}.
 */
public final class CassandraExtension implements BeforeAllCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(CassandraExtension.class);
  private static volatile Shared shared;

  /** Starts the run's node if no earlier class did. */
  @Override
  public void beforeAll(ExtensionContext context) {
    shared(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalCassandra.class || type == CqlSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Shared current = shared(context);
    return parameter.getParameter().getType() == LocalCassandra.class
        ? current.node
        : current.session;
  }

  /**
   * The run's node.
   *
   * @throws IllegalStateException if no test class with this extension has started yet
   */
  public static LocalCassandra node() {
    return current().node;
  }

  /**
   * The run's shared session (no keyspace set). Do not close it.
   *
   * @throws IllegalStateException if no test class with this extension has started yet
   */
  public static CqlSession session() {
    return current().session;
  }

  /**
   * Creates a new keyspace with SimpleStrategy and replication factor 1, named after the test class
   * plus a random suffix, e.g. {@code it_localcassandrait_k3x9q1}.
   *
   * @param testClass the class the keyspace is for; not null
   * @return the keyspace name: lower case, at most 48 characters (Cassandra's limit)
   * @throws IllegalStateException if no test class with this extension has started yet
   */
  public static String createKeyspace(Class<?> testClass) {
    String base = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    String name = "it_" + base.substring(0, Math.min(base.length(), 36)) + "_" + suffix;
    session()
        .execute(
            "CREATE KEYSPACE "
                + name
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    return name;
  }

  private static Shared current() {
    Shared current = shared;
    if (current == null) {
      throw new IllegalStateException(
          "no Cassandra node: annotate the test class with @ExtendWith(CassandraExtension.class)");
    }
    return current;
  }

  private static Shared shared(ExtensionContext context) {
    Shared current =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
    shared = current;
    return current;
  }

  /** The run's node and session; closed by JUnit at the end of the run (root store). */
  private static final class Shared implements AutoCloseable {
    private final LocalCassandra node;
    private final CqlSession session;

    private Shared(LocalCassandra node, CqlSession session) {
      this.node = node;
      this.session = session;
    }

    static Shared start() {
      Path nodeDir = Path.of(System.getProperty("cqlp.home", "."), "target", "it-node");
      LocalCassandra node;
      try {
        node =
            LocalCassandra.start(
                nodeDir, LocalCassandra.defaultLibDir(), LocalCassandra.DEFAULT_START_TIMEOUT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        return new Shared(node, node.openSession());
      } catch (RuntimeException e) {
        node.stop();
        throw e;
      }
    }

    @Override
    public void close() {
      shared = null;
      try {
        session.close();
      } finally {
        node.stop();
      }
    }
  }
}
