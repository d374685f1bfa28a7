package io.cqlp.transfer;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.plan.TokenBounds;
import java.time.Duration;
import java.util.Set;

/**
 * The options of cqlsh's COPY that say how a copy runs, with cqlsh 6.2.0's names and meanings
 * ({@code cqlshlib/copyutil.py} parse_options): NUMPROCESSES, REPORTFREQUENCY and RATEFILE in both
 * directions, and PAGETIMEOUT, BEGINTOKEN and ENDTOKEN on COPY TO. REPORTFREQUENCY and RATEFILE are
 * read by {@link RateMeter}, BEGINTOKEN and ENDTOKEN by {@link TokenBounds}.
 */
public final class CopyRunOptions {
  private CopyRunOptions() {}

  /**
   * cqlsh's worker processes; in cqlp a multiplier of MAXREQUESTS, see {@link #requestsInFlight}.
   */
  public static final String NUMPROCESSES = "NUMPROCESSES";

  /** Seconds between progress reports (a decimal number, cqlsh's default 0.25). */
  public static final String REPORTFREQUENCY = "REPORTFREQUENCY";

  /** A file that receives cqlsh's rate lines, see {@link RateMeter}. */
  public static final String RATEFILE = "RATEFILE";

  /** Seconds a page of a COPY TO scan may take. */
  public static final String PAGETIMEOUT = "PAGETIMEOUT";

  /** The options of both directions. */
  public static final Set<String> COMMON = Set.of(NUMPROCESSES, REPORTFREQUENCY, RATEFILE);

  /** The options of COPY TO. */
  public static final Set<String> COPY_TO =
      Options.union(COMMON, Set.of(PAGETIMEOUT, TokenBounds.BEGINTOKEN, TokenBounds.ENDTOKEN));

  /**
   * Requests in flight at most, whatever NUMPROCESSES and MAXREQUESTS ask: the driver's default of
   * requests per connection, beyond which it refuses requests as busy.
   */
  public static final int MAX_IN_FLIGHT = 1024;

  /**
   * The requests a copy keeps in flight: NUMPROCESSES × MAXREQUESTS, at most {@link
   * #MAX_IN_FLIGHT}. In cqlsh each of NUMPROCESSES worker processes scans MAXREQUESTS token ranges
   * at once; cqlp is one process, so NUMPROCESSES defaults to 1 and multiplies: the token-range
   * scans of a COPY TO, the batches written at once by a COPY FROM.
   *
   * @param options the COPY options
   * @param maxRequests MAXREQUESTS as read, {@code >= 1}
   * @return the requests in flight, from 1 to {@link #MAX_IN_FLIGHT}
   * @throws TransferException when NUMPROCESSES is below 1
   * @throws io.cqlp.command.CommandException when it is no whole number
   */
  public static int requestsInFlight(Options options, int maxRequests) {
    int processes = options.getInt(NUMPROCESSES, 1);
    if (processes < 1) {
      throw new TransferException(
          "NUMPROCESSES must be at least 1; it multiplies MAXREQUESTS, the requests"
              + " in flight.");
    }
    return (int) Math.min(MAX_IN_FLIGHT, (long) processes * Math.max(1, maxRequests));
  }

  /**
   * The timeout of each page of a COPY TO scan: PAGETIMEOUT seconds (a whole number, as cqlsh reads
   * it); without it cqlsh's default, 10 seconds per 1,000 rows of PAGESIZE and at least 10, or the
   * session's request timeout when that is longer.
   *
   * @param options the COPY TO options
   * @param pageSize rows per page (PAGESIZE)
   * @param requestTimeout the session's request timeout, or null
   * @return the timeout, at least a second
   * @throws TransferException when PAGETIMEOUT is below 1
   */
  public static Duration pageTimeout(Options options, int pageSize, Duration requestTimeout) {
    if (options.contains(PAGETIMEOUT)) {
      long seconds = options.getLong(PAGETIMEOUT, 0);
      if (seconds < 1) {
        throw new TransferException(
            "PAGETIMEOUT is seconds per page and must be at least 1, e.g. PAGETIMEOUT=30.");
      }
      return Duration.ofSeconds(seconds);
    }
    Duration cqlsh = Duration.ofMillis(Math.max(10_000L, 10L * pageSize));
    return requestTimeout != null && requestTimeout.compareTo(cqlsh) > 0 ? requestTimeout : cqlsh;
  }
}
