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
    assertThat(total).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).subtract(BigInteger.valueOf(Long.MIN_VALUE)));
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
}
