package io.cqlp.transfer.job;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagingName;
import io.cqlp.transfer.CopyFromWorkflow;
import io.cqlp.transfer.ImportPlan;
import io.cqlp.transfer.ImportStop;
import io.cqlp.transfer.IoErrors;
import io.cqlp.transfer.TransferSummary;
import io.cqlp.transfer.dataset.StagedDirectory;
import io.cqlp.transfer.dataset.WriteMode;
import io.cqlp.transfer.load.ErrorBudget;
import io.cqlp.transfer.load.ErrorFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A COPY FROM split into tasks that other processes run (the Spark runner's executors), and the
 * job's end: the driver's side of a distributed import.
 *
 * <p>{@link #plan} plans the import as the shell does ({@link ImportPlan}), lists the input's files
 * and spreads them over the tasks by size (largest first, each to the task with the fewest bytes),
 * and creates the job's hidden directory beside the ERRFILE. Each {@link ImportTask} loads its
 * files through the shell's loader and writes its rejected rows to its attempt's own ERRFILE.
 * {@link #finish} sums the winning attempts' counts, gathers their rejected rows into the ERRFILE
 * (so it holds every row not imported, as the shell's does), deletes the job's directory, and
 * judges MAXPARSEERRORS and MAXINSERTERRORS against the counts of the whole job.
 *
 * <p>Refused here: STDIN, SKIPROWS and MAXROWS (they count the rows of one reader), counter tables
 * (a retried task would add its increments twice) and an ERRFILE in an object store.
 */
public final class ImportJob {
  private final CopyFrom command;
  private final ImportPlan plan;
  private final List<ImportTask> tasks;
  private final StagedDirectory staged;

  private ImportJob(
      CopyFrom command, ImportPlan plan, List<ImportTask> tasks, StagedDirectory staged) {
    this.command = command;
    this.plan = plan;
    this.tasks = tasks;
    this.staged = staged;
  }

  /**
   * Plans the import and creates the job's directory.
   *
   * @param given the COPY FROM, with the cqlshrc's COPY defaults applied
   * @param session the driver's session (table metadata)
   * @param consistency the consistency level of the writes
   * @param maxTasks tasks wanted, {@code >= 1}; there are never more tasks than files
   * @return the job; its tasks are ready to run
   * @throws TransferException for what the shell refuses (bad options, unknown table or column, a
   *     missing input), for what a distributed import does not take (see the class comment), and
   *     when the input cannot be listed or the job's directory created
   */
  public static ImportJob plan(
      CopyFrom given, CqlSession session, ConsistencyLevel consistency, int maxTasks) {
    given.options().requireKnown(CopyFromWorkflow.OPTIONS, "COPY FROM");
    if (given.stdin()) {
      throw new TransferException("A distributed COPY FROM reads files: name them, not STDIN.");
    }
    for (String refused : List.of("SKIPROWS", "MAXROWS")) {
      if (given.options().contains(refused)) {
        throw new TransferException(
            refused
                + " counts the rows of one reader; a distributed COPY FROM reads files in"
                + " parallel: drop "
                + refused
                + ", or run the import in cqlp.");
      }
    }
    CopyFrom command = absolute(given);
    ImportPlan plan = ImportPlan.of(command, session, false);
    if (plan.schema().columns().stream().anyMatch(c -> c.type().equals(DataTypes.COUNTER))) {
      throw new TransferException(
          "A distributed COPY FROM may write a task's rows twice when the task is retried, which"
              + " a counter table would count twice: import counters with cqlp.");
    }
    if (!plan.errFile().isLocal()) {
      throw new TransferException(
          "A distributed COPY FROM gathers rejected rows in a local or shared file; name one with"
              + " ERRFILE='/shared/path/import.err'.");
    }
    Map<String, Long> files;
    try {
      files = plan.input().files(command.options());
    } catch (IOException e) {
      throw new TransferException(
          "Cannot read " + command.source() + ": " + IoErrors.describe(e) + ".", e);
    }
    Path errFile = plan.errFile().localPath();
    StagedDirectory staged;
    try {
      staged =
          StagedDirectory.create(
              errFile.getParent().resolve(StagingName.of(errFile, "job")),
              WriteMode.ERROR_IF_NOT_EMPTY);
    } catch (IOException e) {
      throw IoErrors.writeFailure(e, plan.errFile());
    }
    CopyFromSpec copy = CopyFromSpec.of(command);
    List<ImportTask> tasks = new ArrayList<>();
    List<List<String>> groups = spread(files, Math.max(1, maxTasks));
    for (int i = 0; i < groups.size(); i++) {
      tasks.add(
          new ImportTask(i, copy, groups.get(i), staged.staging().toString(), consistency.name()));
    }
    return new ImportJob(command, plan, List.copyOf(tasks), staged);
  }

  /** The tasks; empty when the input has no file. */
  public List<ImportTask> tasks() {
    return tasks;
  }

  /** Where rejected rows are gathered. */
  public Location errFile() {
    return plan.errFile();
  }

  /**
   * Spreads files over at most {@code groups} groups by size: largest first, each to the group with
   * the fewest bytes so far; each group's files are in path order.
   */
  static List<List<String>> spread(Map<String, Long> files, int groups) {
    int n = Math.min(groups, files.size());
    List<List<String>> out = new ArrayList<>();
    long[] bytes = new long[n];
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    files.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            f -> {
              int least = 0;
              for (int i = 1; i < n; i++) {
                if (bytes[i] < bytes[least]) {
                  least = i;
                }
              }
              out.get(least).add(f.getKey());
              bytes[least] += f.getValue();
            });
    out.forEach(g -> g.sort(Comparator.naturalOrder()));
    return out;
  }

  /** The command with its local source and ERRFILE as absolute paths, for every process. */
  private static CopyFrom absolute(CopyFrom command) {
    Options options = command.options();
    Map<String, String> values = new LinkedHashMap<>(options.asMap());
    String errFile =
        options.getString(
            "ERRFILE",
            ErrorFile.defaultPath(command.table().keyspace(), command.table().table()).toString());
    values.put("ERRFILE", CopyToSpec.absolute(errFile));
    return new CopyFrom(
        command.table(),
        command.columns(),
        CopyToSpec.absolute(command.source()),
        false,
        CopyToSpec.options(values));
  }

  /**
   * Ends the job: sums the winning attempts' counts, gathers their rejected rows into the ERRFILE,
   * deletes the job's directory, and judges the error budgets over the whole job.
   *
   * @param outputs the output of the winning attempt of every task, one each
   * @param elapsed the time since the job started
   * @return the import's summary (its failed rows are in the ERRFILE)
   * @throws TransferException when MAXPARSEERRORS or MAXINSERTERRORS is exceeded over the whole job
   *     (cqlsh's words, the counts, and the COPY that imports the ERRFILE), or the ERRFILE cannot
   *     be written
   */
  public TransferSummary finish(List<ImportOutput> outputs, Duration elapsed) {
    List<ImportOutput> ordered =
        outputs.stream().sorted(Comparator.comparingInt(ImportOutput::task)).toList();
    long rows = 0;
    long files = 0;
    long bytes = 0;
    long partitions = 0;
    long errRows = 0;
    long notAttempted = 0;
    ErrorBudget budget =
        new ErrorBudget(plan.settings().maxParseErrors(), plan.settings().maxInsertErrors());
    for (ImportOutput o : ordered) {
      rows += o.rows();
      files += o.files();
      bytes += o.bytes();
      partitions += o.partitions();
      errRows += o.errRows();
      notAttempted += o.notAttempted();
      budget.addParseErrors(o.parseErrors());
      budget.addInsertErrors(o.insertErrors());
    }
    try {
      if (errRows > 0) {
        gather(ordered);
      }
    } catch (IOException e) {
      throw IoErrors.writeFailure(e, plan.errFile());
    } finally {
      staged.discard();
    }
    TransferSummary summary =
        new TransferSummary(
            rows,
            files,
            0,
            elapsed,
            partitions,
            bytes,
            budget.parseErrors(),
            budget.insertErrors());
    if (budget.exceeded()) {
      throw new TransferException(
          ImportStop.message(
              budget, summary, errRows, notAttempted, plan.errFile(), command, plan.schema()));
    }
    return summary;
  }

  /** Writes the winning attempts' rejected rows, in task order, into the ERRFILE. */
  private void gather(List<ImportOutput> outputs) throws IOException {
    Path target = plan.errFile().localPath();
    Path staging = target.resolveSibling(StagingName.of(target, StagingName.TMP));
    try (OutputStream out = Files.newOutputStream(staging)) {
      for (ImportOutput o : outputs) {
        Path part = Path.of(o.errFile());
        if (o.errRows() > 0 && Files.exists(part)) {
          Files.copy(part, out);
        }
      }
    }
    Files.move(staging, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes the job's directory with every attempt's ERRFILE. */
  public void abort() {
    staged.discard();
  }
}
