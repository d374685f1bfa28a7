package io.cqlp.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCassandraTest {

  @Test
  void should_refuse_to_start_in_a_directory_that_is_not_a_node(@TempDir Path dir)
      throws IOException {
    Path lib = CassandraJarsTest.fakeLibDir(dir.resolve("lib"));
    Path precious = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(precious.resolve("keep.txt"), "keep me");

    assertThatThrownBy(() -> LocalCassandra.start(precious, lib, Duration.ofSeconds(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refusing to empty " + precious);
    assertThat(precious.resolve("keep.txt")).hasContent("keep me");
  }

  @Test
  void should_refuse_to_start_without_cassandra_jars(@TempDir Path dir) {
    assertThatThrownBy(() -> LocalCassandra.start(dir.resolve("node"), dir, Duration.ofSeconds(1)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "no local Cassandra jars at "
                + dir
                + ": build with `mvn -B package` first, or unpack"
                + " cqlp-<version>-cassandra.tar.gz (or .zip) over the folder of the cqlp archive");
    assertThat(dir.resolve("node")).doesNotExist();
  }

  @Test
  void should_reject_a_heap_below_256_mib(@TempDir Path dir) throws IOException {
    Path lib = CassandraJarsTest.fakeLibDir(dir.resolve("lib"));

    assertThatThrownBy(
            () -> LocalCassandra.start(dir.resolve("n"), lib, Duration.ofSeconds(1), 128))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heap must be at least 256 MiB, was 128");
  }

  @Test
  void should_reject_a_timeout_that_is_not_positive(@TempDir Path dir) throws IOException {
    Path lib = CassandraJarsTest.fakeLibDir(dir.resolve("lib"));

    assertThatThrownBy(() -> LocalCassandra.start(dir.resolve("n"), lib, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT0S");
  }
}
