package io.cqlp.transfer.job;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import io.cqlp.command.Options;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.CopyToWorkflow;
import io.cqlp.transfer.ExportPlan;
import io.cqlp.transfer.TransferSummary;
import io.cqlp.transfer.plan.ScanRange;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of a distributed export ({@link ExportJob}): some contiguous token ranges of the table,
 * scanned by whichever process runs the task and written as a dataset directory of its own under
 * the job's directory. Each attempt writes its own directory ({@code
 * task-00003-attempt-<attempt>}), published whole when the attempt succeeds, so a failed, retried
 * or speculative attempt never mixes its files with another's; the job commits only the directory
 * the winning attempt reports ({@link TaskOutput}).
 *
 * @param index the task's index, from 0; the tasks' ranges are in token order by index
 * @param copy the statement, with the cqlshrc's COPY defaults applied
 * @param ranges the token ranges, each as {start, end} in the token map's text form ({@link
 *     TokenMap#format}); null stands for the ring's beginning or end
 * @param jobDirectory the job's working directory (absolute local or shared path), holding {@code
 *     _temporary/}
 * @param parquetParts whether the task writes plain Parquet parts, which the job's commit turns
 *     into one target file, instead of the target's own dataset files
 * @param consistency the consistency level of the scans, by name
 */
public record ExportTask(
    int index,
    CopyToSpec copy,
    List<String[]> ranges,
    String jobDirectory,
    boolean parquetParts,
    String consistency)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Copies the ranges. */
  public ExportTask {
    ranges = new ArrayList<>(ranges);
  }

  /**
   * Runs one attempt of the task.
   *
   * @param session an open session to the cluster (shared by the tasks of a process)
   * @param sinks the file writers
   * @param attemptId an identifier of this attempt, unique in the job (Spark's task attempt id)
   * @param attempt the attempt's number for this task, from 0 (Spark's attempt number)
   * @return what the attempt wrote
   * @throws TransferException when the scan or a write fails; the attempt's directory is then
   *     absent
   * @throws InterruptedException when the running thread is interrupted (a killed task)
   */
  public TaskOutput run(CqlSession session, SinkFactory sinks, long attemptId, int attempt)
      throws InterruptedException {
    ExportPlan plan = ExportPlan.of(copy.command(), session, false, false);
    String directory =
        jobDirectory
            + "/"
            + ExportJob.TEMPORARY
            + "/"
            + String.format("task-%05d-attempt-%d", index, attemptId);
    TransferSummary written =
        new CopyToWorkflow(session, DefaultConsistencyLevel.valueOf(consistency), sinks)
            .exportRanges(plan, scanRanges(session), directory + "/", partOptions());
    return new TaskOutput(
        index, directory, written.rows(), written.files(), written.bytes(), attempt);
  }

  /** The options of the files this task writes. */
  Options partOptions() {
    if (parquetParts) {
      // Plain Parquet, in the target's object store when it is in one.
      Map<String, String> parts = new LinkedHashMap<>();
      parts.put("FORMAT", "parquet");
      copy.options()
          .forEach(
              (name, value) -> {
                if (io.cqlp.storage.s3.S3Settings.OPTIONS.contains(name)) {
                  parts.put(name, value);
                }
              });
      return CopyToSpec.options(parts);
    }
    Map<String, String> options = new LinkedHashMap<>(copy.options());
    // The attempt's directory is new: the job's commit applies OVERWRITE and APPEND to the target.
    options.remove("OVERWRITE");
    options.remove("APPEND");
    return CopyToSpec.options(options);
  }

  private List<ScanRange> scanRanges(CqlSession session) {
    TokenMap tokens = session.getMetadata().getTokenMap().orElse(null);
    List<ScanRange> parsed = new ArrayList<>(ranges.size());
    for (String[] range : ranges) {
      parsed.add(new ScanRange(token(tokens, range[0]), token(tokens, range[1])));
    }
    return parsed;
  }

  private static Token token(TokenMap tokens, String text) {
    if (text == null) {
      return null;
    }
    if (tokens == null) {
      throw new TransferException("The cluster's token map is not available to scan a range.");
    }
    return tokens.parse(text);
  }
}
