package io.cqlp.transfer.dataset;

import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.StagingName;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A dataset directory that is written under a hidden staging name and appears at its target whole,
 * or not at all.
 *
 * <p>The staging directory is {@code .<name>.cqlp-tmp-<random>} beside the target, in the target's
 * parent directory (the same file system, so publishing is a rename). {@link #publish()} writes the
 * empty marker file {@code _SUCCESS} last (the Hadoop/Spark convention) and then:
 *
 * <ul>
 *   <li>target missing or an empty directory: renames the staging directory onto it, one atomic
 *       step;
 *   <li>{@link WriteMode#OVERWRITE}: renames the old target aside, renames the staging directory
 *       onto the target, then deletes the old one (if the second rename fails, the old target is
 *       put back);
 *   <li>{@link WriteMode#APPEND}: moves each new file into the target's tree, renumbering part
 *       files after the highest {@code part-NNNNN} already in each directory (never replacing a
 *       file), then replaces {@code _SUCCESS}. Each file appears whole; the set appears file by
 *       file.
 * </ul>
 *
 * <p>{@link #discard()} deletes the staging directory. A JVM shutdown (Ctrl-C or SIGTERM of a
 * {@code cqlp -e} run) discards a directory that was not published. Methods are synchronized, so
 * the shutdown hook and the writing thread never interleave.
 */
public final class StagedDirectory implements DatasetCommitter {
  /** Name of the marker file written last into a published dataset. */
  public static final String SUCCESS = "_SUCCESS";

  /** A part file's name: {@code part-<number><rest>}. */
  public static final Pattern PART = Pattern.compile("part-(\\d+)(.*)");

  private enum State {
    OPEN,
    PUBLISHED,
    DISCARDED
  }

  private final Path target;
  private final Path staging;
  private final WriteMode mode;
  private final Thread hook;
  private State state = State.OPEN;

  private StagedDirectory(Path target, Path staging, WriteMode mode) {
    this.target = target;
    this.staging = staging;
    this.mode = mode;
    this.hook = new Thread(this::discardAtShutdown, "cqlp-dataset-cleanup");
  }

  /**
   * Checks the target and creates the staging directory.
   *
   * @param target the dataset directory to publish to
   * @param mode what to do when the target is not empty
   * @return the open staging directory
   * @throws TransferException if the target's parent directory does not exist, the target is a file
   *     (without OVERWRITE) or a directory that is not empty (without OVERWRITE or APPEND), or
   *     OVERWRITE would delete something that is not part of a Parquet dataset
   * @throws IOException if the staging directory cannot be created
   */
  public static StagedDirectory create(Path target, WriteMode mode) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new TransferException(
          "Cannot write dataset '" + target + "': directory '" + parent + "' does not exist.");
    }
    if (Files.isRegularFile(absolute) && mode != WriteMode.OVERWRITE) {
      throw new TransferException(
          "Cannot write dataset '"
              + target
              + "': it is a file; add OVERWRITE=true to replace it"
              + " with a dataset directory.");
    }
    if (mode == WriteMode.ERROR_IF_NOT_EMPTY && Files.isDirectory(absolute) && !isEmpty(absolute)) {
      throw new TransferException(
          "Target directory '"
              + target
              + "' is not empty: add OVERWRITE=true to replace it, or"
              + " APPEND=true to add files to it.");
    }
    if (mode == WriteMode.OVERWRITE && Files.exists(absolute)) {
      checkReplaceable(target, absolute);
    }
    Path staging = parent.resolve(StagingName.of(absolute, StagingName.TMP));
    Files.createDirectory(staging);
    StagedDirectory staged = new StagedDirectory(absolute, staging, mode);
    Runtime.getRuntime().addShutdownHook(staged.hook);
    return staged;
  }

  /**
   * OVERWRITE deletes the old target, so it must hold nothing but a dataset: Parquet files ({@code
   * .parquet}, {@code .pq}) and the names readers skip ({@code _SUCCESS}, {@code .crc} files,
   * anything starting with {@code .} or {@code _}), and it must not hold the working directory.
   */
  private static void checkReplaceable(Path target, Path absolute) throws IOException {
    Path working = Path.of("").toAbsolutePath().normalize();
    if (working.startsWith(absolute)) {
      throw new TransferException(
          "Cannot overwrite '"
              + target
              + "': it holds the current directory; choose another target.");
    }
    try (Stream<Path> walk = Files.walk(absolute)) {
      Path foreign =
          walk.filter(p -> !Files.isDirectory(p))
              .filter(p -> !isDatasetFile(p.getFileName().toString()))
              .findFirst()
              .orElse(null);
      if (foreign != null) {
        throw new TransferException(
            "Cannot overwrite '"
                + target
                + "': it holds '"
                + absolute.relativize(foreign).toString()
                + "', which is not part of a Parquet dataset; remove it or choose another target.");
      }
    }
  }

  static boolean isDatasetFile(String name) {
    return name.endsWith(".parquet")
        || name.endsWith(".pq")
        || name.startsWith(".")
        || name.startsWith("_");
  }

  /** The directory to write the dataset into until it is published. */
  public Path staging() {
    return staging;
  }

  /** Where the dataset appears (absolute). */
  public Path target() {
    return target;
  }

  @Override
  public Location targetLocation() {
    return Location.local(target);
  }

  /** A file in the staging directory; the partition directories are created. */
  @Override
  public Location partFile(String directory, String name) throws IOException {
    Path dir = directory.isEmpty() ? staging : staging.resolve(directory);
    if (!dir.normalize().startsWith(staging)) {
      throw new IllegalStateException("partition directory '" + directory + "' leaves the dataset");
    }
    Files.createDirectories(dir);
    return Location.local(dir.resolve(name));
  }

  /** Whether the directory was discarded (by {@link #discard()} or at JVM shutdown). */
  @Override
  public synchronized boolean isDiscarded() {
    return state == State.DISCARDED;
  }

  /**
   * Writes {@code _SUCCESS} and moves the dataset to its target (see the class comment).
   *
   * @throws IOException if it cannot be moved; the staging directory is then deleted and the target
   *     is as it was (for APPEND: holds the files moved before the failure)
   * @throws IllegalStateException if already published or discarded
   */
  @Override
  public synchronized void publish() throws IOException {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "dataset '" + target + "' is " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
    try {
      Files.createFile(staging.resolve(SUCCESS));
      boolean exists = Files.exists(target);
      if (!exists || (Files.isDirectory(target) && isEmpty(target))) {
        rename(staging, target);
      } else if (mode == WriteMode.OVERWRITE) {
        replace();
      } else if (mode == WriteMode.APPEND && Files.isDirectory(target)) {
        append();
        deleteTree(staging);
      } else {
        throw new IOException("'" + target + "' is no longer empty; nothing was written to it");
      }
      state = State.PUBLISHED;
      removeHook();
    } catch (IOException | RuntimeException e) {
      discard();
      throw e;
    }
  }

  /** Deletes the staging directory unless published. Never throws; safe to call again. */
  @Override
  public synchronized void discard() {
    if (state != State.OPEN) {
      return;
    }
    state = State.DISCARDED;
    deleteTree(staging);
    removeHook();
  }

  /**
   * At JVM shutdown the writing thread may still be running: once the state says discarded it opens
   * no new file, and a second pass a moment later removes what it was creating meanwhile.
   */
  private void discardAtShutdown() {
    synchronized (this) {
      if (state != State.OPEN) {
        return;
      }
      state = State.DISCARDED;
      deleteTree(staging);
    }
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(staging);
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs and finds nothing to do
    }
  }

  private void replace() throws IOException {
    Path old = target.getParent().resolve(StagingName.of(target, "old"));
    rename(target, old);
    try {
      rename(staging, target);
    } catch (IOException e) {
      rename(old, target);
      throw e;
    }
    deleteTree(old);
  }

  private void append() throws IOException {
    moveInto(staging, target);
    Files.move(
        staging.resolve(SUCCESS), target.resolve(SUCCESS), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Moves the files of a finished dataset directory (one task's, of an export split over several
   * processes) into this staging directory, in path order, numbering its part files after those
   * already in each directory; its {@code _SUCCESS} is left behind.
   *
   * @param finished a dataset directory on the same file system
   * @return the files moved
   * @throws IOException if a file cannot be moved; the files moved so far stay moved
   * @throws IllegalStateException if already published or discarded
   */
  public synchronized long adopt(Path finished) throws IOException {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "dataset '" + target + "' is " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
    return moveInto(finished, staging);
  }

  /**
   * Moves every file below {@code from} but {@code _SUCCESS} to the same place below {@code into},
   * renumbering part files after the highest {@code part-NNNNN} already in each directory (never
   * replacing a file).
   */
  private static long moveInto(Path from, Path into) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals(SUCCESS))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      Path relative = from.relativize(file);
      Path dir = into.resolve(relative).getParent();
      Files.createDirectories(dir);
      String name = file.getFileName().toString();
      Matcher m = PART.matcher(name);
      if (!m.matches()) {
        Files.move(file, dir.resolve(name));
        continue;
      }
      int next = highestPart(dir) + 1;
      while (true) {
        try {
          Files.move(file, dir.resolve(String.format("part-%05d%s", next, m.group(2))));
          break;
        } catch (FileAlreadyExistsException e) {
          next++;
        }
      }
    }
    return files.size();
  }

  private static int highestPart(Path dir) throws IOException {
    int highest = -1;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "part-*")) {
      for (Path p : entries) {
        Matcher m = PART.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).length() < 10) {
          highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
      }
    }
    return highest;
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }

  /**
   * Deletes a tree, files first; symbolic links are deleted, never followed. Never throws: what
   * cannot be deleted stays.
   *
   * @param root the file or directory to delete; nothing happens when it does not exist
   */
  public static void deleteTree(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              delete(dir);
              return FileVisitResult.CONTINUE;
            }

            private void delete(Path p) {
              try {
                Files.deleteIfExists(p);
              } catch (IOException e) {
                // best effort: what is left keeps its hidden name
              }
            }
          });
    } catch (IOException e) {
      // best effort: what is left keeps its hidden name
    }
  }
}
