package io.cqlp.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void should_choose_distinct_bindable_ports_below_the_ephemeral_range() throws IOException {
    List<Integer> ports = FreePorts.choose("127.0.0.1", 3);

    assertThat(ports).hasSize(3).doesNotHaveDuplicates();
    assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(20_000, 31_999));
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(LOOPBACK, port));
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void should_choose_ports_free_on_every_address_of_a_cluster() throws IOException {
    List<String> hosts = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");
    List<Integer> ports = FreePorts.choose(hosts, 2);

    assertThat(ports).hasSize(2).doesNotHaveDuplicates();
    for (String host : hosts) {
      for (int port : ports) {
        try (ServerSocket socket = new ServerSocket()) {
          socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        }
      }
    }
  }

  @Test
  void should_not_call_free_a_port_something_listens_on() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 1, LOOPBACK)) {
      int port = listening.getLocalPort();

      assertThat(FreePorts.answers(LOOPBACK, port)).isTrue();
      assertThat(FreePorts.isFree(LOOPBACK, port)).isFalse();
    }
  }

  @Test
  void should_call_free_a_port_once_its_listener_is_closed() throws IOException {
    int port;
    try (ServerSocket listening = new ServerSocket(0, 1, LOOPBACK)) {
      port = listening.getLocalPort();
    }

    assertThat(FreePorts.answers(LOOPBACK, port)).isFalse();
    assertThat(FreePorts.isFree(LOOPBACK, port)).isTrue();
  }

  @Test
  void should_reject_a_count_below_one() {
    assertThatThrownBy(() -> FreePorts.choose("127.0.0.1", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
