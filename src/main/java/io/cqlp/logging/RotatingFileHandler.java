package io.cqlp.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes log records to one file that turns over by size: when a record would take the file past
 * its limit, {@code cqlp.log.1} becomes {@code cqlp.log.2}, {@code cqlp.log} becomes {@code
 * cqlp.log.1}, and a new {@code cqlp.log} is begun; the oldest beyond the file count is dropped.
 *
 * <p>The file is opened (and its directory made) at the first record, in append mode, readable by
 * its owner only (on POSIX file systems). Each record is one write, so the lines of several cqlp
 * processes sharing the file stay whole. A file that cannot be written turns the handler off for
 * the rest of the process, silently: logging never disturbs the screen. Thread-safe.
 */
public final class RotatingFileHandler extends Handler {
  private final Path file;
  private final long limit;
  private final int files;
  private OutputStream out;
  private long size;
  private boolean broken;

  /**
   * The handler java.util.logging makes from {@link LogFile}'s properties: {@link LogFile#path} of
   * the system property {@code user.home}, {@link LogFile#LIMIT_BYTES}, {@link LogFile#FILES},
   * {@link LogFormat}.
   */
  public RotatingFileHandler() {
    this(LogFile.path(System.getProperty("user.home")), LogFile.LIMIT_BYTES, LogFile.FILES);
  }

  /**
   * @param file the current file; its older generations are {@code <file>.1}, {@code <file>.2}...
   * @param limit size in bytes past which the file turns over; positive
   * @param files how many files are kept, the current one included; at least 2
   * @throws IllegalArgumentException if {@code limit} or {@code files} is out of range
   */
  public RotatingFileHandler(Path file, long limit, int files) {
    if (limit <= 0 || files < 2) {
      throw new IllegalArgumentException(
          "limit must be positive and files at least 2, were " + limit + " and " + files);
    }
    this.file = file.toAbsolutePath();
    this.limit = limit;
    this.files = files;
    setLevel(Level.ALL);
    setFormatter(new LogFormat());
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (broken || !isLoggable(record)) {
      return;
    }
    byte[] line;
    try {
      line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return;
    }
    try {
      if (out == null) {
        open();
      } else if (size > 0 && size + line.length > limit) {
        out.close();
        out = null;
        turnOver();
        open();
      }
      out.write(line);
      size += line.length;
    } catch (IOException | RuntimeException e) {
      broken = true;
      close();
    }
  }

  @Override
  public void flush() {
    // Every record is written at once: nothing is buffered.
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // Closing at exit: nothing to tell.
      }
      out = null;
    }
  }

  /** Opens the current file for appending; a file already at its limit is turned over first. */
  private void open() throws IOException {
    Files.createDirectories(file.getParent());
    if (Files.exists(file) && Files.size(file) >= limit) {
      turnOver();
    }
    createOwnerOnly();
    out =
        Channels.newOutputStream(
            Files.newByteChannel(
                file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND)));
    size = Files.size(file);
  }

  private void createOwnerOnly() throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      // Appended to.
    } catch (UnsupportedOperationException e) {
      Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE))
          .close();
    }
  }

  /** Shifts {@code file.(n-1)} to {@code file.n}, ..., {@code file} to {@code file.1}. */
  private void turnOver() throws IOException {
    for (int generation = files - 1; generation >= 1; generation--) {
      Path from = generation == 1 ? file : generation(generation - 1);
      if (Files.exists(from)) {
        Files.move(from, generation(generation), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private Path generation(int n) {
    return file.resolveSibling(file.getFileName() + "." + n);
  }
}
