package io.cqlp.it;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.local.LocalCassandra;
import io.cqlp.local.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests one real three-node Cassandra cluster for the whole test run, as {@link
 * CassandraExtension} gives one node.
 *
 * <p>Use as {@code @ExtendWith(ClusterExtension.class)}. The first test class that uses it starts
 * {@value #NODES} nodes on {@code 127.0.0.2..4} in {@code target/it-cluster} (under the system
 * property {@code cqlp.home}), each with a {@link LocalCluster#DEFAULT_HEAP_MB} MiB heap; the
 * cluster and one shared {@link CqlSession} (every node a contact point, no keyspace) live in the
 * root extension store and are closed when the run ends. If the cluster fails to start, every class
 * using the extension fails with that error, without a second attempt. Test code reaches them
 * through parameters of type {@link LocalCluster} or {@link CqlSession}. A test that stops or kills
 * a node must start it again ({@link LocalCluster#startAgain(int)}) before it ends.
 */
public final class ClusterExtension implements BeforeAllCallback, ParameterResolver {

  /** Nodes of the cluster. */
  public static final int NODES = 3;

  private static final Namespace NAMESPACE = Namespace.create(ClusterExtension.class);

  /** Starts the run's cluster if no earlier class did. */
  @Override
  public void beforeAll(ExtensionContext context) {
    shared(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalCluster.class || type == CqlSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Shared current = shared(context);
    return parameter.getParameter().getType() == LocalCluster.class
        ? current.cluster
        : current.session;
  }

  private static Shared shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
  }

  /** The run's cluster and session; closed by JUnit at the end of the run (root store). */
  private static final class Shared implements AutoCloseable {
    private final LocalCluster cluster;
    private final CqlSession session;

    private Shared(LocalCluster cluster, CqlSession session) {
      this.cluster = cluster;
      this.session = session;
    }

    static Shared start() {
      Path dir = Path.of(System.getProperty("cqlp.home", "."), "target", "it-cluster");
      LocalCluster cluster;
      try {
        cluster =
            LocalCluster.start(
                dir,
                LocalCassandra.defaultLibDir(),
                NODES,
                LocalCassandra.DEFAULT_START_TIMEOUT,
                LocalCluster.DEFAULT_HEAP_MB);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        return new Shared(cluster, cluster.openSession());
      } catch (RuntimeException e) {
        cluster.close();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        session.close();
      } finally {
        cluster.close();
      }
    }
  }
}
