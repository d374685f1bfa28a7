package io.cqlp.transfer.scan;

import java.util.List;

/**
 * Token-range scans failed for good (after their retries); the cause is the driver's error of the
 * first failed range.
 */
public class ScanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One range that failed.
   *
   * @param range the range's index, as given to the scanner
   * @param cause the error of its last attempt
   * @param attempts attempts made, {@code >= 1}
   */
  public record RangeFailure(int range, Throwable cause, int attempts) {}

  private final transient List<RangeFailure> failures;

  /**
   * @param cause the driver's error for the failed range (one range, index unknown)
   */
  public ScanException(Throwable cause) {
    super(cause.getMessage(), cause);
    this.failures = List.of();
  }

  /**
   * @param failures the failed ranges, not empty, the first one's cause is this one's cause
   */
  public ScanException(List<RangeFailure> failures) {
    super(failures.get(0).cause().getMessage(), failures.get(0).cause());
    this.failures = List.copyOf(failures);
  }

  /** The failed ranges, in the order they failed; empty if unknown. */
  public List<RangeFailure> failures() {
    return failures;
  }
}
