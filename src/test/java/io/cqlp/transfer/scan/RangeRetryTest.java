package io.cqlp.transfer.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import org.junit.jupiter.api.Test;

class RangeRetryTest {

  @Test
  void should_double_the_delay_after_each_failed_attempt_up_to_the_cap() {
    RangeRetry retry = new RangeRetry(5, 250, 1_500);
    assertThat(retry.delayMillis(1)).isEqualTo(250);
    assertThat(retry.delayMillis(2)).isEqualTo(500);
    assertThat(retry.delayMillis(3)).isEqualTo(1_000);
    assertThat(retry.delayMillis(4)).isEqualTo(1_500);
    assertThat(retry.delayMillis(60)).isEqualTo(1_500);
  }

  @Test
  void should_default_to_five_attempts_as_cqlsh() {
    assertThat(RangeRetry.of(RangeRetry.DEFAULT_MAX_ATTEMPTS).maxAttempts()).isEqualTo(5);
  }

  @Test
  void should_refuse_fewer_than_one_attempt() {
    assertThatThrownBy(() -> RangeRetry.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAXATTEMPTS");
  }

  @Test
  void should_retry_timeouts_and_lost_nodes_but_not_errors_that_would_recur() {
    assertThat(RangeRetry.isRetryable(new DriverTimeoutException("t"))).isTrue();
    assertThat(RangeRetry.isRetryable(new NoNodeAvailableException())).isTrue();
    assertThat(RangeRetry.isRetryable(new ClosedConnectionException("closed"))).isTrue();
    assertThat(RangeRetry.isRetryable(new InvalidQueryException(null, "bad"))).isFalse();
    assertThat(RangeRetry.isRetryable(new SyntaxError(null, "bad"))).isFalse();
    assertThat(RangeRetry.isRetryable(new IllegalArgumentException("decode"))).isFalse();
  }
}
