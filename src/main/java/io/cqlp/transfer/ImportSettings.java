package io.cqlp.transfer;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.load.ErrorBudget;

/**
 * COPY FROM's WITH options, typed and checked: built once by {@link #of} before any file is opened
 * or row sent, so that a bad value is refused with one line and nothing done. Defaults are cqlsh's
 * where cqlsh has the option (see the {@code DEFAULT_} constants of {@link CopyFromWorkflow}).
 *
 * @param requestsInFlight batches in flight at most: MAXREQUESTS × NUMPROCESSES ({@link
 *     CopyRunOptions#requestsInFlight}), {@code >= 1}
 * @param maxAttempts tries per write (MAXATTEMPTS), {@code >= 1}
 * @param skipRows rows skipped at the start of the input (SKIPROWS), {@code >= 0}
 * @param maxRows rows imported at most (MAXROWS), or -1 for all
 * @param maxBatchSize rows per UNLOGGED batch of one partition at most (MAXBATCHSIZE), {@code >= 1}
 *     (a counter table's batches hold one row whatever it is)
 * @param chunkSize rows read ahead and grouped by partition key into batches (CHUNKSIZE), 1 to
 *     1,000,000
 * @param minBatchSize MINBATCHSIZE: partitions with this many rows or fewer in a CHUNKSIZE window
 *     are pooled by replica, 1 to maxBatchSize; cqlsh's 10 (at most maxBatchSize) when not given
 * @param ingestRate rows per second at most (INGESTRATE), {@code >= 1}; {@link Long#MAX_VALUE} (no
 *     limit) when not given
 * @param ttl the TTL in seconds every write gets (TTL=n), or -1 for none (also when TTL is the
 *     boolean of a migration)
 * @param timesForced WRITETIME=true or TTL=true: the input must hold time columns
 * @param timesRefused WRITETIME=false: time columns of the input are ignored
 * @param maxParseErrors rows that do not convert, at most (MAXPARSEERRORS; -1 for no limit)
 * @param maxInsertErrors rows whose write fails for good, at most (MAXINSERTERRORS; -1 for no
 *     limit)
 * @param preparedStatements whether rows are written by prepared statements (cqlsh's
 *     PREPAREDSTATEMENTS, default true) or as CQL text with literal values
 */
public record ImportSettings(
    int requestsInFlight,
    int maxAttempts,
    long skipRows,
    long maxRows,
    int maxBatchSize,
    int chunkSize,
    int minBatchSize,
    long ingestRate,
    long ttl,
    boolean timesForced,
    boolean timesRefused,
    long maxParseErrors,
    long maxInsertErrors,
    boolean preparedStatements) {

  /**
   * Reads and checks COPY FROM's options.
   *
   * @param options the command's options, already checked to be COPY FROM's
   * @return the typed settings
   * @throws TransferException for a value out of range, with the rule it breaks
   * @throws IllegalArgumentException for a value that is not a number where one is expected (the
   *     message names the option)
   */
  static ImportSettings of(Options options) {
    int maxRequests = options.getInt("MAXREQUESTS", CopyFromWorkflow.DEFAULT_MAX_REQUESTS);
    int maxAttempts = options.getInt("MAXATTEMPTS", CopyFromWorkflow.DEFAULT_MAX_ATTEMPTS);
    int maxBatchSize = options.getInt("MAXBATCHSIZE", CopyFromWorkflow.DEFAULT_MAX_BATCH_SIZE);
    long chunkSize = options.getRowCount("CHUNKSIZE", CopyFromWorkflow.DEFAULT_CHUNK_SIZE);
    if (maxRequests < 1
        || maxAttempts < 1
        || maxBatchSize < 1
        || chunkSize < 1
        || chunkSize > 1_000_000) {
      throw new TransferException(
          "MAXREQUESTS, MAXATTEMPTS and MAXBATCHSIZE must be at least 1, CHUNKSIZE from 1 to 1M.");
    }
    long ingestRate = options.getRowCount("INGESTRATE", CopyFromWorkflow.DEFAULT_INGEST_RATE);
    if (ingestRate < 1) {
      throw new TransferException("INGESTRATE is rows per second and must be at least 1.");
    }
    int minBatchSize =
        options.getInt(
            "MINBATCHSIZE", Math.min(CopyFromWorkflow.DEFAULT_MIN_BATCH_SIZE, maxBatchSize));
    if (minBatchSize < 1 || minBatchSize > maxBatchSize) {
      throw new TransferException(
          "MINBATCHSIZE must be from 1 to MAXBATCHSIZE (" + maxBatchSize + ").");
    }
    return new ImportSettings(
        CopyRunOptions.requestsInFlight(options, maxRequests),
        maxAttempts,
        options.getRowCount("SKIPROWS", 0),
        options.getRowCount("MAXROWS", -1),
        maxBatchSize,
        (int) chunkSize,
        minBatchSize,
        ingestRate,
        CellTimes.flag(options, CellTimes.TTL) ? -1 : options.getLong("TTL", -1),
        CellTimes.requested(options),
        CellTimes.refused(options),
        options.getLong("MAXPARSEERRORS", ErrorBudget.DEFAULT_MAX_PARSE_ERRORS),
        options.getLong("MAXINSERTERRORS", ErrorBudget.DEFAULT_MAX_INSERT_ERRORS),
        options.getBoolean("PREPAREDSTATEMENTS", true));
  }
}
