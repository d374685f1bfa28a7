package io.cqlp.spark;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.command.CopyTo;
import io.cqlp.format.Formats;
import io.cqlp.transfer.TransferSummary;
import io.cqlp.transfer.job.ExportJob;
import io.cqlp.transfer.job.ExportTask;
import io.cqlp.transfer.job.TaskOutput;
import java.time.Duration;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * COPY TO as a Spark job: the driver plans the export and its tasks ({@link ExportJob}), Spark runs
 * one task per group of token ranges on the executors (each scans with the Java driver and writes
 * through cqlp's own writers into its attempt's directory), and the driver commits the winning
 * attempts' files.
 */
final class SparkExport {
  private SparkExport() {}

  /**
   * Runs the export.
   *
   * @param spark the Spark context
   * @param session the driver's session
   * @param recipe how the executors connect
   * @param command the COPY TO, with the cqlshrc's COPY defaults applied
   * @param consistency the scans' consistency level
   * @param progress the progress line the tasks report to
   * @param maxTasks tasks to split the token ranges into
   * @return the summary and the task counts
   * @throws io.cqlp.rows.TransferException when the plan is refused, a task fails for good or the
   *     commit fails; nothing is then left at the target
   */
  static JobSummary run(
      JavaSparkContext spark,
      CqlSession session,
      ConnectionRecipe recipe,
      CopyTo command,
      ConsistencyLevel consistency,
      int maxTasks,
      JobProgress progress) {
    long started = System.nanoTime();
    ExportJob job = ExportJob.plan(command, session, consistency, maxTasks);
    List<ExportTask> tasks = job.tasks();
    List<TaskOutput> outputs;
    LongAccumulator rows = progress.rows();
    try {
      spark.setJobDescription(
          "cqlp COPY TO "
              + (command.isQuery() ? "(query)" : command.table())
              + " "
              + command.target());
      outputs =
          spark.parallelize(tasks, tasks.size()).map(task -> runTask(task, recipe, rows)).collect();
    } catch (RuntimeException e) {
      job.abort();
      throw JobFailure.of("COPY TO", e);
    }
    TransferSummary summary =
        job.commit(
            outputs,
            Formats.sinks(),
            Formats.sources(),
            Duration.ofNanos(System.nanoTime() - started));
    long retried = outputs.stream().filter(o -> o.attempt() > 0).count();
    return new JobSummary(summary, tasks.size(), retried);
  }

  private static TaskOutput runTask(ExportTask task, ConnectionRecipe recipe, LongAccumulator rows)
      throws InterruptedException {
    TaskContext context = TaskContext.get();
    TaskOutput output =
        task.run(
            ExecutorSessions.of(recipe),
            Formats.sinks(),
            context.taskAttemptId(),
            context.attemptNumber());
    rows.add(output.rows());
    return output;
  }
}
