package io.cqlp.spark;

import io.cqlp.rows.TransferException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed Spark job into cqlp's one-line error: the message of the task's own {@link
 * TransferException} when Spark carried it back (as the cause, or inside its "Job aborted" text),
 * else Spark's first line.
 */
final class JobFailure {
  private static final Pattern TASK_ERROR =
      Pattern.compile("io\\.cqlp\\.rows\\.TransferException: ([^\\n]*)");

  private JobFailure() {}

  /**
   * @param what the statement, e.g. {@code COPY TO}
   * @param failure what Spark threw
   * @return the exception to report: one line, with {@code failure} as its cause
   */
  static TransferException of(String what, RuntimeException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TransferException e) {
        return new TransferException(e.getMessage(), failure);
      }
    }
    String text = String.valueOf(failure.getMessage());
    Matcher m = TASK_ERROR.matcher(text);
    if (m.find()) {
      return new TransferException(m.group(1), failure);
    }
    String first = text.lines().findFirst().orElse(text);
    return new TransferException(
        what + " failed on Spark: " + first + (first.endsWith(".") ? "" : "."), failure);
  }
}
