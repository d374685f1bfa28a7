package io.cqlp.transfer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.metadata.token.TokenRange;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3TokenRange;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenBoundsTest {
  private static final Set<TokenRange> RING = ring(new Random(7).longs(16).toArray());

  private static Set<TokenRange> ring(long... tokens) {
    long[] sorted = tokens.clone();
    java.util.Arrays.sort(sorted);
    Set<TokenRange> ranges = new HashSet<>();
    for (int i = 0; i < sorted.length; i++) {
      ranges.add(
          new Murmur3TokenRange(
              new Murmur3Token(sorted[i]), new Murmur3Token(sorted[(i + 1) % sorted.length])));
    }
    return ranges;
  }

  private static Murmur3Token token(long value) {
    return new Murmur3Token(value);
  }

  private static List<ScanRange> plan(TokenBounds bounds, int minimum) {
    return bounds.clip(TokenRangePlanner.plan(RING, bounds.rangesToPlan(minimum)));
  }

  private static void assertContiguous(List<ScanRange> ranges) {
    for (int i = 1; i < ranges.size(); i++) {
      assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end());
      assertThat(ranges.get(i).end()).isNotNull();
    }
  }

  @Test
  void should_cut_the_plan_to_begin_exclusive_and_end_inclusive_with_about_as_many_ranges() {
    TokenBounds bounds =
        new TokenBounds(token(-1_000_000_000_000L), token(3_000_000_000_000_000_000L));

    List<ScanRange> ranges = plan(bounds, 64);

    assertThat(ranges.get(0).start()).isEqualTo(token(-1_000_000_000_000L));
    assertThat(ranges.get(ranges.size() - 1).end()).isEqualTo(token(3_000_000_000_000_000_000L));
    assertContiguous(ranges);
    assertThat(ranges.size()).isBetween(56, 90);
  }

  @Test
  void should_run_from_the_ring_start_without_begintoken_and_to_its_end_without_endtoken() {
    List<ScanRange> upTo = plan(new TokenBounds(null, token(0)), 64);
    assertThat(upTo.get(0).start()).isNull();
    assertThat(upTo.get(upTo.size() - 1).end()).isEqualTo(token(0));
    assertContiguous(upTo);

    List<ScanRange> from = plan(new TokenBounds(token(0), null), 64);
    assertThat(from.get(0).start()).isEqualTo(token(0));
    assertThat(from.get(from.size() - 1).end()).isNull();
    assertThat(upTo.size()).isBetween(56, 80);
  }

  @Test
  void should_scan_one_empty_range_when_begin_equals_end_and_leave_the_whole_ring_alone() {
    assertThat(plan(new TokenBounds(token(5), token(5)), 64))
        .containsExactly(new ScanRange(token(5), token(5)));
    List<ScanRange> whole = TokenRangePlanner.plan(RING, 64);
    assertThat(TokenBounds.ALL.clip(whole)).isSameAs(whole);
    assertThat(TokenBounds.ALL.rangesToPlan(64)).isEqualTo(64);
  }

  @Test
  void should_plan_more_ranges_for_narrow_bounds_up_to_a_cap() {
    assertThat(new TokenBounds(null, token(0)).rangesToPlan(64)).isEqualTo(128);
    assertThat(new TokenBounds(token(0), token(1000)).rangesToPlan(64))
        .isEqualTo(TokenBounds.MAX_PLANNED);
    assertThat(plan(new TokenBounds(token(0), token(1000)), 64))
        .containsExactly(new ScanRange(token(0), token(1000)));
  }
}
