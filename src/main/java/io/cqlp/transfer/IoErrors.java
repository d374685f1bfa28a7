package io.cqlp.transfer;

import io.cqlp.rows.TransferException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Words for file system errors: the JDK's {@link FileSystemException}s often carry only a path as
 * their message ("/proc/x"), which says nothing of what went wrong.
 */
public final class IoErrors {
  private IoErrors() {}

  /**
   * @param e an I/O error
   * @return e.g. {@code cannot create '/proc/x': permission denied}, or the error's own message
   */
  public static String describe(IOException e) {
    if (!(e instanceof FileSystemException fs)) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    String what =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e instanceof NoSuchFileException
                ? "no such file or directory"
                : e instanceof NotDirectoryException
                    ? "not a directory"
                    : e instanceof FileAlreadyExistsException
                        ? "already exists"
                        : fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    return fs.getFile() == null ? what : "'" + fs.getFile() + "': " + what;
  }

  /**
   * The one-line failure of a write: the error's own message, or for a file system error or one
   * without a message, {@code Cannot write 'target': } and its {@link #describe description}.
   *
   * @param e the error
   * @param target the target as the user named it
   * @return the exception to throw, with {@code e} as its cause
   */
  public static TransferException writeFailure(IOException e, Object target) {
    String message =
        e instanceof FileSystemException || e.getMessage() == null
            ? "cannot write '" + target + "': " + describe(e)
            : e.getMessage();
    return new TransferException(
        Character.toUpperCase(message.charAt(0)) + message.substring(1), e);
  }
}
