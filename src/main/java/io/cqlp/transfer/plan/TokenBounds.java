package io.cqlp.transfer.plan;

import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import com.datastax.oss.driver.internal.core.metadata.token.RandomToken;
import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of the token ring a COPY TO exports: cqlsh's BEGINTOKEN and ENDTOKEN ({@code
 * cqlshlib/copyutil.py} ExportTask.get_ranges), the rows whose partition token {@code t} satisfies
 * {@code BEGINTOKEN < t <= ENDTOKEN}; either bound may be left out (the ring's start or end). A
 * token is written as {@code SELECT token(k)} returns it (an integer for the Murmur3 and Random
 * partitioners). Unlike cqlsh, {@code BEGINTOKEN=0} is a bound (cqlsh takes 0 for absent).
 * Immutable.
 *
 * @param begin exclusive lower bound, or null for the ring's start
 * @param end inclusive upper bound, or null for the ring's end
 */
public record TokenBounds(Token begin, Token end) {

  /** Option of the exclusive lower bound. */
  public static final String BEGINTOKEN = "BEGINTOKEN";

  /** Option of the inclusive upper bound. */
  public static final String ENDTOKEN = "ENDTOKEN";

  /** The whole ring. */
  public static final TokenBounds ALL = new TokenBounds(null, null);

  /** Planned ranges at most when the bounds are narrow (see {@link #rangesToPlan}). */
  static final int MAX_PLANNED = 1 << 16;

  private static final BigInteger MURMUR3_RING = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger RANDOM_MAX = BigInteger.ONE.shiftLeft(127);

  /**
   * Reads BEGINTOKEN and ENDTOKEN; an empty value is absent, as in cqlsh.
   *
   * @param options the COPY TO options
   * @param tokenMap the driver's token map, which parses the tokens by the cluster's partitioner
   * @return the bounds, {@link #ALL} when neither is given
   * @throws TransferException for a value that is no token of the partitioner, a BEGINTOKEN below
   *     the partitioner's minimum token or above ENDTOKEN (cqlsh's checks), or no token map
   */
  public static TokenBounds of(Options options, Optional<TokenMap> tokenMap) {
    String begin = blankToNull(options.getString(BEGINTOKEN, null));
    String end = blankToNull(options.getString(ENDTOKEN, null));
    if (begin == null && end == null) {
      return ALL;
    }
    if (tokenMap.isEmpty()) {
      throw new TransferException(
          "BEGINTOKEN and ENDTOKEN need the cluster's token map, which the driver has not"
              + " loaded; export without them.");
    }
    TokenMap map = tokenMap.get();
    TokenBounds bounds = new TokenBounds(parse(map, BEGINTOKEN, begin), parse(map, ENDTOKEN, end));
    if (bounds.begin instanceof RandomToken r
        && r.getValue().compareTo(BigInteger.ONE.negate()) < 0) {
      throw new TransferException(
          "BEGINTOKEN " + begin + " must be bigger or equal to the minimum token -1.");
    }
    if (bounds.begin != null && bounds.end != null && bounds.begin.compareTo(bounds.end) > 0) {
      throw new TransferException(
          "BEGINTOKEN "
              + begin
              + " must not be greater than ENDTOKEN "
              + end
              + " (the export takes the tokens t with BEGINTOKEN < t <= ENDTOKEN).");
    }
    return bounds;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Token parse(TokenMap map, String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return map.parse(text);
    } catch (RuntimeException e) {
      String partitioner = map.getPartitionerName().replaceAll(".*\\.", "");
      throw new TransferException(
          option
              + "='"
              + text
              + "' is not a token of the "
              + partitioner
              + ": give one as SELECT token(...) returns it, e.g. "
              + option
              + "=-4611686018427387904.");
    }
  }

  /** True when both bounds are absent. */
  public boolean isAll() {
    return begin == null && end == null;
  }

  /**
   * How many ranges to ask {@link TokenRangePlanner} for so that about {@code minimumRanges} of
   * them fall within the bounds: more in proportion to the share of the ring the bounds leave out
   * (Murmur3 and Random partitioners), at most {@value #MAX_PLANNED}.
   *
   * @param minimumRanges ranges wanted within the bounds, {@code >= 1}
   * @return ranges to plan over the whole ring, {@code >= minimumRanges}
   */
  public int rangesToPlan(int minimumRanges) {
    double share = share();
    if (isAll() || Double.isNaN(share) || share <= 0) {
      return minimumRanges;
    }
    return (int) Math.max(minimumRanges, Math.min(MAX_PLANNED, Math.ceil(minimumRanges / share)));
  }

  /** The share of the ring within the bounds, for the Murmur3 and Random partitioners; else NaN. */
  double share() {
    Token any = begin != null ? begin : end;
    BigInteger low;
    BigInteger high;
    BigInteger ring;
    if (any instanceof Murmur3Token) {
      low =
          begin == null
              ? BigInteger.valueOf(Long.MIN_VALUE)
              : BigInteger.valueOf(((Murmur3Token) begin).getValue());
      high =
          end == null
              ? BigInteger.valueOf(Long.MAX_VALUE)
              : BigInteger.valueOf(((Murmur3Token) end).getValue());
      ring = MURMUR3_RING;
    } else if (any instanceof RandomToken) {
      low = begin == null ? BigInteger.ONE.negate() : ((RandomToken) begin).getValue();
      high = end == null ? RANDOM_MAX : ((RandomToken) end).getValue();
      ring = RANDOM_MAX;
    } else {
      return Double.NaN;
    }
    return high.subtract(low).doubleValue() / ring.doubleValue();
  }

  /**
   * Cuts planned ranges to the bounds.
   *
   * @param planned contiguous ranges in token order, a null start or end being the ring's start or
   *     end (as {@link TokenRangePlanner} returns them)
   * @return the non-empty parts within the bounds, in token order; when BEGINTOKEN equals ENDTOKEN,
   *     the one empty range {@code (BEGINTOKEN, ENDTOKEN]}, which selects nothing (as in cqlsh);
   *     {@code planned} itself for {@link #ALL}
   */
  public List<ScanRange> clip(List<ScanRange> planned) {
    if (isAll()) {
      return planned;
    }
    if (begin != null && begin.equals(end)) {
      return List.of(new ScanRange(begin, end));
    }
    List<ScanRange> kept = new ArrayList<>();
    for (ScanRange r : planned) {
      Token low = r.start() == null ? begin : begin == null ? r.start() : max(r.start(), begin);
      Token high = r.end() == null ? end : end == null ? r.end() : min(r.end(), end);
      if (low == null || high == null || low.compareTo(high) < 0) {
        kept.add(new ScanRange(low, high));
      }
    }
    return kept.isEmpty() ? List.of(new ScanRange(begin, end)) : kept;
  }

  private static Token max(Token a, Token b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Token min(Token a, Token b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
