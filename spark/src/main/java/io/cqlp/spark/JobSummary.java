package io.cqlp.spark;

import io.cqlp.transfer.TransferSummary;
import java.util.Locale;

/**
 * What a COPY run as a Spark job did: the shell's summary, and the tasks it ran.
 *
 * @param transfer rows, files, partitions, bytes and time, as the shell reports them
 * @param tasks the job's tasks
 * @param retried tasks whose winning attempt was not their first (an executor lost, a task failed)
 */
record JobSummary(TransferSummary transfer, long tasks, long retried) {

  /**
   * The shell's export line, then the tasks: {@code ... (… rows/s, 1.2 MiB). 8 tasks, 1 retried.}
   */
  String exportLine() {
    return transfer.exportLine() + taskCounts();
  }

  /** The shell's import line, then the tasks. */
  String importLine() {
    return transfer.importLine() + taskCounts();
  }

  private String taskCounts() {
    return String.format(Locale.ROOT, " %d Spark tasks, %d retried.", tasks, retried);
  }
}
