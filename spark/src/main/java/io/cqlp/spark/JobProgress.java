package io.cqlp.spark;

import io.cqlp.session.ErrorReporter;
import io.cqlp.session.ProgressLine;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * The shell's progress line for a COPY run as a Spark job: the rows of the tasks finished so far
 * (each task adds its rows to a Spark accumulator when it ends, and only a successful attempt's
 * count is kept), shown as the shell shows a COPY's progress: rewritten in place at a terminal, a
 * {@code Processed: N rows; Rate: ...} line every 10 seconds in a script.
 */
final class JobProgress implements AutoCloseable {
  private final LongAccumulator rows;
  private final ProgressLine line;
  private final Thread poller;

  private JobProgress(LongAccumulator rows, ProgressLine line) {
    this.rows = rows;
    this.line = line;
    this.poller = new Thread(this::poll, "cqlp-spark-progress");
    poller.setDaemon(true);
  }

  /**
   * Starts showing the progress of one job.
   *
   * @param spark the Spark context
   * @param errors where the line goes (standard error)
   * @param estimate the estimated rows of the job, or {@link io.cqlp.transfer.RowEstimate#UNKNOWN}
   * @return the running progress; {@link #rows()} is the accumulator its tasks add to
   */
  static JobProgress start(JavaSparkContext spark, ErrorReporter errors, long estimate) {
    JobProgress progress =
        new JobProgress(
            spark.sc().longAccumulator("cqlp rows"),
            ProgressLine.start(errors, System.console() != null, "Processed", estimate, () -> 0));
    progress.poller.start();
    return progress;
  }

  /** The accumulator each task adds its rows to when it succeeds. */
  LongAccumulator rows() {
    return rows;
  }

  private void poll() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        line.rowsDone(rows.value());
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  /** Stops the updates and clears a line shown in place. */
  @Override
  public void close() {
    poller.interrupt();
    try {
      poller.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    line.close();
  }
}
