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
