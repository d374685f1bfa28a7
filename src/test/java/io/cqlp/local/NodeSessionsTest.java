package io.cqlp.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class NodeSessionsTest {

  @Test
  void should_find_no_version_where_nothing_listens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    assertThat(NodeSessions.releaseVersion("127.0.0.1", port, "datacenter1")).isEmpty();
  }

  @Test
  void should_find_no_version_where_something_else_than_cassandra_listens() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread closer =
          new Thread(
              () -> {
                try {
                  socket.accept().close();
                } catch (IOException e) {
                  // the test is over
                }
              });
      closer.start();

      assertThat(NodeSessions.releaseVersion("127.0.0.1", socket.getLocalPort(), "datacenter1"))
          .isEmpty();
    }
  }
}
