package io.cqlp.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.session.Connector;
import java.util.HashMap;
import java.util.Map;

/**
 * One driver session per connection recipe in each JVM (Spark driver or executor), opened by the
 * first task that needs it and shared by the tasks that run there at once; closed when the JVM
 * exits. Opening a session costs about a second (contact, schema, token map): once per executor,
 * not once per task.
 */
final class ExecutorSessions {
  private static final Map<ConnectionRecipe, CqlSession> OPEN = new HashMap<>();

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
      if (OPEN.isEmpty()) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(ExecutorSessions::closeAll, "cqlp-sessions"));
      }
      OPEN.put(recipe, session);
    }
    return session;
  }

  private static synchronized void closeAll() {
    OPEN.values().forEach(CqlSession::close);
    OPEN.clear();
  }
}
