package io.cqlp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CopyRunOptionsTest {

  private static Options with(String name, String value) {
    return Options.builder().add(name, value).build();
  }

  @Test
  void should_multiply_maxrequests_by_numprocesses_up_to_the_drivers_requests_per_connection() {
    assertThat(CopyRunOptions.requestsInFlight(Options.empty(), 6)).isEqualTo(6);
    assertThat(CopyRunOptions.requestsInFlight(with("NUMPROCESSES", "4"), 6)).isEqualTo(24);
    assertThat(CopyRunOptions.requestsInFlight(with("NUMPROCESSES", "16"), 64)).isEqualTo(1024);
    assertThat(CopyRunOptions.requestsInFlight(with("NUMPROCESSES", "100"), 64))
        .isEqualTo(CopyRunOptions.MAX_IN_FLIGHT);
    assertThatThrownBy(() -> CopyRunOptions.requestsInFlight(with("NUMPROCESSES", "0"), 6))
        .isInstanceOf(TransferException.class)
        .hasMessageStartingWith("NUMPROCESSES must be at least 1");
  }

  @Test
  void should_take_pagetimeout_in_seconds_else_cqlsh_default_of_ten_seconds_per_thousand_rows() {
    assertThat(CopyRunOptions.pageTimeout(with("PAGETIMEOUT", "7"), 5000, Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(CopyRunOptions.pageTimeout(Options.empty(), 5000, Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofSeconds(50));
    assertThat(CopyRunOptions.pageTimeout(Options.empty(), 100, Duration.ofSeconds(2)))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(CopyRunOptions.pageTimeout(Options.empty(), 1000, Duration.ofSeconds(60)))
        .isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> CopyRunOptions.pageTimeout(with("PAGETIMEOUT", "0"), 1000, null))
        .isInstanceOf(TransferException.class)
        .hasMessage("PAGETIMEOUT is seconds per page and must be at least 1, e.g. PAGETIMEOUT=30.");
  }

  @Test
  void should_accept_cqlsh_run_options_in_each_direction() {
    assertThat(CopyToWorkflow.OPTIONS)
        .contains(
            "NUMPROCESSES", "REPORTFREQUENCY", "RATEFILE", "PAGETIMEOUT", "BEGINTOKEN", "ENDTOKEN");
    assertThat(CopyFromWorkflow.OPTIONS)
        .contains("NUMPROCESSES", "REPORTFREQUENCY", "RATEFILE")
        .doesNotContain("PAGETIMEOUT", "BEGINTOKEN");
    assertThat(FileCopyWorkflow.OPTIONS)
        .contains("REPORTFREQUENCY", "RATEFILE")
        .doesNotContain("NUMPROCESSES", "BEGINTOKEN");
  }
}
