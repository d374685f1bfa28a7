package io.cqlp.transfer.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import io.cqlp.transfer.plan.ScanRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFailureMessageTest {
  private static final List<ScanRange> RANGES =
      List.of(
          new ScanRange(null, token(-100)),
          new ScanRange(token(-100), token(0)),
          new ScanRange(token(0), token(100)),
          new ScanRange(token(100), token(200)),
          new ScanRange(token(200), null));

  private static Token token(long value) {
    return new Murmur3Token(value);
  }

  private static String format(Token t) {
    return String.valueOf(((Murmur3Token) t).getValue());
  }

  @Test
  void should_count_the_failed_ranges_and_name_the_first_three_and_the_cause() {
    Throwable cause = new NoNodeAvailableException();
    ScanException e =
        new ScanException(
            List.of(
                new ScanException.RangeFailure(4, cause, 5),
                    new ScanException.RangeFailure(1, cause, 5),
                new ScanException.RangeFailure(2, cause, 5),
                    new ScanException.RangeFailure(0, cause, 5)));
    assertThat(ScanFailureMessage.describe(e, RANGES, ScanFailureMessageTest::format))
        .isEqualTo(
            "4 token ranges failed after 5 attempts, (200, ring end], (-100, 0], (0, 100], ...: "
                + "NoHostAvailable: No node was available to execute the query");
  }

  @Test
  void should_say_one_range_and_one_attempt_in_the_singular() {
    ScanException e =
        new ScanException(
            List.of(new ScanException.RangeFailure(0, new IllegalStateException("bad value"), 1)));
    assertThat(ScanFailureMessage.describe(e, RANGES, ScanFailureMessageTest::format))
        .isEqualTo("1 token range failed after 1 attempt, (ring start, -100]: bad value");
  }
}
