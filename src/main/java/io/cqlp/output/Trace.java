package io.cqlp.output;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One tracing session as stored in {@code system_traces.sessions} and {@code system_traces.events}.
 *
 * @param id the session id
 * @param requestType the request, e.g. {@code Execute CQL3 query}
 * @param coordinator the coordinator's address, as text
 * @param client the client's address as text, or {@code null} when not recorded
 * @param startedAt when the coordinator started the request
 * @param durationMicros the request's duration in microseconds, {@code null} while unfinished
 * @param events the events in time order
 */
public record Trace(
    UUID id,
    String requestType,
    String coordinator,
    String client,
    Instant startedAt,
    Integer durationMicros,
    List<Event> events) {

  /**
   * One event of a trace.
   *
   * @param activity what happened
   * @param thread the thread that did it
   * @param timestamp when (microsecond precision, from the event's time-based id)
   * @param source the node's address, as text
   * @param elapsedMicros microseconds since the request reached that node
   */
  public record Event(
      String activity, String thread, Instant timestamp, String source, int elapsedMicros) {}

  public Trace {
    Objects.requireNonNull(id, "id");
    events = List.copyOf(events);
  }
}
