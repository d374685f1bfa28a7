package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class WriteErrorsTest {

  @Test
  void should_retry_timeouts_unavailable_overload_and_lost_connections() {
    assertThat(
            WriteErrors.retryable(
                new WriteTimeoutException(
                    null, DefaultConsistencyLevel.ONE, 0, 1, WriteType.SIMPLE)))
        .isTrue();
    assertThat(WriteErrors.retryable(new DriverTimeoutException("Query timed out after PT2S")))
        .isTrue();
    assertThat(
            WriteErrors.retryable(
                new UnavailableException(null, DefaultConsistencyLevel.ONE, 1, 0)))
        .isTrue();
    assertThat(WriteErrors.retryable(new OverloadedException(null))).isTrue();
    assertThat(WriteErrors.retryable(new NoNodeAvailableException())).isTrue();
    assertThat(WriteErrors.retryable(new ClosedConnectionException("closed"))).isTrue();
    assertThat(WriteErrors.retryable(new BusyConnectionException(128))).isTrue();
  }

  @Test
  void should_not_retry_what_would_fail_again() {
    assertThat(WriteErrors.retryable(new InvalidQueryException(null, "Key may not be empty")))
        .isFalse();
    assertThat(WriteErrors.retryable(new SyntaxError(null, "line 1:0"))).isFalse();
    assertThat(WriteErrors.retryable(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void should_look_through_a_completion_wrapper() {
    assertThat(WriteErrors.retryable(new CompletionException(new NoNodeAvailableException())))
        .isTrue();
    assertThat(WriteErrors.name(new CompletionException(new InvalidQueryException(null, "x"))))
        .isEqualTo("InvalidRequest");
  }

  @Test
  void should_double_the_backoff_from_100_ms_up_to_the_cap() {
    assertThat(WriteErrors.backoffCeiling(2)).isEqualTo(100);
    assertThat(WriteErrors.backoffCeiling(3)).isEqualTo(200);
    assertThat(WriteErrors.backoffCeiling(4)).isEqualTo(400);
    assertThat(WriteErrors.backoffCeiling(8)).isEqualTo(5_000);
    assertThat(WriteErrors.backoffCeiling(1_000)).isEqualTo(5_000);
  }

  @Test
  void should_jitter_the_backoff_between_half_and_all_of_its_ceiling() {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 2_000; i++) {
      long wait = WriteErrors.backoffMillis(4);
      min = Math.min(min, wait);
      max = Math.max(max, wait);
    }
    assertThat(min).isBetween(200L, 220L);
    assertThat(max).isBetween(380L, 400L);
  }

  @Test
  void should_name_errors_as_cqlsh_does() {
    assertThat(WriteErrors.name(new NoNodeAvailableException())).isEqualTo("NoHostAvailable");
    assertThat(WriteErrors.name(new DriverTimeoutException("t"))).isEqualTo("OperationTimedOut");
    assertThat(
            WriteErrors.name(
                new WriteTimeoutException(
                    null, DefaultConsistencyLevel.ONE, 0, 1, WriteType.BATCH)))
        .isEqualTo("WriteTimeout");
    assertThat(WriteErrors.message(new IllegalStateException("two\n  lines")))
        .isEqualTo("two lines");
  }
}
