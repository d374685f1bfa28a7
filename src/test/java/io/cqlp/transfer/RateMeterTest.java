package io.cqlp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateMeterTest {
  private long now = 5_000_000_000L;
  private final List<Long> shown = new ArrayList<>();
  private Duration every;
  private final TransferProgress screen =
      new TransferProgress() {
        @Override
        public void rowsDone(long rows) {
          shown.add(rows);
        }

        @Override
        public void reportEvery(Duration interval) {
          every = interval;
        }
      };

  @Test
  void should_write_cqlsh_rate_lines_every_interval_in_which_rows_came_and_a_closing_line(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("rates.txt");
    try (RateMeter meter = new RateMeter(screen, Files.newBufferedWriter(file), 0.25, () -> now)) {
      now += 100_000_000L;
      meter.rowsDone(100);
      now += 150_000_000L;
      meter.rowsDone(1_000);
      now += 500_000_000L;
      meter.rowsDone(1_000);
      meter.rowsDone(2_000);
      now += 250_000_000L;
      meter.finish(2_500);
    }
    assertThat(shown).containsExactly(100L, 1_000L, 1_000L, 2_000L);
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "Processed: 1000 rows; Rate:    4000 rows/s; Avg. rate:    4000 rows/s\r\n"
                + "Processed: 2000 rows; Rate:    3000 rows/s; Avg. rate:    2667 rows/s\r\n"
                + "Processed: 2500 rows; Rate:    2500 rows/s; Avg. rate:    2500 rows/s\r\n");
  }

  @Test
  void should_round_half_to_even_as_python() {
    assertThat(RateMeter.line(3, 2.5, 3.5))
        .isEqualTo("Processed: 3 rows; Rate:       2 rows/s; Avg. rate:       4 rows/s\r\n");
  }

  @Test
  void should_pass_reportfrequency_to_the_screen_and_replace_an_older_ratefile(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("old.txt"), "old lines\n");
    Options options =
        Options.builder().add("REPORTFREQUENCY", "0.5").add("RATEFILE", file.toString()).build();

    try (RateMeter meter = RateMeter.start(screen, options)) {
      assertThat(every).isEqualTo(Duration.ofMillis(500));
      assertThat(Files.readString(file)).isEmpty();
      meter.finish(0);
    }
    assertThat(Files.readString(file))
        .isEqualTo("Processed: 0 rows; Rate:       0 rows/s; Avg. rate:       0 rows/s\r\n");
  }

  @Test
  void should_leave_no_ratefile_behind_when_the_copy_is_refused(@TempDir Path dir) {
    Path file = dir.resolve("rates.txt");
    Options options = Options.builder().add("RATEFILE", file.toString()).build();

    assertThatThrownBy(
            () ->
                RateMeter.measure(
                    screen,
                    options,
                    progress -> {
                      throw new TransferException("refused before any row");
                    }))
        .hasMessage("refused before any row");
    assertThat(file).doesNotExist();
  }

  @Test
  void should_refuse_a_reportfrequency_that_is_not_above_zero_and_an_unwritable_ratefile(
      @TempDir Path dir) {
    assertThatThrownBy(
            () -> RateMeter.start(screen, Options.builder().add("REPORTFREQUENCY", "0").build()))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "REPORTFREQUENCY is seconds between progress reports, above 0 and at most a day, got"
                + " '0'; e.g. REPORTFREQUENCY=0.25.");
    assertThatThrownBy(
            () ->
                RateMeter.start(screen, Options.builder().add("REPORTFREQUENCY", "often").build()))
        .isInstanceOf(TransferException.class);
    Path missing = dir.resolve("no/such/dir/rates.txt");
    assertThatThrownBy(
            () ->
                RateMeter.start(
                    screen, Options.builder().add("RATEFILE", missing.toString()).build()))
        .isInstanceOf(TransferException.class)
        .hasMessage("Cannot write RATEFILE '" + missing + "': no such file or directory.");
    assertThat(every).isNull();
  }
}
