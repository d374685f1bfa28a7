package io.cqlp.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.io.InputFile;

/**
 * A file or directory in a {@link Storage}: a local path, or a key in an object-store bucket
 * ({@code s3://bucket/key}). Immutable; every operation is the storage's.
 *
 * <p>Paths are {@code /}-separated below the location ({@link #resolve}); a directory of an object
 * store is a key prefix ending at a {@code /}.
 */
public final class Location {
  private final Storage storage;
  private final String path;

  /**
   * @param storage the storage that holds it; not null
   * @param path the storage's own name for it: a file system path, or an object key without a
   *     leading or trailing {@code /}; not null
   */
  public Location(Storage storage, String path) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.path = Objects.requireNonNull(path, "path");
  }

  /** A location on the local file system. */
  public static Location local(Path path) {
    return new Location(LocalStorage.INSTANCE, path.toString());
  }

  /** The storage that holds it. */
  public Storage storage() {
    return storage;
  }

  /** The storage's own name for it (a file system path, or an object key). */
  public String path() {
    return path;
  }

  /** Whether it is on the local file system ({@link #localPath()} is then defined). */
  public boolean isLocal() {
    return storage instanceof LocalStorage;
  }

  /**
   * The local path.
   *
   * @throws IllegalStateException if the location is in an object store
   */
  public Path localPath() {
    if (!isLocal()) {
      throw new IllegalStateException(this + " is not a local path");
    }
    return Path.of(path);
  }

  /** The last name of the path ({@code part-00000.parquet}); empty for a bucket's root. */
  public String name() {
    return storage.name(path);
  }

  /** The location {@code relative} ({@code /}-separated) below this one. */
  public Location resolve(String relative) {
    return new Location(storage, storage.resolve(path, relative));
  }

  /** The directory that holds it (for a bucket's root, the root itself). */
  public Location parent() {
    if (isLocal()) {
      Path parent = Path.of(path).getParent();
      return parent == null ? this : local(parent);
    }
    int slash = path.lastIndexOf('/');
    return new Location(storage, slash < 0 ? "" : path.substring(0, slash));
  }

  /**
   * The path of {@code below} relative to this directory ({@code a=1/part-00000.parquet}).
   *
   * @param below a location at or below this one, in the same storage
   */
  public String relativize(Location below) {
    if (isLocal()) {
      return Path.of(path).relativize(Path.of(below.path)).toString();
    }
    if (path.isEmpty()) {
      return below.path;
    }
    return below.path.startsWith(path + "/") ? below.path.substring(path.length() + 1) : below.path;
  }

  /** The location of this path with {@code suffix} appended to its last name ({@code x.csv.1}). */
  public Location withSuffix(String suffix) {
    return new Location(storage, path + suffix);
  }

  /** Whether a file (an object) is there. */
  public boolean isFile() throws IOException {
    return storage.isFile(path);
  }

  /** Whether a directory (a key prefix with objects below it) is there. */
  public boolean isDirectory() throws IOException {
    return storage.isDirectory(path);
  }

  /** The file's size in bytes. */
  public long size() throws IOException {
    return storage.size(path);
  }

  /** The entries right below this directory; see {@link Storage#list}. */
  public List<Storage.Entry> list() throws IOException {
    return storage.list(path);
  }

  /** Reads the file from its start; see {@link Storage#open}. */
  public InputStream open() throws IOException {
    return storage.open(path);
  }

  /** The file for a Parquet reader, with ranged reads; see {@link Storage#inputFile}. */
  public InputFile inputFile() throws IOException {
    return storage.inputFile(path);
  }

  /** Starts writing the file; nothing is visible here before {@link StagedFile#publish()}. */
  public StagedFile create() throws IOException {
    return storage.create(this);
  }

  /** Deletes the file; nothing happens if it is not there. */
  public void delete() throws IOException {
    storage.delete(path);
  }

  /** As the user would type it: a path, or {@code s3://bucket/key}. */
  @Override
  public String toString() {
    return storage.display(path);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Location l && l.storage.equals(storage) && l.path.equals(path);
  }

  @Override
  public int hashCode() {
    return storage.hashCode() * 31 + path.hashCode();
  }
}
