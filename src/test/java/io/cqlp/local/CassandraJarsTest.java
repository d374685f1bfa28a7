package io.cqlp.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraJarsTest {

  @Test
  void should_take_the_lib_dir_from_the_system_property_first(@TempDir Path dir)
      throws IOException {
    Path lib = fakeLibDir(dir.resolve("lib"));

    assertThat(CassandraJars.libDir(lib.toString(), "/nowhere")).isEqualTo(lib);
  }

  @Test
  void should_fall_back_to_the_lib_dir_under_cqlp_home(@TempDir Path dir) throws IOException {
    Path lib = fakeLibDir(dir.resolve("target").resolve("cassandra").resolve("lib"));

    assertThat(CassandraJars.libDir(null, dir.toString())).isEqualTo(lib);
  }

  @Test
  void should_say_to_build_first_when_the_lib_dir_has_no_cassandra_jar(@TempDir Path dir) {
    assertThatThrownBy(() -> CassandraJars.libDir(null, dir.toString()))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "no local Cassandra jars at "
                + dir.resolve("target/cassandra/lib")
                + ": build with `mvn -B package` first, or unpack cqlp-<version>-cassandra.tar.gz"
                + " (or .zip) over the folder of the cqlp archive");
  }

  @Test
  void should_say_what_to_set_when_neither_property_nor_home_is_set() {
    assertThatThrownBy(() -> CassandraJars.libDir(null, " "))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "no local Cassandra jars: set CQLP_HOME to the cqlp directory"
                + " (or -Dcqlp.cassandra.lib to a Cassandra lib directory)");
  }

  @Test
  void should_list_only_the_jars_of_a_directory_sorted_by_name(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("b.jar"), "");
    Files.writeString(dir.resolve("a.jar"), "");
    Files.writeString(dir.resolve("notes.txt"), "");

    assertThat(CassandraJars.list(dir)).containsExactly(dir.resolve("a.jar"), dir.resolve("b.jar"));
  }

  static Path fakeLibDir(Path lib) throws IOException {
    Files.createDirectories(lib);
    Files.writeString(lib.resolve("cassandra-all-5.0.9.jar"), "");
    return lib.toAbsolutePath();
  }
}
