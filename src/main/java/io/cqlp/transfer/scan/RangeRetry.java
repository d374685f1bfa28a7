package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.CoordinatorException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;

/**
 * How often and how patiently a token range's scan is retried after a transient failure (timeouts,
 * unavailable replicas, lost connections, an overloaded or failing coordinator).
 *
 * <p>Attempt {@code n} (1-based) that fails transiently is followed, after {@link #delayMillis(int)
 * a delay} of {@code baseDelayMillis * 2^(n-1)} capped at {@code maxDelayMillis}, by attempt {@code
 * n + 1}, up to {@code maxAttempts} attempts in all (cqlsh's COPY option MAXATTEMPTS, default 5). A
 * retried range resumes from its last paging state, so rows already handed on are never fetched
 * twice. Immutable.
 *
 * @param maxAttempts attempts per range, {@code >= 1}
 * @param baseDelayMillis delay after the first failed attempt, in milliseconds, {@code >= 0}
 * @param maxDelayMillis the longest delay between two attempts, in milliseconds
 */
public record RangeRetry(int maxAttempts, long baseDelayMillis, long maxDelayMillis) {

  /** cqlsh's default MAXATTEMPTS. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** Default first delay: 250 ms, so five attempts give up after about 4 s of waiting. */
  public static final long DEFAULT_BASE_DELAY_MILLIS = 250;

  /** Default longest delay between attempts. */
  public static final long DEFAULT_MAX_DELAY_MILLIS = 8_000;

  /**
   * @throws IllegalArgumentException if {@code maxAttempts < 1} or a delay is negative
   */
  public RangeRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("MAXATTEMPTS must be at least 1");
    }
    if (baseDelayMillis < 0 || maxDelayMillis < 0) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
  }

  /** {@code maxAttempts} attempts with the default delays. */
  public static RangeRetry of(int maxAttempts) {
    return new RangeRetry(maxAttempts, DEFAULT_BASE_DELAY_MILLIS, DEFAULT_MAX_DELAY_MILLIS);
  }

  /**
   * The pause after failed attempt {@code attempt}.
   *
   * @param attempt the 1-based attempt that failed
   * @return milliseconds to wait before the next attempt
   */
  public long delayMillis(int attempt) {
    int doublings = Math.min(Math.max(0, attempt - 1), 30);
    return Math.min(maxDelayMillis, baseDelayMillis << doublings);
  }

  /**
   * Whether another attempt may succeed where {@code failure} did: true for timeouts, unavailable
   * replicas, read failures, overload, server errors, closed connections and no node available;
   * false for errors that would recur (invalid query, syntax, authorization, decoding).
   */
  public static boolean isRetryable(Throwable failure) {
    if (failure instanceof InvalidQueryException
        || failure instanceof SyntaxError
        || failure instanceof UnauthorizedException
        || failure instanceof TruncateException) {
      return false;
    }
    return failure instanceof DriverTimeoutException
        || failure instanceof AllNodesFailedException
        || failure instanceof ClosedConnectionException
        || failure instanceof HeartbeatException
        || failure instanceof QueryExecutionException
        || failure instanceof OverloadedException
        || failure instanceof ServerError
        || (failure instanceof CoordinatorException
            && !(failure.getClass().getName().contains("Protocol")));
  }
}
