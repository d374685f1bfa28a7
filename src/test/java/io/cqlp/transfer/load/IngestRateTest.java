package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestRateTest {

  @Test
  void should_hold_rows_to_the_rate() throws InterruptedException {
    IngestRate rate = new IngestRate(1000);
    long started = System.nanoTime();
    for (int i = 0; i < 300; i++) {
      rate.acquire();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(seconds).isGreaterThanOrEqualTo(0.29);
  }

  @Test
  void should_not_slow_rows_below_the_rate() throws InterruptedException {
    // 10,000 rows at 1,000 rows/s would take 10 s; at a rate far above, no sleep at all.
    IngestRate rate = new IngestRate(1_000_000_000);
    long started = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      rate.acquire();
    }
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(5.0);
  }

  @Test
  void should_never_sleep_without_a_limit() throws InterruptedException {
    // COPY FROM's default: 1,000,000 rows at the highest rate, as fast as the loop runs
    IngestRate rate = new IngestRate(Long.MAX_VALUE);
    long started = System.nanoTime();
    for (int i = 0; i < 1_000_000; i++) {
      rate.acquire();
    }
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(2.0);
  }

  @Test
  void should_refuse_a_rate_below_one() {
    assertThatThrownBy(() -> new IngestRate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
