package io.cqlp.transfer.job;

import java.io.Serializable;

/**
 * What one successful attempt of an import task did, as it reports back to the job's driver.
 *
 * @param task the task's index in the job, from 0
 * @param errFile the attempt's own ERRFILE (absolute path); it exists only when {@code errRows > 0}
 * @param rows rows imported
 * @param files files read
 * @param bytes bytes of those files
 * @param partitions Hive-style partition directories read
 * @param parseErrors rows that did not convert
 * @param insertErrors rows whose write failed for good
 * @param errRows rows written to the attempt's ERRFILE
 * @param notAttempted of those, rows never sent (after the task's error budget was exceeded)
 * @param attempt the attempt's number for its task, from 0 (above 0: the task was retried)
 */
public record ImportOutput(
    int task,
    String errFile,
    long rows,
    long files,
    long bytes,
    long partitions,
    long parseErrors,
    long insertErrors,
    long errRows,
    long notAttempted,
    int attempt)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
