package io.cqlp.rows;

/**
 * A COPY that cannot start or cannot finish: unknown table or column, missing directory, unreadable
 * file, a failed scan or write. The message is one line for the user (what, where, how to fix); the
 * cause, if any, is shown only with {@code --debug}.
 */
public class TransferException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for the user
   */
  public TransferException(String message) {
    super(message);
  }

  /**
   * @param message one line for the user; @param cause the underlying error
   */
  public TransferException(String message, Throwable cause) {
    super(message, cause);
  }
}
