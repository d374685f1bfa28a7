package io.cqlp.transfer.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanStatsTest {

  @Test
  void should_add_nothing_to_the_summary_for_one_host_without_retries() {
    ScanStats stats = new ScanStats(null);
    stats.request("127.0.0.1");
    stats.request("127.0.0.1");

    assertThat(stats.summary()).isEmpty();
    assertThat(stats.requestsByHost()).isEqualTo(Map.of("127.0.0.1", 2L));
  }

  @Test
  void should_name_the_hosts_and_the_retried_ranges() {
    List<String> debug = new ArrayList<>();
    ScanStats stats = new ScanStats(debug::add);
    stats.request("127.0.0.3");
    stats.request("127.0.0.2");
    stats.request("127.0.0.3");
    stats.retrying(4, 1, new DriverTimeoutException("timed out"), true);
    stats.retrying(4, 2, new DriverTimeoutException("timed out"), true);

    assertThat(stats.retriedRanges()).isEqualTo(1);
    assertThat(stats.summary())
        .isEqualTo(" 1 token range retried; requests by host: 127.0.0.2 1, 127.0.0.3 2.");
    assertThat(debug)
        .containsExactly(
            "scan range 4 attempt 1 failed on ? (DriverTimeoutException); retrying from its paging"
                + " state",
            "scan range 4 attempt 2 failed on ? (DriverTimeoutException); retrying from its paging"
                + " state");
  }

  @Test
  void should_count_retries_even_on_one_host() {
    ScanStats stats = new ScanStats(null);
    stats.request("127.0.0.1");
    stats.retrying(0, 1, new DriverTimeoutException("timed out"), false);

    assertThat(stats.summary()).isEqualTo(" 1 token range retried; requests by host: 127.0.0.1 1.");
  }
}
