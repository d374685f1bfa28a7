package io.cqlp.storage;

import io.cqlp.storage.s3.S3Settings;
import io.cqlp.storage.s3.S3Storage;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Turns a path as typed into a {@link Location}: {@code s3://bucket/key} is an object in S3 (or an
 * S3-compatible store, see {@link S3Settings}); anything else is a local path.
 */
public final class Locations {
  private static final String S3 = "s3://";

  private Locations() {}

  /** Whether a path as typed names an object store ({@code s3://...}). */
  public static boolean isObjectStore(String typed) {
    return typed.regionMatches(true, 0, S3, 0, S3.length());
  }

  /**
   * Resolves a path as typed.
   *
   * @param typed a local path, or {@code s3://bucket/key} (a trailing {@code /} names a directory
   *     and is dropped here)
   * @param option the statement's WITH option of a name ({@link S3Settings#OPTIONS}), or null
   * @return the location
   * @throws IllegalArgumentException if an {@code s3://} path has no valid bucket name, a setting
   *     is malformed, or a local path is not valid on this system; one line
   */
  public static Location resolve(String typed, Function<String, String> option) {
    if (!isObjectStore(typed)) {
      try {
        return Location.local(Path.of(typed));
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("'" + typed + "' is not a valid path: " + e.getReason());
      }
    }
    String rest = typed.substring(S3.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
    if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException(
          "'"
              + typed
              + "' has no valid bucket name ('"
              + bucket
              + "'): S3 bucket names are 3 to 63 lower-case letters, digits, '.' and '-'; e.g."
              + " s3://my-bucket/path/file.parquet");
    }
    if (key.contains("//")) {
      throw new IllegalArgumentException(
          "'" + typed + "' has an empty directory name ('//'); remove the extra '/'");
    }
    S3Settings settings = S3Settings.resolve(option, System::getenv);
    return new Location(S3Storage.of(settings, bucket), key);
  }

  /** As {@link #resolve(String, Function)} with no WITH options. */
  public static Location resolve(String typed) {
    return resolve(typed, name -> null);
  }

  /** Whether a path as typed names a directory: it ends with {@code /} (or the local separator). */
  public static boolean endsAsDirectory(String typed) {
    return typed.endsWith("/") || typed.endsWith(java.io.File.separator);
  }

  /**
   * Expands a leading {@code ~} or {@code ~/} as Python's {@code os.path.expanduser} does for the
   * current user.
   *
   * @param path a path as written in a file or on the command line
   * @param userHome the home directory
   * @return the path, with {@code ~} replaced by {@code userHome}
   */
  public static Path expandUser(String path, String userHome) {
    if (path.equals("~")) {
      return Path.of(userHome);
    }
    if (path.startsWith("~/")) {
      return Path.of(userHome, path.substring(2));
    }
    return Path.of(path);
  }
}
