package io.cqlp.spark;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.command.CopyFrom;
import io.cqlp.format.Formats;
import io.cqlp.transfer.TransferSummary;
import io.cqlp.transfer.job.ImportJob;
import io.cqlp.transfer.job.ImportOutput;
import io.cqlp.transfer.job.ImportTask;
import java.time.Duration;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * COPY FROM as a Spark job: the driver lists the input's files and spreads them over tasks ({@link
 * ImportJob}), each task loads its files on an executor through cqlp's loader, and the driver sums
 * the counts, gathers the rejected rows into the ERRFILE and judges the error budgets.
 */
final class SparkImport {
  private SparkImport() {}

  /**
   * Runs the import.
   *
   * @param spark the Spark context
   * @param session the driver's session
   * @param recipe how the executors connect
   * @param command the COPY FROM, with the cqlshrc's COPY defaults applied
   * @param consistency the writes' consistency level
   * @param progress the progress line the tasks report to
   * @param maxTasks tasks to spread the files over
   * @return the summary and the task counts
   * @throws io.cqlp.rows.TransferException when the plan is refused, a task fails for good, or an
   *     error budget is exceeded over the whole job
   */
  static Result run(
      JavaSparkContext spark,
      CqlSession session,
      ConnectionRecipe recipe,
      CopyFrom command,
      ConsistencyLevel consistency,
      int maxTasks,
      JobProgress progress) {
    long started = System.nanoTime();
    ImportJob job = ImportJob.plan(command, session, consistency, maxTasks);
    List<ImportTask> tasks = job.tasks();
    List<ImportOutput> outputs;
    LongAccumulator rows = progress.rows();
    try {
      spark.setJobDescription("cqlp COPY " + command.table() + " FROM " + command.source());
      outputs =
          tasks.isEmpty()
              ? List.of()
              : spark
                  .parallelize(tasks, tasks.size())
                  .map(task -> runTask(task, recipe, rows))
                  .collect();
    } catch (RuntimeException e) {
      job.abort();
      throw JobFailure.of("COPY FROM", e);
    }
    TransferSummary summary = job.finish(outputs, Duration.ofNanos(System.nanoTime() - started));
    long retried = outputs.stream().filter(o -> o.attempt() > 0).count();
    return new Result(new JobSummary(summary, tasks.size(), retried), job.errFile().toString());
  }

  /**
   * @param summary the import's summary and tasks
   * @param errFile where rejected rows are, when {@code summary.transfer().failedRows() > 0}
   */
  record Result(JobSummary summary, String errFile) {}

  private static ImportOutput runTask(
      ImportTask task, ConnectionRecipe recipe, LongAccumulator rows) throws InterruptedException {
    TaskContext context = TaskContext.get();
    ImportOutput output =
        task.run(
            ExecutorSessions.of(recipe),
            Formats.sources(),
            context.taskAttemptId(),
            context.attemptNumber());
    rows.add(output.rows());
    return output;
  }
}
