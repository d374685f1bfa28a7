package io.cqlp.transfer.job;

import java.io.Serializable;

/**
 * What one successful attempt of an export task wrote, as it reports back to the job's driver.
 *
 * @param task the task's index in the job, from 0
 * @param directory the attempt's dataset directory, published whole (absolute local path)
 * @param rows rows written
 * @param files part files written
 * @param bytes bytes of those files
 * @param attempt the attempt's number for its task, from 0 (above 0: the task was retried)
 */
public record TaskOutput(int task, String directory, long rows, long files, long bytes, int attempt)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
