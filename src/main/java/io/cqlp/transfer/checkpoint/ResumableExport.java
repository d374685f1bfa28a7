package io.cqlp.transfer.checkpoint;

import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import io.cqlp.command.Options;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.SourceFactory;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.plan.ScanRange;
import io.cqlp.transfer.scan.ScanPage;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A single-file COPY TO of a table that can stop half-way and be resumed without duplicating rows.
 *
 * <p>The rows go to a part file in {@code <target>.cqlp-checkpoint/} (never to the target itself).
 * On success the part file is renamed onto the target and the directory removed. When the scan
 * fails for good or the user interrupts it, {@link #keep} finishes the part file (every row written
 * so far, readable) and writes {@code checkpoint.json} ({@link ExportCheckpoint}): which token
 * ranges are finished, which were started (with the driver paging state after the last page
 * written) and which were not. Re-running the same COPY with {@code RESUME=true} copies the part
 * file's rows into a new part file, scans only what is left, and publishes the whole. Not
 * thread-safe: used from the thread that writes the sink.
 */
public final class ResumableExport {
  /** Suffix of the checkpoint directory beside the target. */
  public static final String SUFFIX = ".cqlp-checkpoint";

  /** Name of the checkpoint file in the directory. */
  public static final String CHECKPOINT_FILE = "checkpoint.json";

  /** Options that do not change the file's content, so they may differ on resume. */
  private static final Set<String> RUN_OPTIONS =
      Set.of(
          "RESUME",
          "MAXATTEMPTS",
          "MAXREQUESTS",
          "PAGESIZE",
          "OVERWRITE",
          "NUMPROCESSES",
          "PAGETIMEOUT",
          "REPORTFREQUENCY",
          "RATEFILE");

  private final Path target;
  private final Path dir;
  private final TableSchema schema;
  private final String where;
  private final Map<String, String> options;
  private final Optional<TokenMap> tokens;
  private final List<ScanRange> ranges;
  private final ExportCheckpoint.Status[] status;
  private final ByteBuffer[] resume;
  private final List<Integer> todo = new ArrayList<>();
  private final ExportCheckpoint earlier;
  private final Path part;
  private final boolean createdDir;
  private boolean earlierCopied;

  private ResumableExport(
      Path target,
      TableSchema schema,
      String where,
      Options options,
      Optional<TokenMap> tokens,
      List<ScanRange> planned,
      ExportCheckpoint earlier)
      throws IOException {
    this.target = target.toAbsolutePath();
    this.dir = directoryOf(target);
    this.schema = schema;
    this.where = where;
    this.options = contentOptions(options);
    this.tokens = tokens;
    this.earlier = earlier;
    this.ranges = earlier == null ? List.copyOf(planned) : parseRanges(earlier, tokens);
    this.status = new ExportCheckpoint.Status[ranges.size()];
    this.resume = new ByteBuffer[ranges.size()];
    for (int i = 0; i < ranges.size(); i++) {
      ExportCheckpoint.RangeState saved = earlier == null ? null : earlier.ranges().get(i);
      status[i] = saved == null ? ExportCheckpoint.Status.TODO : saved.status();
      resume[i] =
          saved == null || saved.resume() == null
              ? null
              : ByteBuffer.wrap(Base64.getDecoder().decode(saved.resume()));
      if (status[i] != ExportCheckpoint.Status.DONE) {
        todo.add(i);
      }
    }
    this.createdDir = !Files.isDirectory(dir);
    if (createdDir) {
      Path parent = dir.getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        throw new IOException("directory '" + parent + "' does not exist");
      }
      Files.createDirectory(dir);
    }
    this.part =
        dir.resolve(
            String.format(
                "part-%05d-%s",
                earlier == null ? 0 : partNumber(earlier.part()) + 1, this.target.getFileName()));
    this.earlierCopied = earlier == null;
  }

  /** The checkpoint directory of a target: {@code <target>.cqlp-checkpoint}. */
  public static Path directoryOf(Path target) {
    Path absolute = target.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + SUFFIX);
  }

  /**
   * Starts a resumable export, or resumes one.
   *
   * @param target the file to publish
   * @param schema the table and exported columns
   * @param where the COPY's WHERE text, or {@code null}
   * @param options the COPY options
   * @param tokens the session's token map (to write and read token bounds), or empty
   * @param planned the token ranges of a new export, in token order
   * @param resume whether {@code RESUME=true} was given
   * @return the export, with {@link #ranges()} to scan
   * @throws TransferException if {@code resume} and there is no usable checkpoint or it is for
   *     another table, columns, WHERE or options; or if not {@code resume} and a checkpoint exists
   * @throws IOException if the checkpoint directory cannot be created or read
   */
  public static ResumableExport start(
      Path target,
      TableSchema schema,
      String where,
      Options options,
      Optional<TokenMap> tokens,
      List<ScanRange> planned,
      boolean resume)
      throws IOException {
    Path dir = directoryOf(target);
    Path file = dir.resolve(CHECKPOINT_FILE);
    if (!resume) {
      if (Files.exists(file)) {
        throw new TransferException(
            "An unfinished export to '"
                + target
                + "' is in '"
                + dir
                + "'; add WITH RESUME=true to finish it, or delete that directory to start again.");
      }
      if (Files.isDirectory(dir)) {
        // Left by a process killed before it could write a checkpoint: only staging files.
        deleteTree(dir);
      }
      return new ResumableExport(target, schema, where, options, tokens, planned, null);
    }
    if (!Files.isRegularFile(file)) {
      throw new TransferException(
          "Nothing to resume: no checkpoint '"
              + file
              + "' (it is left by a failed or"
              + " interrupted COPY TO of the same target); run the COPY without RESUME.");
    }
    ExportCheckpoint earlier;
    try {
      earlier = ExportCheckpoint.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TransferException(
          "Cannot resume from '"
              + file
              + "': "
              + e.getMessage()
              + "; delete '"
              + dir
              + "' and run the COPY without RESUME.",
          e);
    }
    List<String> columns = schema.columns().stream().map(ColumnSpec::name).toList();
    String mismatch =
        !earlier.keyspace().equals(schema.keyspace()) || !earlier.table().equals(schema.table())
            ? "table " + earlier.keyspace() + "." + earlier.table()
            : !earlier.columns().equals(columns)
                ? "columns " + earlier.columns()
                : !java.util.Objects.equals(earlier.where(), where)
                    ? "WHERE " + earlier.where()
                    : !earlier.options().equals(contentOptions(options))
                        ? "options " + new TreeMap<>(earlier.options())
                        : null;
    if (mismatch != null) {
      throw new TransferException(
          "Cannot resume: the checkpoint in '"
              + dir
              + "' is for "
              + mismatch
              + "; run the same COPY as before with RESUME=true, or delete that directory.");
    }
    if (!Files.isRegularFile(dir.resolve(earlier.part()))) {
      throw new TransferException(
          "Cannot resume: part file '"
              + dir.resolve(earlier.part())
              + "' is missing; delete '"
              + dir
              + "' and run the COPY without RESUME.");
    }
    return new ResumableExport(target, schema, where, options, tokens, planned, earlier);
  }

  /**
   * The token ranges still to scan, in token order; index {@code i} here is the scanner's range
   * {@code i}.
   */
  public List<ScanRange> ranges() {
    return todo.stream().map(ranges::get).toList();
  }

  /** The paging state scanner range {@code i} starts from, or {@code null} for its beginning. */
  public ByteBuffer startState(int i) {
    ByteBuffer state = resume[todo.get(i)];
    return state == null ? null : state.duplicate();
  }

  /** Ranges of the whole export. */
  public int totalRanges() {
    return ranges.size();
  }

  /** Where the sink writes: the part file in the checkpoint directory. */
  public Path partFile() {
    return part;
  }

  /**
   * Copies the rows of the earlier run's part file into {@code sink} (nothing for a new export).
   *
   * @throws IOException if the part file cannot be read or the sink written
   */
  public void copyEarlierRows(RowSink sink, SourceFactory sources) throws IOException {
    if (earlier == null || earlierCopied) {
      return;
    }
    try (RowSource rows =
        sources.open(
            Location.local(dir.resolve(earlier.part())),
            schema,
            true,
            Options.builder()
                .add(
                    "FORMAT",
                    options.getOrDefault(
                        "FORMAT", io.cqlp.format.FileFormat.fromPath(target.toString()).name()))
                .build())) {
      Object[] row;
      while ((row = rows.next()) != null) {
        sink.write(row);
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    }
    earlierCopied = true;
  }

  /** Records that the rows of {@code page} (scanner range index) are written to the sink. */
  public void written(ScanPage page) {
    int range = todo.get(page.range());
    status[range] = page.last() ? ExportCheckpoint.Status.DONE : ExportCheckpoint.Status.STARTED;
    resume[range] = page.last() ? null : page.resume();
  }

  /** Ranges finished so far. */
  public long finishedRanges() {
    return Stream.of(status).filter(s -> s == ExportCheckpoint.Status.DONE).count();
  }

  /**
   * Publishes the committed part file at the target and removes the checkpoint directory.
   *
   * @throws IOException if the part file cannot be moved onto the target
   */
  public void publish() throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
    deleteDirectory();
  }

  /**
   * Keeps what was written for a later RESUME: commits {@code sink} (the part file) and writes the
   * checkpoint; if the earlier rows were not all copied yet, the earlier checkpoint stays as it
   * was.
   *
   * @param sink the open sink of {@link #partFile()}
   * @return one sentence for the user saying what was kept and how to go on
   */
  public String keep(RowSink sink) {
    Thread.interrupted(); // the part file must be written even after Ctrl-C
    if (!earlierCopied) {
      sink.abort();
      return " The earlier checkpoint in '"
          + dir
          + "' is unchanged: add WITH RESUME=true to finish.";
    }
    try {
      sink.commit();
      List<ExportCheckpoint.RangeState> states = new ArrayList<>();
      for (int i = 0; i < ranges.size(); i++) {
        states.add(
            new ExportCheckpoint.RangeState(
                format(ranges.get(i).start()),
                format(ranges.get(i).end()),
                status[i],
                resume[i] == null ? null : Base64.getEncoder().encodeToString(bytes(resume[i]))));
      }
      ExportCheckpoint checkpoint =
          new ExportCheckpoint(
              schema.keyspace(),
              schema.table(),
              schema.columns().stream().map(ColumnSpec::name).toList(),
              where,
              options,
              part.getFileName().toString(),
              sink.rowsWritten(),
              states);
      Path staging = dir.resolve(CHECKPOINT_FILE + ".tmp");
      Files.writeString(staging, checkpoint.toJson(), StandardCharsets.UTF_8);
      Files.move(staging, dir.resolve(CHECKPOINT_FILE), StandardCopyOption.REPLACE_EXISTING);
      if (earlier != null) {
        Files.deleteIfExists(dir.resolve(earlier.part()));
      }
      return " "
          + sink.rowsWritten()
          + " rows ("
          + finishedRanges()
          + " of "
          + ranges.size()
          + " token ranges finished) are kept in '"
          + dir
          + "': re-run the same COPY WITH RESUME=true to finish"
          + " without duplicates, or delete that directory.";
    } catch (IOException | RuntimeException e) {
      sink.abort();
      discard();
      return " Nothing could be kept (" + e.getMessage() + ").";
    }
  }

  /**
   * Removes what this run created (the whole directory for a new export); an earlier checkpoint
   * stays.
   */
  public void discard() {
    try {
      Files.deleteIfExists(part);
      if (createdDir && earlier == null) {
        deleteDirectory();
      }
    } catch (IOException ignored) {
      // best effort: the directory's name says what it is
    }
  }

  private void deleteDirectory() throws IOException {
    deleteTree(dir);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private String format(Token token) {
    return token == null ? null : tokens.map(m -> m.format(token)).orElse(token.toString());
  }

  private static List<ScanRange> parseRanges(ExportCheckpoint earlier, Optional<TokenMap> tokens) {
    List<ScanRange> parsed = new ArrayList<>();
    for (ExportCheckpoint.RangeState state : earlier.ranges()) {
      parsed.add(new ScanRange(parse(state.start(), tokens), parse(state.end(), tokens)));
    }
    return parsed;
  }

  private static Token parse(String text, Optional<TokenMap> tokens) {
    if (text == null) {
      return null;
    }
    return tokens
        .orElseThrow(
            () ->
                new TransferException(
                    "Cannot resume without the cluster's token metadata (the checkpoint has token"
                        + " bounds)."))
        .parse(text);
  }

  private static int partNumber(String name) {
    try {
      return Integer.parseInt(name.substring(5, 10));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  private static Map<String, String> contentOptions(Options options) {
    Map<String, String> kept = new TreeMap<>();
    options
        .asMap()
        .forEach(
            (k, v) -> {
              if (!RUN_OPTIONS.contains(k.toUpperCase(java.util.Locale.ROOT))) {
                kept.put(k.toUpperCase(java.util.Locale.ROOT), v);
              }
            });
    return kept;
  }
}
