package io.cqlp.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TracePrinterTest {
  private static final UUID ID = UUID.fromString("4f0fd5b0-9c58-11ee-a6c5-3b1e8d2d2d77");
  private static final Instant START = Instant.parse("2024-01-02T03:04:05.100Z");

  @Test
  void should_print_the_request_its_events_and_the_completion_as_cqlsh() {
    Trace trace =
        new Trace(
            ID,
            "Execute CQL3 query",
            "127.0.0.1",
            "127.0.0.9",
            START,
            1500,
            List.of(
                new Trace.Event(
                    "Parsing SELECT",
                    "Native-Transport-Requests-1",
                    Instant.parse("2024-01-02T03:04:05.100250Z"),
                    "127.0.0.1",
                    250)));
    StringWriter text = new StringWriter();
    assertThat(new TracePrinter(new PrintWriter(text), false, false, ZoneOffset.UTC).print(trace))
        .isTrue();
    assertThat(text.toString())
        .isEqualTo(
            "\n"
                + "Tracing session: 4f0fd5b0-9c58-11ee-a6c5-3b1e8d2d2d77\n"
                + "\n"
                + " activity                                     | timestamp                  |"
                + " source    | source_elapsed | client\n"
                + "----------------------------------------------+----------------------------+-----------+----------------+-----------\n"
                + "                           Execute CQL3 query | 2024-01-02 03:04:05.100000 |"
                + " 127.0.0.1 |              0 | 127.0.0.9\n"
                + " Parsing SELECT [Native-Transport-Requests-1] | 2024-01-02 03:04:05.100250 |"
                + " 127.0.0.1 |            250 | 127.0.0.9\n"
                + "                             Request complete | 2024-01-02 03:04:05.101500 |"
                + " 127.0.0.1 |           1500 | 127.0.0.9\n"
                + "\n");
  }

  @Test
  void should_leave_out_the_completion_of_an_unfinished_request_and_show_whole_seconds_bare() {
    Trace trace =
        new Trace(
            ID,
            "Execute CQL3 query",
            "127.0.0.1",
            null,
            Instant.parse("2024-01-02T03:04:05Z"),
            null,
            List.of(
                new Trace.Event("x", "t", Instant.parse("2024-01-02T03:04:06Z"), "127.0.0.1", 5)));
    StringWriter text = new StringWriter();
    new TracePrinter(new PrintWriter(text), false, false, ZoneOffset.UTC).print(trace);
    assertThat(text.toString())
        .contains("| 2024-01-02 03:04:05 |")
        .contains("| 2024-01-02 03:04:06 |")
        .doesNotContain("Request complete");
  }

  @Test
  void should_print_nothing_for_a_trace_without_events() {
    StringWriter text = new StringWriter();
    Trace trace = new Trace(ID, "Execute CQL3 query", "127.0.0.1", null, START, null, List.of());
    assertThat(new TracePrinter(new PrintWriter(text), false, false, ZoneOffset.UTC).print(trace))
        .isFalse();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void should_colour_the_title_and_values_when_asked() {
    Trace trace =
        new Trace(
            ID,
            "Execute CQL3 query",
            "127.0.0.1",
            null,
            START,
            10,
            List.of(new Trace.Event("x", "t", START, "127.0.0.1", 1)));
    StringWriter text = new StringWriter();
    new TracePrinter(new PrintWriter(text), true, false, ZoneOffset.UTC).print(trace);
    assertThat(text.toString())
        .contains(Ansi.MAGENTA + "Tracing session: " + Ansi.RESET + ID)
        .contains(Ansi.YELLOW + "Request complete" + Ansi.RESET);
  }
}
