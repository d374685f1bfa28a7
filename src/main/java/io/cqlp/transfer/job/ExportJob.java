package io.cqlp.transfer.job;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import io.cqlp.command.CopyTo;
import io.cqlp.command.Options;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SinkFactory;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagingName;
import io.cqlp.storage.Storage;
import io.cqlp.transfer.CopyToWorkflow;
import io.cqlp.transfer.ExportPlan;
import io.cqlp.transfer.IoErrors;
import io.cqlp.transfer.TargetLocations;
import io.cqlp.transfer.TransferSummary;
import io.cqlp.transfer.dataset.DatasetWriteOptions;
import io.cqlp.transfer.dataset.StagedDirectory;
import io.cqlp.transfer.dataset.WriteMode;
import io.cqlp.transfer.plan.ScanRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A COPY TO split into tasks that other processes run (the Spark runner's executors), and the job's
 * commit: the driver's side of a distributed export.
 *
 * <p>The protocol, after Hadoop's FileOutputCommitter: {@link #plan} plans the export as the shell
 * does ({@link ExportPlan}), splits its token ranges into contiguous groups, one per {@link
 * ExportTask}, and creates the job's directory beside the target (a dataset's hidden staging
 * directory, or a hidden working directory for a single file) with {@code _temporary/} in it. Each
 * task attempt publishes its own dataset directory under {@code _temporary/}. {@link #commit} takes
 * the {@link TaskOutput} of the one winning attempt of each task, in task order: for a dataset it
 * moves their files into the staging directory (part files numbered on), deletes {@code
 * _temporary/} with every losing or failed attempt's files, and publishes the dataset (OVERWRITE,
 * APPEND, {@code _SUCCESS}) as the shell does; for a single file it reads the parts back in token
 * order into the target's own writer, which publishes the file whole. {@link #abort} deletes it
 * all. The target is written by the commit alone, so a failed job leaves nothing there. A target in
 * an object store has a hidden prefix as its job directory, and its dataset commit copies the
 * winners' objects into the target's uploads ({@link ObjectStoreJob}).
 */
public final class ExportJob {
  /** The folder of task attempts inside the job's directory (Hadoop's name). */
  public static final String TEMPORARY = "_temporary";

  private final ExportPlan plan;
  private final List<ExportTask> tasks;
  private final StagedDirectory staged;
  private final Path jobDirectory;
  private final Location jobPrefix;

  private ExportJob(
      ExportPlan plan,
      List<ExportTask> tasks,
      StagedDirectory staged,
      Path jobDirectory,
      Location jobPrefix) {
    this.plan = plan;
    this.tasks = tasks;
    this.staged = staged;
    this.jobDirectory = jobDirectory;
    this.jobPrefix = jobPrefix;
  }

  /**
   * Plans the export and creates the job's directory.
   *
   * @param command the COPY TO, with the cqlshrc's COPY defaults applied
   * @param session the driver's session (table metadata and token map)
   * @param consistency the consistency level of the scans
   * @param maxTasks tasks wanted, {@code >= 1}; a query ({@code COPY (SELECT ...)}) runs as one
   * @return the job; its tasks are ready to run
   * @throws TransferException for what the shell refuses (bad options, unknown table, a WHERE the
   *     server refuses), for STDOUT, RESUME or VERIFY, which a distributed export does not take,
   *     and when the job's directory cannot be created
   */
  public static ExportJob plan(
      CopyTo command, CqlSession session, ConsistencyLevel consistency, int maxTasks) {
    Options options = command.options();
    options.requireKnown(CopyToWorkflow.OPTIONS, "COPY TO");
    if (command.stdout()) {
      throw new TransferException("A distributed COPY TO writes files: name a target, not STDOUT.");
    }
    for (String refused : List.of("RESUME", "VERIFY")) {
      if (options.contains(refused)) {
        throw new TransferException(
            refused
                + " is for the shell's COPY TO; a distributed export retries failed tasks and"
                + " commits whole or nothing: drop "
                + refused
                + ".");
      }
    }
    ExportPlan plan = ExportPlan.of(command, session, false, false);
    StagedDirectory staged = null;
    Path jobDirectory = null;
    Location jobPrefix = null;
    if (plan.target().isLocal()) {
      staged = stage(plan, command);
      jobDirectory = staged.staging();
    } else {
      jobPrefix = ObjectStoreJob.beside(plan.target());
    }
    String job = jobDirectory != null ? jobDirectory.toString() : jobPrefix.toString();
    List<ExportTask> tasks = new ArrayList<>();
    CopyToSpec copy = CopyToSpec.of(command).withAbsoluteTarget();
    TokenMap tokens = session.getMetadata().getTokenMap().orElse(null);
    List<List<ScanRange>> groups = split(plan.ranges(), Math.max(1, maxTasks));
    for (int i = 0; i < groups.size(); i++) {
      List<String[]> ranges = new ArrayList<>();
      for (ScanRange range : groups.get(i)) {
        ranges.add(new String[] {text(tokens, range.start()), text(tokens, range.end())});
      }
      tasks.add(new ExportTask(i, copy, ranges, job, !plan.dataset(), consistency.name()));
    }
    return new ExportJob(plan, List.copyOf(tasks), staged, jobDirectory, jobPrefix);
  }

  /**
   * The job's local directory: a dataset's hidden staging directory, or a hidden working directory
   * beside a single file; with {@code _temporary/} in it.
   */
  private static StagedDirectory stage(ExportPlan plan, CopyTo command) {
    Options options = command.options();
    Path target = plan.target().localPath().toAbsolutePath().normalize();
    try {
      StagedDirectory staged;
      if (plan.dataset()) {
        staged = StagedDirectory.create(target, DatasetWriteOptions.from(options).mode());
      } else {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
          throw new TransferException(
              "Cannot write '"
                  + command.target()
                  + "': directory '"
                  + parent
                  + "' does not exist.");
        }
        staged =
            StagedDirectory.create(
                parent.resolve(StagingName.of(target, "job")), WriteMode.ERROR_IF_NOT_EMPTY);
      }
      Files.createDirectory(staged.staging().resolve(TEMPORARY));
      return staged;
    } catch (IOException e) {
      throw IoErrors.writeFailure(e, plan.target());
    }
  }

  /** The tasks, in token order. */
  public List<ExportTask> tasks() {
    return tasks;
  }

  /** The export's plan: its schema, target and whether the target is a dataset. */
  public ExportPlan plan() {
    return plan;
  }

  /**
   * Splits ranges in token order into at most {@code groups} contiguous groups of nearly equal
   * counts.
   */
  static List<List<ScanRange>> split(List<ScanRange> ranges, int groups) {
    int n = Math.min(groups, ranges.size());
    List<List<ScanRange>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(List.copyOf(ranges.subList(i * ranges.size() / n, (i + 1) * ranges.size() / n)));
    }
    return out;
  }

  private static String text(TokenMap tokens, Token token) {
    return token == null ? null : tokens.format(token);
  }

  /**
   * Commits the job: makes the target appear with the winning attempts' rows (see the class
   * comment), then deletes the job's directory.
   *
   * @param outputs the output of the winning attempt of every task, one each
   * @param sinks the target's writer (a single file is written by the driver)
   * @param sources the reader of the part files (a single file)
   * @param elapsed the time since the job started, for the summary
   * @return the rows, files, partitions and bytes at the target
   * @throws TransferException when a task's output is missing or the target cannot be written;
   *     nothing is then left at the target (for APPEND: as the shell's APPEND)
   */
  public TransferSummary commit(
      List<TaskOutput> outputs, SinkFactory sinks, SourceFactory sources, Duration elapsed) {
    List<TaskOutput> ordered =
        outputs.stream().sorted(Comparator.comparingInt(TaskOutput::task)).toList();
    if (ordered.size() != tasks.size()
        || !ordered.stream().map(TaskOutput::task).toList().equals(indexes())) {
      abort();
      throw new TransferException(
          "The job returned " + outputs.size() + " task outputs for " + tasks.size() + " tasks.");
    }
    try {
      if (!plan.dataset()) {
        return commitFile(ordered, sinks, sources, elapsed);
      }
      return staged != null ? commitDataset(ordered, elapsed) : commitObjects(ordered, elapsed);
    } catch (IOException e) {
      abort();
      throw IoErrors.writeFailure(e, plan.target());
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  private List<Integer> indexes() {
    return tasks.stream().map(ExportTask::index).toList();
  }

  private TransferSummary commitDataset(List<TaskOutput> outputs, Duration elapsed)
      throws IOException {
    long rows = 0;
    long files = 0;
    for (TaskOutput output : outputs) {
      files += staged.adopt(Path.of(output.directory()));
      rows += output.rows();
    }
    StagedDirectory.deleteTree(jobDirectory.resolve(TEMPORARY));
    long bytes = 0;
    Set<Path> directories = new HashSet<>();
    try (Stream<Path> walk = Files.walk(jobDirectory)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(file);
        directories.add(jobDirectory.relativize(file).getParent());
      }
    }
    staged.publish();
    long partitions = plan.command().options().contains("PARTITION") ? directories.size() : 0;
    return new TransferSummary(rows, files, 0, elapsed, partitions, bytes);
  }

  private TransferSummary commitObjects(List<TaskOutput> outputs, Duration elapsed)
      throws IOException {
    List<Location> attempts = new ArrayList<>();
    long rows = 0;
    for (TaskOutput output : outputs) {
      attempts.add(location(output.directory()));
      rows += output.rows();
    }
    ObjectStoreJob.Published published =
        ObjectStoreJob.publish(
            plan.target(), DatasetWriteOptions.from(plan.command().options()).mode(), attempts);
    abort();
    long partitions = plan.command().options().contains("PARTITION") ? published.directories() : 0;
    return new TransferSummary(rows, published.files(), 0, elapsed, partitions, published.bytes());
  }

  /** A task's directory, local or in the target's object store (with the statement's settings). */
  private Location location(String directory) {
    return TargetLocations.resolve(directory, plan.command().options());
  }

  /** The Parquet parts a task attempt wrote, in path order. */
  private List<Location> parts(TaskOutput output) throws IOException {
    if (staged == null) {
      return ObjectStoreJob.files(location(output.directory())).stream()
          .map(Storage.Entry::location)
          .filter(l -> l.name().endsWith(".parquet"))
          .toList();
    }
    try (Stream<Path> walk = Files.walk(Path.of(output.directory()))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .sorted()
          .map(Location::local)
          .toList();
    }
  }

  private TransferSummary commitFile(
      List<TaskOutput> outputs, SinkFactory sinks, SourceFactory sources, Duration elapsed)
      throws IOException {
    Options none = Options.empty();
    try (RowSink sink =
        TargetLocations.open(
            sinks, plan.command().target(), plan.schema(), plan.command().options())) {
      for (TaskOutput output : outputs) {
        for (Location part : parts(output)) {
          try (RowSource source = sources.open(part, plan.schema(), false, none)) {
            if (!source.columns().equals(plan.schema().columns())) {
              throw new TransferException(
                  "Part file '" + part + "' does not hold the export's columns.");
            }
            Object[] row;
            while ((row = source.next()) != null) {
              sink.write(row);
            }
          }
        }
      }
      sink.commit();
      abort();
      return TransferSummary.exported(sink, elapsed);
    }
  }

  /** Deletes the job's directory and every attempt's files; the target is untouched. */
  public void abort() {
    if (staged != null) {
      staged.discard();
    } else {
      ObjectStoreJob.delete(jobPrefix);
    }
  }
}
