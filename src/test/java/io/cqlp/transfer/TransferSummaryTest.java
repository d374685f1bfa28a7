package io.cqlp.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransferSummaryTest {

  @Test
  void should_keep_cqlsh_line_shape_and_add_rate_and_size() {
    TransferSummary s = new TransferSummary(1000, 1, 0, Duration.ofMillis(500), 0, 2048);
    assertThat(s.exportLine())
        .isEqualTo("1000 rows exported to 1 files in 0.500 seconds (2,000 rows/s, 2.0 KiB).");
  }

  @Test
  void should_add_partitions_for_a_partitioned_dataset() {
    TransferSummary s = new TransferSummary(300000, 674, 5, Duration.ofSeconds(10), 670, 3L << 20);
    assertThat(s.importLine())
        .isEqualTo(
            "300000 rows imported from 674 files in 10.000 seconds (5 skipped, 30,000 rows/s, 670"
                + " partitions, 3.0 MiB).");
  }

  @Test
  void should_count_parse_and_insert_errors_only_when_rows_failed() {
    TransferSummary s = new TransferSummary(95, 1, 0, Duration.ofSeconds(1), 0, 1024, 3, 2);
    assertThat(s.importLine())
        .isEqualTo(
            "95 rows imported from 1 files in 1.000 seconds (0 skipped, 3 parse errors, 2 insert"
                + " errors, 95 rows/s, 1.0 KiB).");
    assertThat(s.failedRows()).isEqualTo(5);
    assertThat(new TransferSummary(95, 1, 0, Duration.ofSeconds(1), 0, 1024).failedRows()).isZero();
  }

  @Test
  void should_write_sizes_for_people() {
    assertThat(TransferSummary.size(0)).isEqualTo("0 bytes");
    assertThat(TransferSummary.size(1023)).isEqualTo("1023 bytes");
    assertThat(TransferSummary.size(1536)).isEqualTo("1.5 KiB");
    assertThat(TransferSummary.size(5L << 30)).isEqualTo("5.0 GiB");
  }
}
