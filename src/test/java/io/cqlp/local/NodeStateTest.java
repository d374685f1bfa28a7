package io.cqlp.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeStateTest {

  @Test
  void should_read_back_what_it_wrote(@TempDir Path dir) throws IOException {
    NodeState state =
        new NodeState(
            4242, 1_700_000_000_123L, "127.0.0.1", 21002, "datacenter1", dir.resolve("node"));
    Path file = dir.resolve("node.properties");

    state.write(file);

    assertThat(NodeState.read(file)).contains(state);
    assertThat(dir.resolve("node.properties.tmp")).doesNotExist();
  }

  @Test
  void should_find_no_record_when_the_file_is_missing(@TempDir Path dir) throws IOException {
    assertThat(NodeState.read(dir.resolve("node.properties"))).isEmpty();
  }

  @Test
  void should_find_no_record_when_a_field_is_missing_or_malformed(@TempDir Path dir)
      throws IOException {
    Path noPid = dir.resolve("a.properties");
    Files.writeString(noPid, "host=127.0.0.1\nport=1\ndatacenter=dc\nnodeDir=/x\n");
    Path badPort = dir.resolve("b.properties");
    Files.writeString(badPort, "pid=1\nhost=127.0.0.1\nport=x\ndatacenter=dc\nnodeDir=/x\n");

    assertThat(NodeState.read(noPid)).isEqualTo(Optional.empty());
    assertThat(NodeState.read(badPort)).isEqualTo(Optional.empty());
  }

  @Test
  void should_take_a_live_pid_with_the_recorded_start_time_for_the_node() {
    ProcessHandle self = ProcessHandle.current();
    long startedAt = NodeState.startedAt(self);

    assertThat(startedAt).isPositive();
    assertThat(state(self.pid(), startedAt).processAlive()).isTrue();
  }

  @Test
  void should_not_take_a_later_process_with_the_same_pid_for_the_node() {
    ProcessHandle self = ProcessHandle.current();

    assertThat(state(self.pid(), NodeState.startedAt(self) - 60_000).processAlive()).isFalse();
  }

  @Test
  void should_take_a_live_pid_for_the_node_when_no_start_time_was_recorded() {
    assertThat(state(ProcessHandle.current().pid(), -1).processAlive()).isTrue();
  }

  @Test
  void should_not_take_a_dead_pid_for_a_node() {
    assertThat(state(Integer.MAX_VALUE, -1).processAlive()).isFalse();
  }

  private static NodeState state(long pid, long startedAt) {
    return new NodeState(pid, startedAt, "127.0.0.1", 1, "dc", Path.of("/x"));
  }
}
