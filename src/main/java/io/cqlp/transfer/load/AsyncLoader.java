package io.cqlp.transfer.load;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes statements asynchronously with at most {@code maxInFlight} requests outstanding.
 *
 * <p>A write that fails with a timeout or an unavailable error is retried, with an exponential
 * backoff starting at 100 ms, until it has been tried {@code maxAttempts} times (cqlsh's
 * MAXATTEMPTS); any other error, or the last failed attempt, is recorded and makes {@link
 * #submit} and {@link #finish} throw. Submit from one thread.
 */
public final class AsyncLoader {
  private final CqlSession session;
  private final Semaphore permits;
  private final int maxInFlight;
  private final int maxAttempts;
  private final AtomicLong written = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /**
   * @param session the session to write with
   * @param maxInFlight requests outstanding at most, {@code >= 1}
   * @param maxAttempts tries per statement, {@code >= 1}
   */
  public AsyncLoader(CqlSession session, int maxInFlight, int maxAttempts) {
    this.session = session;
    this.maxInFlight = maxInFlight;
    this.permits = new Semaphore(maxInFlight);
    this.maxAttempts = maxAttempts;
  }

  /**
   * Sends one statement, waiting while {@code maxInFlight} are outstanding.
   *
   * @param statement the bound write; counts as {@code rows} rows once written
   * @param rows rows the statement writes (more than 1 for a batch)
   * @throws LoadException if an earlier write failed for good
   * @throws InterruptedException if interrupted while waiting
   */
  public void submit(Statement<?> statement, int rows) throws InterruptedException {
    checkFailure();
    while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
      checkFailure();
    }
    send(statement, rows, 1);
  }

  private void send(Statement<?> statement, int rows, int attempt) {
    CompletionStage<?> stage = session.executeAsync(statement);
    stage.whenComplete(
        (result, error) -> {
          if (error == null) {
            written.addAndGet(rows);
            permits.release();
          } else if (attempt < maxAttempts && retryable(error) && failure.get() == null) {
            long delay = Math.min(100L << (attempt - 1), 5000L);
            java.util.concurrent.CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
                .execute(() -> send(statement, rows, attempt + 1));
          } else {
            failure.compareAndSet(null, error);
            permits.release();
          }
        });
  }

  private static boolean retryable(Throwable error) {
    return error instanceof DriverTimeoutException
        || error instanceof QueryConsistencyException
        || error instanceof UnavailableException
        || error instanceof com.datastax.oss.driver.api.core.AllNodesFailedException
        || error instanceof com.datastax.oss.driver.api.core.servererrors.OverloadedException;
  }

  /**
   * Waits for every outstanding write.
   *
   * @return rows written
   * @throws LoadException if any write failed for good
   * @throws InterruptedException if interrupted while waiting
   */
  public long finish() throws InterruptedException {
    permits.acquire(maxInFlight);
    permits.release(maxInFlight);
    checkFailure();
    return written.get();
  }

  /** Rows written so far. */
  public long written() {
    return written.get();
  }

  private void checkFailure() {
    Throwable t = failure.get();
    if (t != null) {
      throw new LoadException(t);
    }
  }
}
