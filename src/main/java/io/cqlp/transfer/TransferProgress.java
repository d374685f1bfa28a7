package io.cqlp.transfer;

/**
 * Told how far a COPY (or a CAPTURE) has come, so the shell can show progress. Called on the
 * thread that runs the transfer, often (per page or per row): implementations must be cheap and
 * must not throw.
 */
@FunctionalInterface
public interface TransferProgress {

  /** Progress that shows nothing. */
  TransferProgress NONE = rows -> { };

  /**
   * @param rows rows exported, read for import, or captured so far (cumulative, never
   *     decreasing)
   */
  void rowsDone(long rows);
}
