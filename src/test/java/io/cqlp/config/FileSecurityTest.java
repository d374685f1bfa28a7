package io.cqlp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecurityTest {
  private static final String ME = System.getProperty("user.name");

  private static Path file(Path dir, String permissions) throws Exception {
    Path file = Files.writeString(dir.resolve("f-" + permissions), "[x]\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void should_accept_a_file_only_its_owner_may_read(@TempDir Path dir) throws Exception {
    assertThat(FileSecurity.isSecure(file(dir, "rw-------"), ME)).isTrue();
    assertThat(FileSecurity.isSecure(file(dir, "rw--w--w-"), ME)).isTrue();
  }

  @Test
  void should_refuse_a_file_its_group_or_others_may_read(@TempDir Path dir) throws Exception {
    assertThat(FileSecurity.isSecure(file(dir, "rw-r-----"), ME)).isFalse();
    assertThat(FileSecurity.isSecure(file(dir, "rw----r--"), ME)).isFalse();
  }

  @Test
  void should_refuse_a_file_of_another_user_unless_running_as_root(@TempDir Path dir)
      throws Exception {
    Path mine = file(dir, "rw-------");

    assertThat(FileSecurity.isSecure(mine, "someone-else-" + ME)).isFalse();
    assertThat(FileSecurity.isSecure(mine, "root")).isTrue();
  }

  @Test
  void should_count_a_missing_file_as_secure(@TempDir Path dir) {
    assertThat(FileSecurity.isSecure(dir.resolve("none"), ME)).isTrue();
  }
}
