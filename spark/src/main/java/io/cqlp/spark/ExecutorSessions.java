package io.cqlp.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.session.Connector;
import java.util.HashMap;
import java.util.Map;

/**
 * One driver session per connection recipe in each JVM (Spark driver or executor), opened by the
 * first task that needs it and shared by the tasks that run there at once; closed when the JVM
 * exits. Opening a session costs about a second (contact, schema, token map): once per executor,
 * not once per task. In {@code local[N]} mode the tasks use the driver's own session ({@link
 * #lend}).
 */
final class ExecutorSessions {
  private static final Map<ConnectionRecipe, CqlSession> OPEN = new HashMap<>();
  private static boolean hooked;

  private ExecutorSessions() {}

  /**
   * @param recipe where and as whom to connect
   * @return the JVM's open session for it
   * @throws com.datastax.oss.driver.api.core.AllNodesFailedException if no node answers
   */
  static synchronized CqlSession of(ConnectionRecipe recipe) {
    CqlSession session = OPEN.get(recipe);
    if (session == null || session.isClosed()) {
      session = Connector.connect(recipe.settings());
      if (!hooked) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(ExecutorSessions::closeAll, "cqlp-sessions"));
        hooked = true;
      }
      OPEN.put(recipe, session);
    }
    return session;
  }

  /**
   * Lends the driver's own session to the tasks that run in the driver's JVM ({@code local[N]}:
   * executors are threads there), so they do not open a second one. The caller keeps closing it.
   *
   * @param recipe the recipe the session was opened from
   * @param session the open session
   */
  static synchronized void lend(ConnectionRecipe recipe, CqlSession session) {
    OPEN.putIfAbsent(recipe, session);
  }

  private static synchronized void closeAll() {
    OPEN.values().forEach(CqlSession::close);
    OPEN.clear();
  }
}
