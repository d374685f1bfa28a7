package io.cqlp.transfer;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.scan.RangeRetry;
import java.time.Duration;

/**
 * COPY TO's scan options, typed and checked: built once by {@link #of} before the target is
 * touched, so that a bad value is refused with one line and nothing written. (The writer's own
 * options, FORMAT, COMPRESSION, PARTITION and the like, are read by the sink that uses them.)
 *
 * @param pageSize rows per driver page (PAGESIZE), {@code >= 1}
 * @param requestsInFlight token-range scans at once: MAXREQUESTS × NUMPROCESSES ({@link
 *     CopyRunOptions#requestsInFlight}), {@code >= 1}
 * @param retry how a failed range is tried again (MAXATTEMPTS tries in all)
 * @param pageTimeout the timeout of each page (PAGETIMEOUT, or cqlsh's default for the page size)
 * @param append whether APPEND=true asks to add part files to a dataset directory
 * @param resume whether RESUME=true asks to go on from a checkpoint
 */
public record ExportSettings(
    int pageSize,
    int requestsInFlight,
    RangeRetry retry,
    Duration pageTimeout,
    boolean append,
    boolean resume) {

  /**
   * Reads and checks COPY TO's scan options.
   *
   * @param options the command's options, already checked to be COPY TO's
   * @param requestTimeout the session's request timeout, or null
   * @return the typed settings
   * @throws TransferException for a value out of range, with the rule it breaks
   */
  static ExportSettings of(Options options, Duration requestTimeout) {
    int pageSize = options.getInt("PAGESIZE", CopyToWorkflow.DEFAULT_PAGE_SIZE);
    int maxRequests = options.getInt("MAXREQUESTS", CopyToWorkflow.DEFAULT_MAX_REQUESTS);
    if (pageSize < 1 || maxRequests < 1) {
      throw new TransferException("PAGESIZE and MAXREQUESTS must be at least 1.");
    }
    int attempts = options.getInt("MAXATTEMPTS", RangeRetry.DEFAULT_MAX_ATTEMPTS);
    if (attempts < 1) {
      throw new TransferException("MAXATTEMPTS must be at least 1.");
    }
    return new ExportSettings(
        pageSize,
        CopyRunOptions.requestsInFlight(options, maxRequests),
        RangeRetry.of(attempts),
        CopyRunOptions.pageTimeout(options, pageSize, requestTimeout),
        options.getBoolean("APPEND", false),
        options.getBoolean("RESUME", false));
  }
}
