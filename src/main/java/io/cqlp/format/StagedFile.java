package io.cqlp.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written under a hidden staging name beside its target ({@code .<name>.cqlp-tmp-<hex>})
 * and renamed onto the target only when complete, so the target path never holds a half-written
 * file. Not thread-safe.
 */
public final class StagedFile implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private final OutputStream out;
  private boolean done;

  private StagedFile(Path target, Path staging, OutputStream out) {
    this.target = target;
    this.staging = staging;
    this.out = out;
  }

  /**
   * Creates the staging file.
   *
   * @param target where the file appears on {@link #publish()}
   * @return the open staging file
   * @throws IOException if the target's directory does not exist (one line naming it), the target
   *     is a directory, or the staging file cannot be created
   */
  public static StagedFile create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("cannot write '" + target + "': directory '" + dir + "' does not exist");
    }
    if (Files.isDirectory(absolute)) {
      throw new IOException("cannot write '" + target + "': it is a directory");
    }
    Path staging =
        dir.resolve("." + absolute.getFileName() + ".cqlp-tmp-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    return new StagedFile(absolute, staging, Files.newOutputStream(staging));
  }

  /** The stream to write the content to; buffered by the caller as needed. */
  public OutputStream stream() {
    return out;
  }

  /** The final path. */
  public Path target() {
    return target;
  }

  /**
   * Closes the stream and renames the staging file onto the target (atomically where the file
   * system allows), replacing an existing file.
   *
   * @throws IOException if the rename fails; the staging file is then removed
   */
  public void publish() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      out.close();
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      Files.deleteIfExists(staging);
      throw e;
    }
  }

  /** Closes and deletes the staging file; the target is left as it was. Never throws. */
  public void discard() {
    if (done) {
      return;
    }
    done = true;
    try {
      out.close();
    } catch (IOException ignored) {
      // the file is deleted next
    }
    try {
      Files.deleteIfExists(staging);
    } catch (IOException ignored) {
      // nothing more can be done; the name is hidden and marked as staging
    }
  }

  /** Discards unless published. */
  @Override
  public void close() {
    discard();
  }
}
