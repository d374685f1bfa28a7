package io.cqlp.transfer.load;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Writes statements asynchronously with at most {@code maxInFlight} requests outstanding.
 *
 * <p>A write that fails with an error {@link WriteErrors#retryable} is sent again after {@link
 * WriteErrors#backoffMillis} until it has been tried {@code maxAttempts} times (cqlsh's
 * MAXATTEMPTS). A batch that fails with any other error (e.g. one row with an empty partition key)
 * is split: each of its rows is written on its own, with its own attempts, so that only the rows
 * Cassandra refuses fail. Rows that fail for good go to {@link ImportErrors} (counted, written to
 * the ERRFILE); the loader itself goes on. Once the error budget is exceeded, or after {@link
 * #stop()}, rows submitted are not sent (they go to the ERRFILE as not attempted) and a failed
 * write is not retried any more. Submit from one thread.
 */
public final class AsyncLoader {
  private final Function<Statement<?>, CompletionStage<?>> executor;
  private final Semaphore permits;
  private final int maxInFlight;
  private final int maxAttempts;
  private final ImportErrors errors;
  private final AtomicLong written = new AtomicLong();
  private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
  private volatile boolean stopped;

  /**
   * @param session the session to write with
   * @param maxInFlight requests outstanding at most, {@code >= 1}
   * @param maxAttempts tries per statement, {@code >= 1}
   * @param errors where rows that failed for good go
   */
  public AsyncLoader(CqlSession session, int maxInFlight, int maxAttempts, ImportErrors errors) {
    this(session::executeAsync, maxInFlight, maxAttempts, errors);
  }

  /**
   * @param executor sends one statement and completes with its result or error (the session's
   *     {@code executeAsync})
   * @param maxInFlight requests outstanding at most, {@code >= 1}
   * @param maxAttempts tries per statement, {@code >= 1}
   * @param errors where rows that failed for good go
   */
  public AsyncLoader(
      Function<Statement<?>, CompletionStage<?>> executor,
      int maxInFlight,
      int maxAttempts,
      ImportErrors errors) {
    this.executor = executor;
    this.maxInFlight = maxInFlight;
    this.permits = new Semaphore(maxInFlight);
    this.maxAttempts = maxAttempts;
    this.errors = errors;
  }

  /**
   * Sends one write, waiting while {@code maxInFlight} are outstanding; once stopping, hands its
   * rows to {@link ImportErrors#notAttempted} instead.
   *
   * @param statement the write of {@code rows}: a row's own statement, or a batch of them
   * @param rows the rows it writes, not empty
   * @throws java.io.UncheckedIOException if the ERRFILE could not be written for an earlier row
   * @throws InterruptedException if interrupted while waiting
   */
  public void submit(Statement<?> statement, List<LoadRow> rows) throws InterruptedException {
    checkFatal();
    while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
      checkFatal();
    }
    if (stopping()) {
      permits.release();
      for (LoadRow row : rows) {
        errors.notAttempted(row.values(), row.record());
      }
      return;
    }
    send(statement, rows, 1, permits::release);
  }

  private void send(Statement<?> statement, List<LoadRow> rows, int attempt, Runnable done) {
    CompletionStage<?> stage;
    try {
      stage = executor.apply(statement);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (result, error) -> {
          boolean finished = true;
          try {
            if (error == null) {
              written.addAndGet(rows.size());
            } else if (WriteErrors.retryable(error) && attempt < maxAttempts && !stopping()) {
              finished = false;
              CompletableFuture.delayedExecutor(
                      WriteErrors.backoffMillis(attempt + 1), TimeUnit.MILLISECONDS)
                  .execute(() -> send(statement, rows, attempt + 1, done));
            } else if (!WriteErrors.retryable(error) && rows.size() > 1) {
              finished = false;
              split(rows, done);
            } else {
              errors.insertError(rows, error, attempt);
            }
          } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
          } finally {
            if (finished) {
              done.run();
            }
          }
        });
  }

  /** Writes each row of a refused batch on its own; {@code done} runs once all are settled. */
  private void split(List<LoadRow> rows, Runnable done) {
    AtomicInteger left = new AtomicInteger(rows.size());
    Runnable one =
        () -> {
          if (left.decrementAndGet() == 0) {
            done.run();
          }
        };
    for (LoadRow row : rows) {
      send(row.statement(), List.of(row), 1, one);
    }
  }

  /**
   * From now on, rows submitted are not sent but handed to {@link ImportErrors#notAttempted}, and
   * failed writes are given up at once instead of retried. Happens by itself once the error budget
   * is exceeded.
   */
  public void stop() {
    stopped = true;
  }

  private boolean stopping() {
    return stopped || errors.budget().exceeded();
  }

  /**
   * Waits for every outstanding write, retries and split rows included.
   *
   * @return rows written
   * @throws java.io.UncheckedIOException if the ERRFILE could not be written
   * @throws InterruptedException if interrupted while waiting
   */
  public long finish() throws InterruptedException {
    permits.acquire(maxInFlight);
    permits.release(maxInFlight);
    checkFatal();
    return written.get();
  }

  /** Rows written so far. */
  public long written() {
    return written.get();
  }

  private void checkFatal() {
    RuntimeException e = fatal.get();
    if (e != null) {
      throw e;
    }
  }
}
