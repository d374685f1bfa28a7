package io.cqlp.transfer.load;

/** A write to Cassandra failed for good (after its retries); the cause is the driver's error. */
public class LoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param cause the driver's error of the last attempt */
  public LoadException(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
