package io.cqlp.transfer.load;

/**
 * Holds an import to at most a given number of rows per second (cqlsh's INGESTRATE option), by
 * sleeping the reading thread whenever it gets ahead of the rate. The rate is kept over the whole
 * import, so a stall (a slow write) may be followed by a burst up to the average. Used from one
 * thread.
 */
public final class IngestRate {
  private final long rowsPerSecond;
  private final long checkEvery;
  private final long started = System.nanoTime();
  private long rows;

  /**
   * @param rowsPerSecond the rate, {@code >= 1}; {@link Long#MAX_VALUE} never sleeps (no limit)
   * @throws IllegalArgumentException if the rate is below 1
   */
  public IngestRate(long rowsPerSecond) {
    if (rowsPerSecond < 1) {
      throw new IllegalArgumentException("rate must be at least 1 row/s, got " + rowsPerSecond);
    }
    this.rowsPerSecond = rowsPerSecond;
    this.checkEvery = Math.max(1, rowsPerSecond / 100);
  }

  /**
   * Counts one row, sleeping first if the rows so far came faster than the rate (checked every
   * 1/100 of a second's worth of rows).
   *
   * @throws InterruptedException if interrupted while sleeping
   */
  public void acquire() throws InterruptedException {
    rows++;
    if (rows % checkEvery != 0) {
      return;
    }
    long due = started + rows * 1_000_000_000L / rowsPerSecond;
    long ahead = due - System.nanoTime();
    if (ahead > 0) {
      Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
    }
  }
}
