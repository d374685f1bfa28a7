package io.cqlp.session;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.internal.core.cql.ResultSets;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.request.query.QueryOptions;
import com.datastax.oss.protocol.internal.response.result.Rows;
import io.cqlp.wire.WireConnection;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads for a run that executes statements and exits ({@code -e}, {@code -f}, a script on standard
 * input): plain {@code SELECT}s answered over one {@link WireConnection} to the contact point, so
 * that such a run opens the driver's session only when a statement needs it ({@link
 * ShellState#execute}).
 *
 * <p>Why: building the driver's session (its configuration, Netty's event loops, a control
 * connection and a pool connection, each with its handshake, and the peers tables) took more than
 * half of a one-shot {@code cqlp -e "SELECT ..."} in a fresh JVM, where all that code runs
 * interpreted; even the driver's {@code Session} interface initialises SLF4J and java.util.logging,
 * which look through every jar. One blocking socket speaking the same protocol answers such a read
 * in milliseconds, and the rows it returns are the driver's own row objects ({@link WirePage}), so
 * every printer and converter reads them unchanged.
 *
 * <p>What goes over the connection: a {@link SimpleStatement} whose text starts with {@code SELECT}
 * ({@link #servable}), with its consistency levels and page size; its later pages too. The caller
 * sends everything else to the driver session, and from the moment that session is open, every
 * statement: the connection is then closed ({@link #close}).
 *
 * <p>Failures: when the server answers a read with an error, or the connection fails, {@link
 * #execute} returns null and the caller runs the same statement on the driver session, so errors
 * read exactly as they always have; a read runs twice only when it failed, and reads have no side
 * effects. A later page that fails is fetched by the driver session from the same paging state.
 * When no answer comes within the request timeout, the read fails with the driver's {@link
 * DriverTimeoutException}, as the driver would, and the connection is dropped.
 *
 * <p>Used from the shell's one thread (and the thread it waits on).
 */
public final class DirectReads implements AutoCloseable {
  private final Duration requestTimeout;
  private final String keyspace;
  private WireConnection wire;

  /**
   * @param wire an open connection, already in {@code keyspace}; closed by {@link #close}
   * @param keyspace the connection's keyspace in CQL form, or null
   * @param requestTimeout the connection's read timeout, for the timeout's message
   */
  DirectReads(WireConnection wire, String keyspace, Duration requestTimeout) {
    this.wire = wire;
    this.keyspace = keyspace;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Whether the connection may run {@code statement}: a {@code SELECT} with nothing the connection
   * does not send (bound values, tracing, a keyspace, node, timeout, timestamp or execution profile
   * of its own).
   */
  static boolean servable(SimpleStatement s) {
    return isSelect(s.getQuery())
        && s.getPositionalValues().isEmpty()
        && s.getNamedValues().isEmpty()
        && !s.isTracing()
        && s.getKeyspace() == null
        && s.getRoutingKeyspace() == null
        && s.getNode() == null
        && s.getPagingState() == null
        && s.getCustomPayload().isEmpty()
        && s.getExecutionProfile() == null
        && s.getExecutionProfileName() == null
        && s.getTimeout() == null
        && s.getQueryTimestamp() == Statement.NO_DEFAULT_TIMESTAMP
        && s.getNowInSeconds() == Statement.NO_NOW_IN_SECONDS;
  }

  /** True when the first word of {@code cql} is SELECT, in any case. */
  static boolean isSelect(String cql) {
    String text = cql.stripLeading();
    return text.regionMatches(true, 0, "select", 0, 6)
        && (text.length() == 6 || !Character.isJavaIdentifierPart(text.charAt(6)));
  }

  /**
   * Runs a read over the connection.
   *
   * @param statement the statement; not null
   * @param driver the driver session, opened on demand: fetches a later page when the connection
   *     cannot
   * @return its rows, later pages fetched as they are read; null when the connection is closed, the
   *     statement is not {@link #servable}, the server answered with an error or the connection
   *     failed: then the caller runs it on the driver session
   * @throws DriverTimeoutException when the server does not answer within the request timeout
   */
  public ResultSet execute(SimpleStatement statement, Supplier<CqlSession> driver) {
    if (wire == null || !servable(statement)) {
      return null;
    }
    AsyncResultSet first = page(statement, null, driver);
    return first == null ? null : ResultSets.newInstance(first);
  }

  /** One page over the connection, or null when the driver should run it instead. */
  private AsyncResultSet page(
      SimpleStatement statement, ByteBuffer pagingState, Supplier<CqlSession> driver) {
    if (wire == null) {
      return null;
    }
    Frame frame;
    try {
      frame = wire.query(statement.getQuery(), options(statement, pagingState));
    } catch (SocketTimeoutException e) {
      close();
      throw new DriverTimeoutException("Query timed out after " + requestTimeout);
    } catch (IOException | RuntimeException e) {
      // looked up only here: the first JUL logger of a run scans every jar for a LoggerFinder
      Logger.getLogger(DirectReads.class.getName())
          .log(Level.FINE, "direct connection failed; the driver session takes over", e);
      close();
      return null;
    }
    if (!(frame.message instanceof Rows)) {
      // an error: the driver runs the read again and reports it as it always does
      return null;
    }
    return new WirePage(statement, frame, state -> next(statement, state, driver));
  }

  private CompletionStage<AsyncResultSet> next(
      SimpleStatement statement, ByteBuffer state, Supplier<CqlSession> driver) {
    try {
      AsyncResultSet page = page(statement, state, driver);
      if (page != null) {
        return CompletableFuture.completedFuture(page);
      }
      return driver.get().executeAsync(statement.setPagingState(state));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static QueryOptions options(SimpleStatement statement, ByteBuffer pagingState) {
    ConsistencyLevel consistency = statement.getConsistencyLevel();
    ConsistencyLevel serial = statement.getSerialConsistencyLevel();
    return new QueryOptions(
        // the driver's defaults (basic.request.consistency, serial-consistency)
        (consistency == null ? DefaultConsistencyLevel.LOCAL_ONE : consistency).getProtocolCode(),
        List.of(),
        Map.of(),
        false,
        statement.getPageSize() > 0 ? statement.getPageSize() : 5000,
        pagingState,
        (serial == null ? DefaultConsistencyLevel.SERIAL : serial).getProtocolCode(),
        QueryOptions.NO_DEFAULT_TIMESTAMP,
        null,
        QueryOptions.NO_NOW_IN_SECONDS);
  }

  /** The keyspace the connection was opened in ({@code -k}), in CQL form, or null. */
  public String keyspace() {
    return keyspace;
  }

  /** Closes the connection; later {@link #execute} calls return null. Never throws. */
  @Override
  public void close() {
    if (wire != null) {
      wire.close();
      wire = null;
    }
  }
}
