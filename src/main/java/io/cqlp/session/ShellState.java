package io.cqlp.session;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cqlp.capture.Capture;
import io.cqlp.config.CopyDefaults;
import io.cqlp.logging.LogFile;
import io.cqlp.output.Display;
import io.cqlp.types.ValueFormatter;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What a shell session remembers between statements: the connection, the consistency levels, paging
 * and display settings. Defaults are cqlsh's: consistency ONE, serial consistency SERIAL, paging on
 * with 100 rows a page on a terminal. Used from the shell's one thread.
 */
public final class ShellState {
  private CqlSession session;
  private Supplier<CqlSession> opener;
  private DirectReads reads;
  private final boolean interactive;
  private ConsistencyLevel consistency = DefaultConsistencyLevel.ONE;
  private ConsistencyLevel serialConsistency = DefaultConsistencyLevel.SERIAL;
  private boolean paging = true;
  private int pageSize = 100;
  private boolean expand;
  private boolean tracing;
  private java.time.Duration maxTraceWait = java.time.Duration.ofSeconds(10);
  private Capture capture;
  private ValueFormatter valueFormatter =
      ValueFormatter.screen(io.cqlp.types.ScreenSettings.DEFAULT);
  private CopyDefaults copyDefaults = CopyDefaults.NONE;
  private final Display display = new Display();
  private String host;
  private int port;
  private Reconnector reconnector;
  private int historyLength = 50;

  /** Opens a new session to the same cluster as another user (LOGIN). */
  @FunctionalInterface
  public interface Reconnector {
    /**
     * @param username the user
     * @param password the password; not null
     * @param keyspace the keyspace to use, or {@code null}
     * @return the open session
     * @throws RuntimeException (the driver's) when the node is unreachable or refuses the login
     */
    CqlSession connect(String username, String password, String keyspace);
  }

  /**
   * The one line a statement that needs a cluster fails with when cqlp runs without one ({@code
   * --no-connect}).
   */
  public static final String NOT_CONNECTED =
      "not connected: start cqlp with a host, or without --no-connect";

  /**
   * @param session the open driver session, owned by the caller; {@code null} when cqlp runs
   *     without a cluster ({@code --no-connect}): then {@link #session()} fails
   * @param interactive true at a terminal prompt (paged display), false for scripts and pipes
   */
  public ShellState(CqlSession session, boolean interactive) {
    this.session = session;
    this.interactive = interactive;
    this.display.tty(interactive);
  }

  /**
   * A state whose driver session is opened on first need, and whose reads go over a direct
   * connection until then ({@link DirectReads}): for runs that execute statements and exit.
   *
   * @param opener opens the driver session the first time {@link #session()} is called; its
   *     exceptions (the driver's, when the node cannot be reached) reach that caller
   * @param reads the direct connection's reads, closed when the driver session opens; not null
   * @param interactive true at a terminal prompt (paged display), false for scripts and pipes
   */
  public ShellState(Supplier<CqlSession> opener, DirectReads reads, boolean interactive) {
    this((CqlSession) null, interactive);
    this.opener = opener;
    this.reads = reads;
  }

  /**
   * Runs a statement: over the direct connection when there is one and it can ({@link
   * DirectReads#execute}), else on the driver session (opened then).
   *
   * @param statement the statement; not null
   * @return its result, whose later pages are fetched as they are read
   * @throws IllegalStateException ({@link #NOT_CONNECTED}) when cqlp runs without a cluster
   * @throws RuntimeException the driver's, when the statement fails
   */
  public ResultSet execute(SimpleStatement statement) {
    if (session == null && reads != null) {
      ResultSet result = reads.execute(statement, this::session);
      if (result != null) {
        return result;
      }
    }
    return session().execute(statement);
  }

  /**
   * Closes the direct connection and the driver session, if open (the driver's close waits for its
   * connections to close).
   */
  public void close() {
    if (reads != null) {
      reads.close();
    }
    if (session != null) {
      session.close();
    }
  }

  /**
   * Replaces the driver session (LOGIN) and closes the previous one.
   *
   * @param next the open session to use from now on; not null
   */
  public void session(CqlSession next) {
    if (reads != null) {
      reads.close();
    }
    opener = null;
    CqlSession previous = session;
    session = next;
    if (previous != null && previous != next) {
      previous.closeAsync();
    }
  }

  /** How results are shown: format, colours, terminal width, pager. */
  public Display display() {
    return display;
  }

  /**
   * Remembers where the shell connected and how to reconnect as another user (SHOW HOST, LOGIN).
   *
   * @param host the contact host as given
   * @param port the contact port
   * @param reconnector opens a session as another user; {@code null} when LOGIN cannot work
   */
  public void connection(String host, int port, Reconnector reconnector) {
    this.host = host;
    this.port = port;
    this.reconnector = reconnector;
  }

  /** The contact host as given, or {@code null} when not known. */
  public String host() {
    return host;
  }

  /** The contact port (0 when not known). */
  public int port() {
    return port;
  }

  /** Opens sessions as another user, or {@code null} when not set. */
  public Reconnector reconnector() {
    return reconnector;
  }

  /** How many history lines HISTORY shows (cqlsh's default 50). */
  public int historyLength() {
    return historyLength;
  }

  public void historyLength(int lines) {
    this.historyLength = lines;
  }

  /**
   * The driver session.
   *
   * @throws IllegalStateException ({@link #NOT_CONNECTED}) when cqlp runs without a cluster
   */
  public CqlSession session() {
    if (session == null && opener != null) {
      // from now on every statement goes to the driver session
      reads.close();
      if (LogFile.debug()) {
        Logger.getLogger(ShellState.class.getName())
            .fine("a statement needs the driver session: the direct connection is closed");
      }
      session = opener.get();
      opener = null;
    }
    if (session == null) {
      throw new IllegalStateException(NOT_CONNECTED);
    }
    return session;
  }

  /**
   * Whether cqlp runs with a cluster (false with {@code --no-connect}), its driver session open or
   * still to be opened.
   */
  public boolean connected() {
    return session != null || opener != null;
  }

  /** True at a terminal prompt. */
  public boolean interactive() {
    return interactive;
  }

  /** The keyspace of {@code USE}, or {@code null} when none. */
  public String keyspace() {
    if (session == null && reads != null) {
      String keyspace = reads.keyspace();
      return keyspace == null ? null : CqlIdentifier.fromCql(keyspace).asInternal();
    }
    if (session == null) {
      return null;
    }
    return session.getKeyspace().map(k -> k.asInternal()).orElse(null);
  }

  public ConsistencyLevel consistency() {
    return consistency;
  }

  public void consistency(ConsistencyLevel level) {
    this.consistency = level;
  }

  public ConsistencyLevel serialConsistency() {
    return serialConsistency;
  }

  public void serialConsistency(ConsistencyLevel level) {
    this.serialConsistency = level;
  }

  /** Whether results are shown a page at a time (only at a terminal, as cqlsh). */
  public boolean paging() {
    return paging;
  }

  public void paging(boolean on) {
    this.paging = on;
  }

  /** Rows per displayed page when paging; also the fetch size of plain queries. */
  public int pageSize() {
    return pageSize;
  }

  public void pageSize(int rows) {
    this.pageSize = rows;
  }

  /** Vertical display ({@code EXPAND ON}). */
  public boolean expand() {
    return expand;
  }

  public void expand(boolean on) {
    this.expand = on;
  }

  public boolean tracing() {
    return tracing;
  }

  public void tracing(boolean on) {
    this.tracing = on;
  }

  /**
   * How long TRACING waits for a trace to complete (cqlshrc {@code [tracing] max_trace_wait}; 10
   * s).
   */
  public java.time.Duration maxTraceWait() {
    return maxTraceWait;
  }

  /**
   * @param wait how long TRACING waits for a trace to complete; not negative
   */
  public void maxTraceWait(java.time.Duration wait) {
    this.maxTraceWait = wait;
  }

  /** The running capture, or {@code null}. */
  public synchronized Capture capture() {
    return capture;
  }

  /** Makes {@code next} the running capture (the caller finished the previous one). */
  public synchronized void capture(Capture next) {
    this.capture = next;
  }

  /**
   * Ends the running capture, if any, so its file appears whole at its target. Called on CAPTURE
   * OFF, a new CAPTURE, and at every exit of the shell (EXIT, end of input, SIGTERM).
   *
   * @return the capture that ended, or {@code null} when none was running
   * @throws IOException if its file cannot be finished (nothing is left at the target then)
   */
  public synchronized Capture finishCapture() throws IOException {
    Capture ended = capture;
    capture = null;
    if (ended != null) {
      ended.finish();
    }
    return ended;
  }

  /** How values are displayed (the cqlshrc's [ui] precisions); read when an Interpreter is made. */
  public ValueFormatter valueFormatter() {
    return valueFormatter;
  }

  public void valueFormatter(ValueFormatter formatter) {
    this.valueFormatter = formatter;
  }

  /** The cqlshrc's COPY options, merged into every COPY before it runs; never null. */
  public CopyDefaults copyDefaults() {
    return copyDefaults;
  }

  public void copyDefaults(CopyDefaults defaults) {
    this.copyDefaults = defaults;
  }
}
