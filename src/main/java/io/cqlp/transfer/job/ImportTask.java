package io.cqlp.transfer.job;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.cqlp.rows.SourceFactory;
import io.cqlp.storage.Location;
import io.cqlp.transfer.CopyFromWorkflow;
import io.cqlp.transfer.ImportPlan;
import io.cqlp.transfer.TransferSummary;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One task of a distributed import ({@link ImportJob}): some of the input's files, loaded by
 * whichever process runs the task, through the shell's loader (batches by partition, writes in
 * flight, retries). Each attempt writes the rows it rejects to an ERRFILE of its own ({@code
 * task-00003-attempt-<attempt>.err} in the job's directory); the job keeps only the winning
 * attempt's. A retried attempt writes its rows again: an INSERT of the same values is idempotent,
 * so the table ends up as if each row was written once.
 *
 * @param index the task's index, from 0
 * @param copy the statement, with the cqlshrc's COPY defaults applied
 * @param files the files to read, as {@link Location#toString()} spells them
 * @param jobDirectory the job's working directory (absolute local or shared path)
 * @param consistency the consistency level of the writes, by name
 */
public record ImportTask(
    int index, CopyFromSpec copy, List<String> files, String jobDirectory, String consistency)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Copies the files. */
  public ImportTask {
    files = new ArrayList<>(files);
  }

  /**
   * Runs one attempt of the task.
   *
   * @param session an open session to the cluster (shared by the tasks of a process)
   * @param sources the file readers
   * @param attemptId an identifier of this attempt, unique in the job (Spark's task attempt id)
   * @param attempt the attempt's number for this task, from 0 (Spark's attempt number)
   * @return what the attempt did; an exceeded error budget is in the counts, not thrown
   * @throws io.cqlp.rows.TransferException when a file cannot be read or converted at all
   * @throws InterruptedException when the running thread is interrupted (a killed task)
   */
  public ImportOutput run(CqlSession session, SourceFactory sources, long attemptId, int attempt)
      throws InterruptedException {
    ImportPlan plan = ImportPlan.of(copy.command(), session, false);
    Path errFile =
        Path.of(jobDirectory, String.format("task-%05d-attempt-%d.err", index, attemptId));
    CopyFromWorkflow.PartResult result =
        new CopyFromWorkflow(
                session, DefaultConsistencyLevel.valueOf(consistency), sources, System.err::println)
            .importPart(plan.part(files, Location.local(errFile)));
    TransferSummary s = result.summary();
    return new ImportOutput(
        index,
        errFile.toString(),
        s.rows(),
        s.files(),
        s.bytes(),
        s.partitions(),
        s.parseErrors(),
        s.insertErrors(),
        result.errRows(),
        result.notAttempted(),
        attempt);
  }
}
