package io.cqlp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExportSettingsTest {

  @Test
  void should_default_to_pages_of_5000_six_scans_at_once_and_cqlshs_page_timeout() {
    ExportSettings s = ExportSettings.of(Options.empty(), Duration.ofSeconds(2));
    assertThat(s.pageSize()).isEqualTo(5000);
    assertThat(s.requestsInFlight()).isEqualTo(6);
    assertThat(s.pageTimeout()).isEqualTo(Duration.ofSeconds(50));
    assertThat(s.retry().maxAttempts()).isEqualTo(5);
    assertThat(s.append()).isFalse();
    assertThat(s.resume()).isFalse();
  }

  @Test
  void should_type_the_scan_options_given() {
    ExportSettings s =
        ExportSettings.of(
            Options.builder()
                .add("PAGESIZE", "100")
                .add("MAXREQUESTS", "4")
                .add("NUMPROCESSES", "2")
                .add("MAXATTEMPTS", "2")
                .add("APPEND", "true")
                .add("RESUME", "true")
                .build(),
            null);
    assertThat(s.pageSize()).isEqualTo(100);
    assertThat(s.requestsInFlight()).isEqualTo(8);
    assertThat(s.pageTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.retry().maxAttempts()).isEqualTo(2);
    assertThat(s.append()).isTrue();
    assertThat(s.resume()).isTrue();
  }

  @Test
  void should_refuse_values_below_one() {
    assertThatThrownBy(
            () -> ExportSettings.of(Options.builder().add("PAGESIZE", "0").build(), null))
        .isInstanceOf(TransferException.class)
        .hasMessage("PAGESIZE and MAXREQUESTS must be at least 1.");
    assertThatThrownBy(
            () -> ExportSettings.of(Options.builder().add("MAXATTEMPTS", "0").build(), null))
        .isInstanceOf(TransferException.class)
        .hasMessage("MAXATTEMPTS must be at least 1.");
  }
}
