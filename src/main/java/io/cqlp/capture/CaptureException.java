package io.cqlp.capture;

/** A capture that cannot start, or a result it refuses; the message is one line for the user. */
public class CaptureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line: what, and how to fix it
   */
  public CaptureException(String message) {
    super(message);
  }
}
