package io.cqlp.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a file that may hold a password is private to its user, as cqlsh's {@code is_file_secure}
 * decides (pylib/cqlshlib/util.py): it is owned by the current user (any owner when running as
 * root) and neither its group nor others may read it. A file that does not exist, or a file system
 * without POSIX permissions, counts as secure.
 */
public final class FileSecurity {
  private static final Set<PosixFilePermission> READ_BY_OTHERS =
      EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

  private FileSecurity() {}

  /**
   * @param file the file; not null
   * @param currentUser the user name the shell runs as ({@code user.name})
   * @return false when the file exists and is owned by another user (unless {@code currentUser} is
   *     {@code root}) or is readable by its group or others
   */
  public static boolean isSecure(Path file, String currentUser) {
    if (!Files.exists(file)) {
      return true;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      String owner = Files.getOwner(file).getName();
      boolean ownedByUser = "root".equals(currentUser) || owner.equals(currentUser);
      return ownedByUser && permissions.stream().noneMatch(READ_BY_OTHERS::contains);
    } catch (UnsupportedOperationException | IOException e) {
      return true;
    }
  }

  /** As {@link #isSecure(Path, String)} for the JVM's {@code user.name}. */
  public static boolean isSecure(Path file) {
    return isSecure(file, System.getProperty("user.name"));
  }
}
