package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.cqlp.local.LocalCassandra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(CassandraExtension.class)
class LocalCassandraIT {

  private static String keyspace;

  @BeforeAll
  static void createKeyspace() {
    keyspace = CassandraExtension.createKeyspace(LocalCassandraIT.class);
  }

  @Test
  void should_answer_with_a_5_0_release_version(CqlSession session) {
    Row row = session.execute("SELECT release_version FROM system.local").one();

    assertThat(row).isNotNull();
    assertThat(row.getString("release_version")).startsWith("5.0");
  }

  @Test
  void should_listen_on_loopback_in_datacenter1_and_log_to_its_own_file(LocalCassandra node)
      throws IOException {
    assertThat(node.host()).isEqualTo("127.0.0.1");
    assertThat(node.datacenter()).isEqualTo("datacenter1");
    assertThat(node.port()).isBetween(20_000, 31_999);
    assertThat(node.isRunning()).isTrue();
    assertThat(node.isOwned()).isTrue();
    assertThat(Files.readString(node.logFile())).contains("Starting listening for CQL clients");
    assertThat(Files.readString(node.nodeDir().resolve("logs").resolve("output.log")))
        .doesNotContain("Starting listening for CQL clients");
  }

  @Test
  void should_read_back_a_row_written_to_a_new_table(CqlSession session) {
    session.execute("CREATE TABLE " + keyspace + ".kv (k int PRIMARY KEY, v text)");
    session.execute("INSERT INTO " + keyspace + ".kv (k, v) VALUES (1, 'one')");

    Row row = session.execute("SELECT v FROM " + keyspace + ".kv WHERE k = 1").one();

    assertThat(row).isNotNull();
    assertThat(row.getString("v")).isEqualTo("one");
  }

  @Test
  void should_fail_with_the_end_of_the_output_when_the_node_exits_while_starting(@TempDir Path dir)
      throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.writeString(lib.resolve("cassandra-all-0.0.jar"), "not a jar");

    assertThatThrownBy(() -> LocalCassandra.start(dir.resolve("node"), lib, Duration.ofSeconds(60)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("org.apache.cassandra.service.CassandraDaemon");
  }

  /** A second node of its own, recorded in a state dir: restart and reuse. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OwnNode {

    private LocalCassandra node;
    private Path stateDir;

    @BeforeAll
    void startOwnNode() throws IOException {
      stateDir = Path.of(System.getProperty("cqlp.home", "."), "target", "it-own-node");
      node =
          LocalCassandra.startOrReuse(
              stateDir, LocalCassandra.defaultLibDir(), LocalCassandra.DEFAULT_START_TIMEOUT);
    }

    @AfterAll
    void stopOwnNode() {
      if (node != null) {
        node.stop();
      }
    }

    @Test
    void should_keep_rows_and_ports_across_a_restart() throws IOException {
      int port = node.port();
      long pid = node.pid();
      try (CqlSession session = node.openSession()) {
        session.execute(
            "CREATE KEYSPACE IF NOT EXISTS restart_ks WITH replication ="
                + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE restart_ks.kv (k int PRIMARY KEY, v text)");
        session.execute("INSERT INTO restart_ks.kv (k, v) VALUES (7, 'seven')");
      }

      node.restart();

      assertThat(node.port()).isEqualTo(port);
      assertThat(node.pid()).isNotEqualTo(pid);
      assertThat(node.isRunning()).isTrue();
      try (CqlSession session = node.openSession()) {
        Row row = session.execute("SELECT v FROM restart_ks.kv WHERE k = 7").one();
        assertThat(row).isNotNull();
        assertThat(row.getString("v")).isEqualTo("seven");
      }
    }

    @Test
    void should_reuse_the_recorded_node_and_leave_it_running_when_the_reuser_stops()
        throws IOException {
      LocalCassandra reused =
          LocalCassandra.startOrReuse(
              stateDir, LocalCassandra.defaultLibDir(), Duration.ofSeconds(5));

      assertThat(reused.isOwned()).isFalse();
      assertThat(reused.port()).isEqualTo(node.port());
      assertThat(reused.pid()).isEqualTo(node.pid());

      reused.stop();

      assertThat(node.isRunning()).isTrue();
      assertThat(reused.isRunning()).isTrue();
      try (CqlSession session = reused.openSession()) {
        assertThat(session.execute("SELECT release_version FROM system.local").one()).isNotNull();
      }
    }
  }
}
