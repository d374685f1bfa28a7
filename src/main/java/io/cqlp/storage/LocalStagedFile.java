package io.cqlp.storage;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A local file written under a hidden staging name beside its target ({@code
 * .<name>.cqlp-tmp-<hex>}), forced to disk and renamed onto the target when published, so the
 * target path never holds a half-written file.
 */
final class LocalStagedFile extends StagedFile {
  private final Path path;
  private final Path staging;
  private final FileOutputStream file;
  private final Counting out;
  private boolean done;

  private LocalStagedFile(Location target, Path staging, FileOutputStream file) {
    super(target);
    this.path = target.localPath().toAbsolutePath();
    this.staging = staging;
    this.file = file;
    this.out = new Counting(file);
  }

  static LocalStagedFile create(Location target) throws IOException {
    Path absolute = target.localPath().toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException(
          "cannot write '" + target + "': directory '" + dir + "' does not exist");
    }
    if (Files.isDirectory(absolute)) {
      throw new IOException("cannot write '" + target + "': it is a directory");
    }
    Path staging = dir.resolve(StagingName.of(absolute, StagingName.TMP));
    return new LocalStagedFile(target, staging, new FileOutputStream(staging.toFile()));
  }

  @Override
  public OutputStream stream() {
    return out;
  }

  @Override
  public long size() {
    return out.count;
  }

  /** Forces the content to disk, then renames it onto the target (atomically where possible). */
  @Override
  public void publish() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      file.getChannel().force(true);
      file.close();
      try {
        Files.move(
            staging, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      closeQuietly();
      Files.deleteIfExists(staging);
      throw e;
    }
  }

  @Override
  public void discard() {
    if (done) {
      return;
    }
    done = true;
    closeQuietly();
    try {
      Files.deleteIfExists(staging);
    } catch (IOException ignored) {
      // nothing more can be done; the name is hidden and marked as staging
    }
  }

  private void closeQuietly() {
    try {
      file.close();
    } catch (IOException ignored) {
      // the file is deleted or was already closed
    }
  }

  /** Counts the bytes; closing it leaves the file open until publish or discard. */
  private static final class Counting extends OutputStream {
    private final FileOutputStream out;
    long count;

    Counting(FileOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void close() {
      // publish or discard closes the file
    }
  }
}
