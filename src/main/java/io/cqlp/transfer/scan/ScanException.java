package io.cqlp.transfer.scan;

/** A token-range scan failed; the cause is the driver's error. */
public class ScanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param cause the driver's error for the failed range */
  public ScanException(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
