package io.cqlp.transfer.plan;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import com.datastax.oss.driver.api.core.metadata.token.TokenRange;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import com.datastax.oss.driver.internal.core.metadata.token.RandomToken;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Cuts the token ring into ranges to scan concurrently.
 *
 * <p>The ring's ranges (one per vnode token) are unwrapped at the ring's minimum token; adjacent
 * ranges held by the same replicas are merged (one replica set can serve them alike), and each
 * merged range is split into pieces in proportion to its share of the ring, so that the pieces are
 * about {@code 1 / minimumRanges} of the ring each whatever the vnode layout. The result covers the
 * whole ring exactly once, in token order. Shares are known for the Murmur3 and Random
 * partitioners; for any other, each ring range gets the same number of pieces. The measured sweet
 * spot on a small cluster (docs/measurements.md: 180,000–226,000 rows/s against 87,000 with one
 * range at a time) is several times more ranges than scans in flight.
 */
public final class TokenRangePlanner {
  private static final BigInteger MURMUR3_RING = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger RANDOM_RING = BigInteger.ONE.shiftLeft(127);

  private TokenRangePlanner() {}

  /**
   * Plans the scan ranges of a keyspace's table.
   *
   * @param tokenMap the driver's token map, or empty when metadata is off (one full scan then)
   * @param keyspace the keyspace whose replicas decide which ranges merge, or {@code null} to merge
   *     none
   * @param minimumRanges about this many ranges are produced where the ring allows, {@code >= 1}
   * @return contiguous, non-overlapping ranges covering the ring, in token order; never empty
   */
  public static List<ScanRange> plan(
      Optional<TokenMap> tokenMap, CqlIdentifier keyspace, int minimumRanges) {
    if (tokenMap.isEmpty()) {
      return List.of(ScanRange.all());
    }
    TokenMap map = tokenMap.get();
    Function<TokenRange, Set<Node>> replicas =
        keyspace == null ? r -> null : r -> map.getReplicas(keyspace, r);
    return plan(map.getTokenRanges(), replicas, minimumRanges);
  }

  /**
   * The token ranges a table scan with {@code maxRequests} scans in flight uses: about 64, or 8 per
   * scan in flight if more, so that a slow range does not leave the others idle at the end; ranges
   * of the same replicas are merged first. Within BEGINTOKEN and ENDTOKEN, about as many ranges
   * within the bounds, cut to them.
   *
   * @param tokenMap the driver's token map, or empty (one full scan then)
   * @param keyspace the table's keyspace (its replication decides the replicas)
   * @param maxRequests scans in flight, {@code >= 1}
   * @param bounds the part of the ring to scan ({@link TokenBounds#ALL} for all of it)
   * @return the ranges, in token order; never empty
   */
  public static List<ScanRange> scanRanges(
      Optional<TokenMap> tokenMap, String keyspace, int maxRequests, TokenBounds bounds) {
    return bounds.clip(
        plan(
            tokenMap,
            CqlIdentifier.fromInternal(keyspace),
            bounds.rangesToPlan(Math.max(64, maxRequests * 8))));
  }

  /**
   * Plans the scan ranges without merging ranges (no keyspace, so no replica sets).
   *
   * @see #plan(Optional, CqlIdentifier, int)
   */
  public static List<ScanRange> plan(Optional<TokenMap> tokenMap, int minimumRanges) {
    return plan(tokenMap, null, minimumRanges);
  }

  /**
   * Plans the scan ranges from the ring's ranges, merging none.
   *
   * @param ringRanges the ranges between consecutive tokens of the ring (covering it); empty for
   *     one full scan
   * @param minimumRanges about this many ranges are produced where the ring allows, {@code >= 1}
   * @return contiguous, non-overlapping ranges covering the ring, in token order; never empty
   */
  public static List<ScanRange> plan(Set<TokenRange> ringRanges, int minimumRanges) {
    return plan(ringRanges, r -> null, minimumRanges);
  }

  /**
   * Plans the scan ranges from the ring's ranges and their replicas.
   *
   * @param ringRanges the ranges between consecutive tokens of the ring (covering it); empty for
   *     one full scan
   * @param replicas the replicas of a ring range; adjacent ranges with equal, non-null replica sets
   *     are merged before splitting
   * @param minimumRanges about this many ranges are produced where the ring allows, {@code >= 1}
   * @return contiguous, non-overlapping ranges covering the ring, in token order; never empty
   */
  public static List<ScanRange> plan(
      Set<TokenRange> ringRanges, Function<TokenRange, Set<Node>> replicas, int minimumRanges) {
    if (ringRanges.isEmpty()) {
      return List.of(ScanRange.all());
    }
    TreeSet<TokenRange> ring = new TreeSet<>(ringRanges);
    Token minimum = minimumToken(ring);
    List<Piece> pieces = new ArrayList<>();
    for (TokenRange range : ring) {
      Set<Node> owners = replicas.apply(range);
      for (TokenRange half : range.unwrap()) {
        pieces.add(new Piece(half, owners));
      }
    }
    pieces.sort((a, b) -> a.range.compareTo(b.range));
    List<Piece> merged = new ArrayList<>();
    for (Piece piece : pieces) {
      Piece last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null
          && last.owners != null
          && last.owners.equals(piece.owners)
          && last.range.getEnd().equals(piece.range.getStart())
          && !Objects.equals(piece.range.getStart(), minimum)) {
        merged.set(merged.size() - 1, new Piece(last.range.mergeWith(piece.range), last.owners));
      } else {
        merged.add(piece);
      }
    }
    int evenSplits = Math.max(1, (minimumRanges + ring.size() - 1) / ring.size());
    List<ScanRange> ranges = new ArrayList<>();
    for (Piece piece : merged) {
      double share = share(piece.range);
      int splits =
          Double.isNaN(share)
              ? evenSplits
              : (int) Math.max(1, Math.min(1 << 16, Math.round(share * minimumRanges)));
      for (TokenRange split : piece.range.splitEvenly(splits)) {
        if (split.isEmpty() && !split.isFullRing()) {
          continue;
        }
        Token start = split.getStart().equals(minimum) ? null : split.getStart();
        Token end = split.getEnd().equals(minimum) ? null : split.getEnd();
        ranges.add(new ScanRange(start, end));
      }
    }
    return ranges.isEmpty() ? List.of(ScanRange.all()) : ranges;
  }

  /** A ring range after unwrapping, with the replicas of the ring range it came from. */
  private record Piece(TokenRange range, Set<Node> owners) {}

  /**
   * The fraction of the ring a range covers, for the Murmur3 and Random partitioners; NaN for
   * others. A range ending at the minimum token (as after unwrapping) runs to the ring's end.
   */
  static double share(TokenRange range) {
    Token start = range.getStart();
    Token end = range.getEnd();
    BigInteger s;
    BigInteger e;
    BigInteger ring;
    if (start instanceof Murmur3Token a && end instanceof Murmur3Token b) {
      s = BigInteger.valueOf(a.getValue());
      e = BigInteger.valueOf(b.getValue());
      ring = MURMUR3_RING;
    } else if (start instanceof RandomToken a && end instanceof RandomToken b) {
      s = a.getValue();
      e = b.getValue();
      ring = RANDOM_RING;
    } else {
      return Double.NaN;
    }
    if (range.isFullRing()) {
      return 1.0;
    }
    BigInteger size = e.subtract(s);
    if (size.signum() <= 0) {
      size = size.add(ring);
    }
    return size.doubleValue() / ring.doubleValue();
  }

  /** The ring's minimum token: where the one wrapping range is cut by {@code unwrap()}. */
  private static Token minimumToken(TreeSet<TokenRange> ring) {
    for (TokenRange range : ring) {
      if (range.isWrappedAround() || range.isFullRing()) {
        List<TokenRange> halves = range.unwrap();
        if (halves.size() == 2) {
          return halves.get(0).getEnd();
        }
      }
    }
    return null;
  }
}
