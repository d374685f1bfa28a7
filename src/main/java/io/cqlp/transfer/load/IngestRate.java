package io.cqlp.transfer.load;

/**
 * A cap on rows per second, cqlsh's INGESTRATE of COPY FROM (default 100,000): rows are counted
 * in one-second windows, and the caller waits for the next window when the current one is full.
 * Not thread-safe: one reading thread calls {@link #acquire()}.
 */
public final class IngestRate {
  private static final long SECOND_NANOS = 1_000_000_000L;

  private final long perSecond;
  private long windowStart = System.nanoTime();
  private long inWindow;

  /**
   * @param perSecond rows allowed per second, at least 1
   * @throws IllegalArgumentException if {@code perSecond} is below 1
   */
  public IngestRate(long perSecond) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("INGESTRATE must be at least 1 row per second");
    }
    this.perSecond = perSecond;
  }

  /**
   * Counts one row, first waiting for the next one-second window if this one already holds
   * {@code perSecond} rows.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public void acquire() throws InterruptedException {
    long now = System.nanoTime();
    if (now - windowStart >= SECOND_NANOS) {
      windowStart = now;
      inWindow = 0;
    }
    if (inWindow >= perSecond) {
      long waitNanos = SECOND_NANOS - (now - windowStart);
      Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      windowStart = System.nanoTime();
      inWindow = 0;
    }
    inWindow++;
  }
}
