package io.cqlp.transfer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.metadata.token.TokenRange;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3TokenRange;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TokenRangePlannerTest {

  private static Set<TokenRange> ring(long... tokens) {
    TreeSet<Long> sorted = new TreeSet<>();
    for (long t : tokens) {
      sorted.add(t);
    }
    List<Long> list = List.copyOf(sorted);
    Set<TokenRange> ranges = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      long start = list.get(i);
      long end = list.get((i + 1) % list.size());
      ranges.add(new Murmur3TokenRange(new Murmur3Token(start), new Murmur3Token(end)));
    }
    return ranges;
  }

  private static long value(com.datastax.oss.driver.api.core.metadata.token.Token token) {
    return ((Murmur3Token) token).getValue();
  }

  @Test
  void should_cover_the_whole_ring_contiguously_in_token_order() {
    Random random = new Random(42);
    long[] tokens = random.longs(16).toArray();
    List<ScanRange> ranges = TokenRangePlanner.plan(ring(tokens), 64);

    assertThat(ranges.size()).isGreaterThanOrEqualTo(64);
    assertThat(ranges.get(0).start()).isNull();
    assertThat(ranges.get(ranges.size() - 1).end()).isNull();
    for (int i = 1; i < ranges.size(); i++) {
      assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end());
    }
    BigInteger total = BigInteger.ZERO;
    for (ScanRange r : ranges) {
      long start = r.start() == null ? Long.MIN_VALUE : value(r.start());
      long end = r.end() == null ? Long.MAX_VALUE : value(r.end());
      assertThat(end).isGreaterThan(start);
      total = total.add(BigInteger.valueOf(end).subtract(BigInteger.valueOf(start)));
    }
    assertThat(total)
        .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).subtract(BigInteger.valueOf(Long.MIN_VALUE)));
  }

  @Test
  void should_keep_every_vnode_token_as_a_range_boundary() {
    long[] tokens = {-5_000_000_000L, 10L, 7_000_000_000_000L};
    List<ScanRange> ranges = TokenRangePlanner.plan(ring(tokens), 3);
    Set<Long> ends = new HashSet<>();
    for (ScanRange r : ranges) {
      if (r.end() != null) {
        ends.add(value(r.end()));
      }
    }
    assertThat(ends).contains(-5_000_000_000L, 10L, 7_000_000_000_000L);
  }

  @Test
  void should_scan_everything_at_once_without_a_token_map() {
    assertThat(TokenRangePlanner.plan(Set.of(), 64)).containsExactly(ScanRange.all());
  }

  private static BigInteger width(ScanRange r) {
    long start = r.start() == null ? Long.MIN_VALUE : value(r.start());
    long end = r.end() == null ? Long.MAX_VALUE : value(r.end());
    return BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
  }

  private static void assertCoversTheRing(List<ScanRange> ranges) {
    assertThat(ranges.get(0).start()).isNull();
    assertThat(ranges.get(ranges.size() - 1).end()).isNull();
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < ranges.size(); i++) {
      if (i > 0) {
        assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end());
      }
      assertThat(width(ranges.get(i)).signum()).isPositive();
      total = total.add(width(ranges.get(i)));
    }
    assertThat(total)
        .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).subtract(BigInteger.valueOf(Long.MIN_VALUE)));
  }

  @Test
  void should_split_ranges_in_proportion_to_their_share_of_the_ring() {
    // One vnode range holds about 3/4 of the ring, the three others 1/12 each.
    long quarter = Long.MAX_VALUE / 2;
    long[] tokens = {-quarter, -quarter + quarter / 3, -quarter + 2 * (quarter / 3), quarter};
    List<ScanRange> ranges = TokenRangePlanner.plan(ring(tokens), 64);

    assertCoversTheRing(ranges);
    BigInteger ring = BigInteger.ONE.shiftLeft(64);
    for (ScanRange r : ranges) {
      double share = width(r).doubleValue() / ring.doubleValue();
      assertThat(share).isBetween(0.5 / 64, 2.0 / 64);
    }
    assertThat(ranges.size()).isBetween(60, 70);
  }

  @Test
  void should_merge_adjacent_ranges_of_the_same_replicas_before_splitting() {
    Random random = new Random(7);
    Set<TokenRange> ring = ring(random.longs(16).toArray());
    List<ScanRange> merged = TokenRangePlanner.plan(ring, r -> Set.of(), 8);

    assertCoversTheRing(merged);
    assertThat(merged.size()).isBetween(7, 10);
    BigInteger eighth = BigInteger.ONE.shiftLeft(61);
    for (ScanRange r : merged) {
      assertThat(width(r).doubleValue() / eighth.doubleValue()).isBetween(0.5, 1.5);
    }
  }

  @Test
  void should_not_merge_ranges_of_different_replicas() {
    long[] tokens = {-5_000_000_000L, 10L, 7_000_000_000_000L};
    List<ScanRange> ranges = TokenRangePlanner.plan(ring(tokens), r -> Set.of(), 1);
    List<ScanRange> apart = TokenRangePlanner.plan(ring(tokens), r -> null, 1);

    assertCoversTheRing(ranges);
    assertCoversTheRing(apart);
    assertThat(apart.size()).isGreaterThanOrEqualTo(3);
    assertThat(ranges.size()).isLessThan(apart.size());
  }
}
