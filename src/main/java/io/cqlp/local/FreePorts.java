package io.cqlp.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks TCP ports that nothing listens on, for the ports a local Cassandra node opens.
 *
 * <p>Ports are drawn at random from {@value #LOW}..{@value #HIGH} (exclusive), below Linux's
 * default ephemeral range (32768-60999), so that an outgoing connection of another program cannot
 * take a chosen port between the choice and the node's bind. A port is chosen only if it can be
 * bound on the given address and no server answers a connection to it there. Between the choice and
 * the node's own bind another program may still take the port; the random draw keeps that unlikely,
 * even for several nodes started at once.
 */
final class FreePorts {

  /** Lowest port drawn (inclusive). */
  static final int LOW = 20_000;

  /** Highest port drawn (exclusive). */
  static final int HIGH = 32_000;

  private static final int MAX_ATTEMPTS = 1_000;

  private FreePorts() {}

  /**
   * Chooses {@code count} distinct free ports on {@code host}.
   *
   * @param host the address the node will bind, e.g. {@code 127.0.0.1}; not null
   * @param count how many ports, at least 1
   * @return {@code count} distinct ports in {@value #LOW}..{@value #HIGH}, in the order drawn
   * @throws IOException if {@code host} is not a local address or no free port was found after
   *     {@value #MAX_ATTEMPTS} draws
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  static List<Integer> choose(String host, int count) throws IOException {
    return choose(List.of(host), count);
  }

  /**
   * Chooses {@code count} distinct ports that are free on every one of {@code hosts} (the nodes of
   * a local cluster share their CQL and internode ports, each on its own address).
   *
   * @param hosts the addresses the nodes will bind; not null, not empty
   * @param count how many ports, at least 1
   * @return {@code count} distinct ports in {@value #LOW}..{@value #HIGH}, in the order drawn
   * @throws IOException as {@link #choose(String, int)}
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  static List<Integer> choose(List<String> hosts, int count) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    List<InetAddress> addresses = new ArrayList<>();
    for (String host : hosts) {
      addresses.add(InetAddress.getByName(host));
    }
    Set<Integer> chosen = new LinkedHashSet<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < MAX_ATTEMPTS && chosen.size() < count; attempt++) {
      int port = random.nextInt(LOW, HIGH);
      if (!chosen.contains(port) && addresses.stream().allMatch(a -> isFree(a, port))) {
        chosen.add(port);
      }
    }
    if (chosen.size() < count) {
      throw new IOException(
          "no free TCP port on "
              + String.join(", ", hosts)
              + " in "
              + LOW
              + ".."
              + HIGH
              + " after "
              + MAX_ATTEMPTS
              + " tries: stop some local servers and retry");
    }
    return new ArrayList<>(chosen);
  }

  /**
   * Tells whether nothing listens on {@code port} of {@code address} and it can be bound there.
   *
   * @param address a local address; not null
   * @param port a TCP port, 1..65535
   * @return true if a server socket could be bound and no server answered a connection
   */
  static boolean isFree(InetAddress address, int port) {
    if (answers(address, port)) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(address, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Tells whether a server accepts TCP connections on {@code port} of {@code address}.
   *
   * @param address the address to connect to; not null
   * @param port a TCP port, 1..65535
   * @return true if a connection was accepted within 500 ms
   */
  static boolean answers(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
