package io.cqlp.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.parquet.io.InputFile;

/**
 * Where files live: the local file system ({@link LocalStorage}) or an object store ({@link
 * io.cqlp.storage.s3.S3Storage}). Formats, sinks and sources reach files only through {@link
 * Location}s of a storage, so they never know which one they read or write.
 *
 * <p>Writes are staged: {@link #create} returns a {@link StagedFile} whose content appears at its
 * location only when published (a rename on a file system, a completed multipart upload in an
 * object store), so a reader never sees a half-written file. Implementations are thread-safe.
 */
public interface Storage {

  /**
   * An entry right below a directory.
   *
   * @param location where it is
   * @param directory whether it is a directory (a key prefix) rather than a file
   * @param size the file's size in bytes; 0 for a directory
   */
  record Entry(Location location, boolean directory, long size) {}

  /** Whether a file is at {@code path} (a directory is not a file). */
  boolean isFile(String path) throws IOException;

  /** Whether a directory is at {@code path} (in an object store: any key below {@code path/}). */
  boolean isDirectory(String path) throws IOException;

  /**
   * The file's size in bytes.
   *
   * @throws java.io.FileNotFoundException if no file is there
   */
  long size(String path) throws IOException;

  /**
   * The files and directories right below {@code path}, sorted by name. A local symbolic link is
   * listed neither as a file nor as a directory (never followed).
   *
   * @throws java.io.FileNotFoundException if no directory is there
   */
  List<Entry> list(String path) throws IOException;

  /**
   * Opens the file for reading from its start.
   *
   * @throws java.io.FileNotFoundException if no file is there
   */
  InputStream open(String path) throws IOException;

  /**
   * The file for a Parquet reader: it reads the footer and then only the byte ranges it needs.
   *
   * @throws java.io.FileNotFoundException if no file is there
   */
  InputFile inputFile(String path) throws IOException;

  /**
   * Starts writing a file at {@code target} (replacing what is there when published).
   *
   * @param target a location of this storage
   * @return the open staged file; nothing is at {@code target} before {@link StagedFile#publish()}
   * @throws IOException if the target's directory (local) or bucket does not exist, the target is a
   *     directory, or the staging file or upload cannot be created; one line naming the target
   */
  StagedFile create(Location target) throws IOException;

  /** Deletes the file at {@code path}; nothing happens if none is there. */
  void delete(String path) throws IOException;

  /** The last name of {@code path}. */
  String name(String path);

  /** {@code relative} ({@code /}-separated) below {@code path}. */
  String resolve(String path, String relative);

  /** {@code path} as a user types it (with the {@code s3://bucket/} prefix for an object store). */
  String display(String path);
}
