package io.cqlp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.load.ErrorBudget;
import org.junit.jupiter.api.Test;

class ImportSettingsTest {

  private static Options with(String... pairs) {
    Options.Builder b = Options.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.add(pairs[i], pairs[i + 1]);
    }
    return b.build();
  }

  @Test
  void should_lower_the_default_minbatchsize_to_a_smaller_maxbatchsize() {
    assertThat(ImportSettings.of(with("MAXBATCHSIZE", "4")).minBatchSize()).isEqualTo(4);
    assertThat(ImportSettings.of(with("MAXBATCHSIZE", "40")).minBatchSize()).isEqualTo(10);
  }

  @Test
  void should_default_to_cqlshs_values_but_for_writes_in_flight_batch_size_and_rate() {
    ImportSettings s = ImportSettings.of(Options.empty());
    assertThat(s.requestsInFlight()).isEqualTo(256);
    assertThat(s.maxAttempts()).isEqualTo(5);
    assertThat(s.maxBatchSize()).isEqualTo(100);
    assertThat(s.chunkSize()).isEqualTo(5000);
    assertThat(s.ingestRate()).isEqualTo(Long.MAX_VALUE); // no limit, as DSBulk
    assertThat(s.minBatchSize()).isEqualTo(10);
    assertThat(s.skipRows()).isZero();
    assertThat(s.maxRows()).isEqualTo(-1);
    assertThat(s.ttl()).isEqualTo(-1);
    assertThat(s.maxParseErrors()).isEqualTo(ErrorBudget.DEFAULT_MAX_PARSE_ERRORS);
    assertThat(s.maxInsertErrors()).isEqualTo(ErrorBudget.DEFAULT_MAX_INSERT_ERRORS);
    assertThat(s.preparedStatements()).isTrue();
    assertThat(s.timesForced()).isFalse();
    assertThat(s.timesRefused()).isFalse();
  }

  @Test
  void should_type_every_option_given() {
    ImportSettings s =
        ImportSettings.of(
            with(
                "MAXREQUESTS",
                "8",
                "NUMPROCESSES",
                "3",
                "SKIPROWS",
                "2",
                "MAXROWS",
                "1000",
                "MAXBATCHSIZE",
                "40",
                "MINBATCHSIZE",
                "4",
                "CHUNKSIZE",
                "100",
                "TTL",
                "3600",
                "MAXPARSEERRORS",
                "7",
                "PREPAREDSTATEMENTS",
                "false",
                "WRITETIME",
                "false"));
    assertThat(s.requestsInFlight()).isEqualTo(24);
    assertThat(s.skipRows()).isEqualTo(2);
    assertThat(s.maxRows()).isEqualTo(1000);
    assertThat(s.maxBatchSize()).isEqualTo(40);
    assertThat(s.minBatchSize()).isEqualTo(4);
    assertThat(s.chunkSize()).isEqualTo(100);
    assertThat(s.ttl()).isEqualTo(3600);
    assertThat(s.maxParseErrors()).isEqualTo(7);
    assertThat(s.preparedStatements()).isFalse();
    assertThat(s.timesRefused()).isTrue();
    assertThat(ImportSettings.of(with("TTL", "true")).ttl()).isEqualTo(-1);
    assertThat(ImportSettings.of(with("TTL", "true")).timesForced()).isTrue();
  }

  @Test
  void should_refuse_values_out_of_range_before_anything_runs() {
    assertThatThrownBy(() -> ImportSettings.of(with("CHUNKSIZE", "2000000")))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("CHUNKSIZE from 1 to 1M");
    assertThatThrownBy(() -> ImportSettings.of(with("INGESTRATE", "0")))
        .isInstanceOf(TransferException.class)
        .hasMessage("INGESTRATE is rows per second and must be at least 1.");
    assertThatThrownBy(() -> ImportSettings.of(with("MAXBATCHSIZE", "5", "MINBATCHSIZE", "6")))
        .isInstanceOf(TransferException.class)
        .hasMessage("MINBATCHSIZE must be from 1 to MAXBATCHSIZE (5).");
  }
}
