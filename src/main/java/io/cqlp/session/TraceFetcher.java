package io.cqlp.session;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cqlp.output.Trace;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a tracing session from {@code system_traces.sessions} and {@code system_traces.events}, as
 * cqlsh's {@code TraceSession.populate}: the session row is polled until its duration is written
 * (the request finished) or the wait runs out. Reads at consistency ONE.
 */
final class TraceFetcher {
  /** Offset of the UUID epoch (1582-10-15) from the Unix epoch, in 100 ns units. */
  private static final long UUID_EPOCH_OFFSET = 0x01b21dd213814000L;

  private TraceFetcher() {}

  /** A trace and whether its request had finished when read. */
  record Result(Trace trace, boolean complete) {}

  /**
   * @param session the session to read with
   * @param id the tracing session id
   * @param wait how long to wait for the request to finish; zero reads what is there now
   * @return the trace, or {@code null} when no session row exists (after the wait)
   * @throws InterruptedException when interrupted while waiting
   */
  static Result fetch(CqlSession session, UUID id, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = 20;
    Row row;
    while (true) {
      row =
          session
              .execute(
                  SimpleStatement.newInstance(
                          "SELECT request, coordinator, client, started_at, duration"
                              + " FROM system_traces.sessions WHERE session_id = ?",
                          id)
                      .setConsistencyLevel(DefaultConsistencyLevel.ONE))
              .one();
      boolean complete = row != null && !row.isNull("duration");
      if (complete || System.nanoTime() >= deadline) {
        break;
      }
      Thread.sleep(pause);
      pause = Math.min(500, pause * 2);
    }
    if (row == null) {
      return null;
    }
    List<Trace.Event> events = new ArrayList<>();
    for (Row e :
        session.execute(
            SimpleStatement.newInstance(
                    "SELECT activity, event_id, source, source_elapsed, thread"
                        + " FROM system_traces.events WHERE session_id = ?",
                    id)
                .setConsistencyLevel(DefaultConsistencyLevel.ONE))) {
      events.add(
          new Trace.Event(
              e.getString("activity"),
              e.getString("thread"),
              timeOf(e.getUuid("event_id")),
              address(e.getInetAddress("source")),
              e.isNull("source_elapsed") ? 0 : e.getInt("source_elapsed")));
    }
    Integer duration = row.isNull("duration") ? null : row.getInt("duration");
    Trace trace =
        new Trace(
            id,
            row.getString("request"),
            address(row.getInetAddress("coordinator")),
            row.isNull("client") ? null : address(row.getInetAddress("client")),
            row.getInstant("started_at"),
            duration,
            events);
    return new Result(trace, duration != null);
  }

  /** The time of a time-based UUID, to the microsecond. */
  static Instant timeOf(UUID timeUuid) {
    long micros = (timeUuid.timestamp() - UUID_EPOCH_OFFSET) / 10;
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static String address(InetAddress address) {
    return address == null ? "" : address.getHostAddress();
  }
}
