package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final StringWriter err = new StringWriter();
  private final ErrorReporter terminal = new ErrorReporter(new PrintWriter(err), false);
  private long now = 1_000_000_000L;

  private ProgressLine line(boolean live, long total) {
    return new ProgressLine(terminal, live, "Processed", total, () -> now);
  }

  @Test
  void should_show_rows_rate_elapsed_percent_and_eta_when_the_total_is_known() {
    assertThat(line(true, 300_000).text(120_000, 2.0, 300_000))
        .isEqualTo(
            "Processed: 120,000 rows; Rate: 60,000 rows/s; Elapsed: 0:02; 40% of ~300,000; ETA"
                + " 0:03");
  }

  @Test
  void should_leave_out_percent_when_the_total_is_unknown_or_passed() {
    ProgressLine progress = line(true, -1);
    assertThat(progress.text(5_000, 1.0, -1))
        .isEqualTo("Processed: 5,000 rows; Rate: 5,000 rows/s; Elapsed: 0:01");
    assertThat(progress.text(5_000, 3_725.0, 4_000))
        .isEqualTo("Processed: 5,000 rows; Rate: 1 rows/s; Elapsed: 1:02:05");
  }

  @Test
  void should_rewrite_one_line_in_place_at_most_five_times_a_second_and_erase_it_at_the_end() {
    ProgressLine progress = line(true, -1);
    progress.rowsDone(10);
    assertThat(err.toString()).isEmpty();
    now += 500_000_000L;
    progress.rowsDone(1_000);
    now += 100_000_000L;
    progress.rowsDone(2_000);
    now += 100_000_000L;
    progress.rowsDone(3_000);
    progress.close();
    assertThat(err.toString())
        .isEqualTo(
            "\rProcessed: 1,000 rows; Rate: 2,000 rows/s; Elapsed: 0:01"
                + "\rProcessed: 3,000 rows; Rate: 4,286 rows/s; Elapsed: 0:01"
                + "\r"
                + " ".repeat(56)
                + "\r")
        .doesNotContain("\n");
  }

  @Test
  void should_print_a_line_every_ten_seconds_in_scripts_and_none_for_short_jobs() {
    ProgressLine progress = line(false, -1);
    now += 9_000_000_000L;
    progress.rowsDone(900);
    progress.close();
    assertThat(err.toString()).isEmpty();
    now += 1_000_000_000L;
    progress.rowsDone(1_000);
    now += 5_000_000_000L;
    progress.rowsDone(1_500);
    progress.close();
    assertThat(err.toString())
        .isEqualTo(
            "Processed: 1,000 rows; Rate: 100 rows/s; Elapsed: 0:10" + System.lineSeparator());
  }

  @Test
  void should_print_a_line_every_reportfrequency_seconds_in_scripts_when_given() {
    ProgressLine progress = line(false, -1);
    progress.reportEvery(java.time.Duration.ofMillis(500));
    now += 400_000_000L;
    progress.rowsDone(40);
    now += 100_000_000L;
    progress.rowsDone(50);
    now += 500_000_000L;
    progress.rowsDone(100);
    progress.close();
    String nl = System.lineSeparator();
    assertThat(err.toString())
        .isEqualTo(
            "Processed: 50 rows; Rate: 100 rows/s; Elapsed: 0:01"
                + nl
                + "Processed: 100 rows; Rate: 100 rows/s; Elapsed: 0:01"
                + nl);
  }

  @Test
  void should_leave_parts_out_until_the_line_fits_a_narrow_terminal() {
    ProgressLine progress = line(true, 300_000);
    String full = progress.text(120_000, 2.0, 300_000, 0);

    assertThat(progress.text(120_000, 2.0, 300_000, full.length())).isEqualTo(full);
    assertThat(progress.text(120_000, 2.0, 300_000, 79))
        .isEqualTo("Processed: 120,000 rows; Rate: 60,000 rows/s; 40% of ~300,000; ETA 0:03");
    assertThat(progress.text(120_000, 2.0, 300_000, 60))
        .isEqualTo("Processed: 120,000 rows; Rate: 60,000 rows/s; 40%; ETA 0:03");
    assertThat(progress.text(120_000, 2.0, 300_000, 39))
        .isEqualTo("Processed: 120,000 rows; 40%; ETA 0:03");
    assertThat(progress.text(120_000, 2.0, 300_000, 30)).isEqualTo("Processed: 120,000 rows; 40%");
    assertThat(progress.text(120_000, 2.0, 300_000, 12)).isEqualTo("Processed: …");
    assertThat(progress.text(5_000, 1.0, -1, 40)).isEqualTo("Processed: 5,000 rows");
  }

  @Test
  void should_keep_the_live_line_narrower_than_the_terminal_as_it_changes() {
    int[] width = {40};
    ProgressLine progress =
        new ProgressLine(terminal, true, "Processed", 3_000_000, () -> now, () -> width[0]);
    now += 500_000_000L;
    progress.rowsDone(1_000_000);
    width[0] = 20;
    now += 500_000_000L;
    progress.rowsDone(2_000_000);
    progress.close();

    // 39 cells leave out the ETA (40 cells with it); 19 cells cut the count itself, and the
    // blanking of the longer line before stops at the room
    assertThat(err.toString())
        .isEqualTo(
            "\rProcessed: 1,000,000 rows; 33%" + "\rProcessed: 2,000,0…\r" + " ".repeat(19) + "\r");
  }
}
