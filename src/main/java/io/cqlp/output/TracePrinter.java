package io.cqlp.output;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a trace as cqlsh's {@code TRACING ON} and {@code SHOW SESSION} do ({@code
 * cqlshlib/tracing.py}): {@code Tracing session: <id>}, then a table of {@code activity | timestamp
 * | source | source_elapsed | client} with a first row for the request, one row per event ({@code
 * activity [thread]}) and a last {@code Request complete} row when the duration is known. Times are
 * local ({@code zone}) in Python's {@code str(datetime)} form, {@code 2024-01-02 03:04:05.123456}
 * (no fraction when it is zero); elapsed times in microseconds.
 */
public final class TracePrinter {
  private static final List<String> NAMES =
      List.of("activity", "timestamp", "source", "source_elapsed", "client");

  private final PrintWriter out;
  private final boolean colors;
  private final boolean tty;
  private final ZoneId zone;

  /**
   * @param out where to print
   * @param colors cqlsh's colours (the title magenta, names magenta, values by type)
   * @param tty whether at a terminal prompt (a blank line follows the table's rows)
   * @param zone the zone times are shown in (cqlsh: the local one)
   */
  public TracePrinter(PrintWriter out, boolean colors, boolean tty, ZoneId zone) {
    this.out = out;
    this.colors = colors;
    this.tty = tty;
    this.zone = zone;
  }

  /**
   * @return {@code false}, printing nothing, when the trace has no events yet (cqlsh then reports
   *     "No rows for session ... found.")
   */
  public boolean print(Trace trace) {
    if (trace.events().isEmpty()) {
      return false;
    }
    String client = trace.client() == null ? "" : trace.client();
    List<String[]> rows = new ArrayList<>();
    rows.add(row(trace.requestType(), time(trace.startedAt()), trace.coordinator(), 0, client));
    for (Trace.Event e : trace.events()) {
      rows.add(
          row(
              e.activity() + " [" + e.thread() + "]",
              time(e.timestamp()),
              e.source(),
              e.elapsedMicros(),
              client));
    }
    if (trace.durationMicros() != null) {
      rows.add(
          row(
              "Request complete",
              time(trace.startedAt().plusNanos(trace.durationMicros() * 1000L)),
              trace.coordinator(),
              trace.durationMicros(),
              client));
    }
    out.println();
    out.println(Ansi.paint("Tracing session: ", Ansi.MAGENTA, colors) + trace.id());
    TablePrinter table =
        new TablePrinter(
            out, NAMES.stream().map(n -> Ansi.paint(n, Ansi.MAGENTA, colors)).toList());
    table.printBlock(rows);
    if (tty) {
      out.println();
    }
    out.println();
    out.flush();
    return true;
  }

  private String[] row(String activity, String time, String source, int elapsed, String client) {
    return new String[] {
      Ansi.paint(activity, Ansi.YELLOW, colors),
      Ansi.paint(time, Ansi.GREEN, colors),
      Ansi.paint(source, Ansi.GREEN, colors),
      Ansi.paint(String.valueOf(elapsed), Ansi.GREEN, colors),
      Ansi.paint(client, Ansi.GREEN, colors)
    };
  }

  /** Python's {@code str(datetime)}: microseconds only when not zero. */
  String time(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
    String text =
        String.format(
            "%04d-%02d-%02d %02d:%02d:%02d",
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond());
    int micros = t.getNano() / 1000;
    return micros == 0 ? text : text + String.format(".%06d", micros);
  }
}
