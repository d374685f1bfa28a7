package io.cqlp.transfer.load;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failed writes are worth another attempt, how long to wait before it, and how a failure is
 * named on the error line.
 *
 * <p>Retried (the cluster may answer later): timeouts ({@link WriteTimeoutException}, {@link
 * DriverTimeoutException}), {@link UnavailableException}, {@link OverloadedException}, {@link
 * BootstrappingException}, client-side throttling, and lost or busy connections ({@link
 * AllNodesFailedException} including no node available, {@link ClosedConnectionException}, {@link
 * BusyConnectionException}, {@link HeartbeatException}). Everything else, e.g. an {@code
 * InvalidQueryException} for an empty partition key, would fail the same way again and is not
 * retried. cqlsh's COPY FROM retries the same kinds (its {@code ImportTaskError.is_parse_error} is
 * the complement). Stateless.
 */
public final class WriteErrors {

  /** Wait before the second attempt, in milliseconds: {@value}. */
  public static final long FIRST_BACKOFF_MS = 100;

  /** Longest wait between two attempts, in milliseconds: {@value}. */
  public static final long MAX_BACKOFF_MS = 5_000;

  private WriteErrors() {}

  /** Whether a write that failed with {@code error} may succeed if sent again. */
  public static boolean retryable(Throwable error) {
    Throwable e = unwrap(error);
    return e instanceof WriteTimeoutException
        || e instanceof DriverTimeoutException
        || e instanceof UnavailableException
        || e instanceof OverloadedException
        || e instanceof BootstrappingException
        || e instanceof RequestThrottlingException
        || e instanceof AllNodesFailedException
        || e instanceof ClosedConnectionException
        || e instanceof BusyConnectionException
        || e instanceof HeartbeatException;
  }

  /**
   * The wait before attempt {@code nextAttempt}: exponential from {@link #FIRST_BACKOFF_MS} (100,
   * 200, 400 ms ...), capped at {@link #MAX_BACKOFF_MS}, with "equal jitter": half of it fixed, the
   * other half random, so writes that failed together do not come back together.
   *
   * @param nextAttempt the attempt about to be made, {@code >= 2}
   * @return milliseconds, from half the exponential value to the value itself
   */
  public static long backoffMillis(int nextAttempt) {
    long full = backoffCeiling(nextAttempt);
    long half = full / 2;
    return half + ThreadLocalRandom.current().nextLong(full - half + 1);
  }

  /** The backoff before {@code nextAttempt} without jitter: its upper bound, in milliseconds. */
  public static long backoffCeiling(int nextAttempt) {
    int doublings = Math.max(0, Math.min(nextAttempt - 2, 20));
    return Math.min(FIRST_BACKOFF_MS << doublings, MAX_BACKOFF_MS);
  }

  /**
   * A short name for the error line, as cqlsh names them: {@code WriteTimeout}, {@code
   * Unavailable}, {@code NoHostAvailable}, {@code InvalidRequest}... (the driver's class name
   * without {@code Exception} otherwise).
   */
  public static String name(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof AllNodesFailedException) {
      return "NoHostAvailable";
    }
    if (e instanceof DriverTimeoutException) {
      return "OperationTimedOut";
    }
    if (e instanceof com.datastax.oss.driver.api.core.servererrors.InvalidQueryException) {
      return "InvalidRequest";
    }
    String simple = e.getClass().getSimpleName();
    return simple.endsWith("Exception")
        ? simple.substring(0, simple.length() - "Exception".length())
        : simple;
  }

  /** The error's message on one line (no stack trace), never null. */
  public static String message(Throwable error) {
    Throwable e = unwrap(error);
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
