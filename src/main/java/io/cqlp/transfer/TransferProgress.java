package io.cqlp.transfer;

/**
 * Told how far a COPY (or a CAPTURE) has come, so the shell can show progress. Called on the thread
 * that runs the transfer, often (per page or per row): implementations must be cheap and must not
 * throw.
 */
@FunctionalInterface
public interface TransferProgress {

  /** Progress that shows nothing. */
  TransferProgress NONE = rows -> {};

  /**
   * @param rows rows exported, read for import, or captured so far (cumulative, never decreasing)
   */
  void rowsDone(long rows);

  /**
   * Asks for a report at most every {@code interval} (a COPY's REPORTFREQUENCY), in place of the
   * listener's own pace; called before the first {@link #rowsDone}. The default ignores it.
   *
   * @param interval more than zero
   */
  default void reportEvery(java.time.Duration interval) {}
}
