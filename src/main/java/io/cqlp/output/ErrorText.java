package io.cqlp.output;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;

/** The one-line spelling of a driver or server error, as cqlsh prints it. */
public final class ErrorText {

  private ErrorText() {}

  /**
   * The line of a failed connection: {@code Connection error: could not connect to HOST:PORT:
   * DETAIL}, the shell exiting with status 1 as cqlsh does.
   *
   * @param host the contact host as given
   * @param port the contact port
   * @param detail why: {@link #describe} of the failure, or a refusal of cqlp's own
   */
  public static String connectionError(String host, int port, String detail) {
    return "Connection error: could not connect to " + host + ":" + port + ": " + detail;
  }

  /** The user-facing text of an error, with cqlsh's names for Cassandra's errors. */
  public static String describe(Throwable error) {
    String message =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (error instanceof SyntaxError) {
      return "SyntaxException: " + message;
    } else if (error instanceof AlreadyExistsException) {
      return "AlreadyExists: " + message;
    } else if (error instanceof InvalidQueryException) {
      return "InvalidRequest: Error from server: code=2200 [Invalid query] message=\""
          + message
          + "\"";
    } else if (error instanceof UnauthorizedException) {
      return "Unauthorized: " + message;
    } else if (error instanceof ServerError) {
      return "ServerError: " + message;
    } else if (error instanceof DriverTimeoutException) {
      return "OperationTimedOut: " + message;
    } else if (error instanceof AllNodesFailedException) {
      return "NoHostAvailable: " + message;
    }
    return message;
  }
}
