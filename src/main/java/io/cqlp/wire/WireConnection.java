package io.cqlp.wire;

import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.CrcMismatchException;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.Segment;
import com.datastax.oss.protocol.internal.SegmentCodec;
import com.datastax.oss.protocol.internal.request.AuthResponse;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.request.Startup;
import com.datastax.oss.protocol.internal.request.query.QueryOptions;
import com.datastax.oss.protocol.internal.response.AuthSuccess;
import com.datastax.oss.protocol.internal.response.Authenticate;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.Ready;
import com.datastax.oss.protocol.internal.response.result.SetKeyspace;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One blocking connection to one Cassandra node in native protocol v5, one request at a time: the
 * STARTUP handshake (with the plain-text SASL exchange of Cassandra's {@code
 * PasswordAuthenticator}) and QUERY messages. Frames are encoded and decoded by the driver's
 * protocol library; this class only moves their bytes over a socket.
 *
 * <p>Framing follows the v5 specification (native_protocol_v5.spec, section 2): STARTUP and the
 * server's answer to it (READY or AUTHENTICATE) are plain frames; everything after is carried in
 * segments of at most 128 KiB of payload, each with a CRC24 header and a CRC32 trailer, without
 * compression. A frame larger than one segment is split over several.
 *
 * <p>Not thread-safe: one caller at a time. Every method that talks to the server throws {@link
 * IOException} when the socket fails, times out ({@link java.net.SocketTimeoutException} after the
 * request timeout), or the server answers what this class cannot use; the connection should then be
 * closed.
 */
public final class WireConnection implements Closeable {
  /** The protocol version this connection speaks: 5 (Cassandra 4.0 and later). */
  public static final int PROTOCOL_VERSION = ProtocolConstants.Version.V5;

  /** The SASL mechanism's authenticator, as the server names it in AUTHENTICATE. */
  static final String PASSWORD_AUTHENTICATOR = "org.apache.cassandra.auth.PasswordAuthenticator";

  private static final int HEADER_SIZE = FrameCodec.V3_ENCODED_HEADER_SIZE;
  // Cassandra refuses frames over native_transport_max_frame_size (16 MiB by default); anything
  // far larger is a broken stream, not a frame.
  private static final int MAX_BODY = 256 << 20;
  private static final int STREAM = 0;

  private final FrameCodec<ByteBuffer> frames =
      FrameCodec.defaultClient(ByteBufferCodec.INSTANCE, Compressor.none());
  private final SegmentCodec<ByteBuffer> segments =
      new SegmentCodec<>(ByteBufferCodec.INSTANCE, Compressor.none());
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private boolean segmented;
  private ByteBuffer pending = ByteBufferCodec.INSTANCE.allocate(0);

  private WireConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
    this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
  }

  /**
   * Connects and completes the STARTUP handshake.
   *
   * @param address the node's native transport address; not null
   * @param connectTimeout how long the TCP connect may take; positive
   * @param requestTimeout how long any one answer may take, handshake included; positive
   * @param startupOptions the STARTUP options (protocol spec section 4.1.1); CQL_VERSION is added
   * @param username the user for {@code PasswordAuthenticator}, or null to connect without one
   * @param password the password, or null (taken as empty) when {@code username} is given
   * @return a connection ready for queries; the caller closes it
   * @throws IOException when the node cannot be reached, does not speak protocol v5, refuses the
   *     credentials, asks for credentials none were given for, or uses another authenticator; the
   *     message says which, without the password
   */
  public static WireConnection open(
      InetSocketAddress address,
      Duration connectTimeout,
      Duration requestTimeout,
      Map<String, String> startupOptions,
      String username,
      String password)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis()));
      WireConnection connection = new WireConnection(socket);
      connection.startup(startupOptions, username, password);
      return connection;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private void startup(Map<String, String> options, String username, String password)
      throws IOException {
    Map<String, String> withVersion = new LinkedHashMap<>();
    withVersion.put(Startup.CQL_VERSION_KEY, "3.0.0");
    withVersion.putAll(options);
    Message answer = request(new Startup(withVersion)).message;
    // v5: the server frames everything after READY or AUTHENTICATE in segments
    if (answer instanceof Ready) {
      segmented = true;
      return;
    }
    if (!(answer instanceof Authenticate authenticate)) {
      throw new IOException("STARTUP was answered with " + describe(answer));
    }
    segmented = true;
    if (username == null) {
      throw new IOException("the node asks for credentials (" + authenticate.authenticator + ")");
    }
    if (!PASSWORD_AUTHENTICATOR.equals(authenticate.authenticator)) {
      throw new IOException("the node's authenticator is " + authenticate.authenticator);
    }
    Message result = request(new AuthResponse(plainToken(username, password))).message;
    if (!(result instanceof AuthSuccess)) {
      throw new IOException("authentication was answered with " + describe(result));
    }
  }

  /** SASL PLAIN (RFC 4616) without an authorization identity: NUL user NUL password. */
  static ByteBuffer plainToken(String username, String password) {
    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    byte[] secret = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
    ByteBuffer token = ByteBuffer.allocate(user.length + secret.length + 2);
    token.put((byte) 0).put(user).put((byte) 0).put(secret).flip();
    return token;
  }

  /**
   * Makes {@code keyspace} the connection's keyspace ({@code USE}).
   *
   * @param keyspace the keyspace as CQL spells it (quoted when it needs to be); not null
   * @throws IOException when the server answers anything but the keyspace set (an unknown keyspace)
   */
  public void use(String keyspace) throws IOException {
    Message answer = request(new Query("USE " + keyspace, QueryOptions.DEFAULT)).message;
    if (!(answer instanceof SetKeyspace)) {
      throw new IOException("USE " + keyspace + " was answered with " + describe(answer));
    }
  }

  /**
   * Runs one QUERY and returns the server's answer, whatever it is (rows, an error, ...).
   *
   * @param cql the statement; not null
   * @param options consistency, page size, paging state ...; not null
   * @return the response frame: its message, warnings and tracing id
   * @throws IOException when the socket fails or times out, or the answer cannot be decoded
   */
  public Frame query(String cql, QueryOptions options) throws IOException {
    return request(new Query(cql, options));
  }

  private Frame request(Message message) throws IOException {
    send(Frame.forRequest(PROTOCOL_VERSION, STREAM, false, Frame.NO_PAYLOAD, message));
    return receive();
  }

  private void send(Frame frame) throws IOException {
    ByteBuffer encoded = frames.encode(frame);
    if (!segmented) {
      write(encoded);
    } else {
      int max = Segment.MAX_PAYLOAD_LENGTH;
      boolean whole = encoded.remaining() <= max;
      List<Object> parts = new ArrayList<>(3);
      while (encoded.hasRemaining()) {
        int length = Math.min(max, encoded.remaining());
        ByteBuffer payload = encoded.slice(encoded.position(), length);
        encoded.position(encoded.position() + length);
        parts.clear();
        segments.encode(new Segment<>(payload, whole), parts);
        for (Object part : parts) {
          write((ByteBuffer) part);
        }
      }
    }
    out.flush();
  }

  private void write(ByteBuffer bytes) throws IOException {
    out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
  }

  private Frame receive() throws IOException {
    if (!segmented) {
      ByteBuffer header = read(HEADER_SIZE);
      ByteBuffer frame = ByteBufferCodec.INSTANCE.allocate(HEADER_SIZE + bodySize(header));
      ByteBufferCodec.append(frame, header);
      ByteBufferCodec.append(frame, read(frame.capacity() - HEADER_SIZE));
      return frames.decode(frame);
    }
    ByteBuffer frame = null;
    while (true) {
      if (frame == null && pending.remaining() >= HEADER_SIZE) {
        frame = ByteBufferCodec.INSTANCE.allocate(HEADER_SIZE + bodySize(pending));
      }
      if (frame != null) {
        int take = Math.min(frame.capacity() - frame.limit(), pending.remaining());
        ByteBufferCodec.append(frame, pending.slice(pending.position(), take));
        pending.position(pending.position() + take);
        if (frame.limit() == frame.capacity()) {
          return frames.decode(frame);
        }
      }
      pending = ByteBufferCodec.INSTANCE.concat(pending, readSegment());
    }
  }

  private int bodySize(ByteBuffer header) throws IOException {
    int size = frames.decodeBodySize(header);
    if (size < 0 || size > MAX_BODY) {
      throw new IOException("a frame of " + size + " bytes: not a native protocol stream");
    }
    return size;
  }

  private ByteBuffer readSegment() throws IOException {
    try {
      SegmentCodec.Header header =
          segments.decodeHeader(read(segments.headerLength() + SegmentCodec.CRC24_LENGTH));
      return segments.decode(header, read(header.payloadLength + SegmentCodec.CRC32_LENGTH))
          .payload;
    } catch (CrcMismatchException e) {
      throw new IOException("a corrupted segment: " + e.getMessage(), e);
    }
  }

  private ByteBuffer read(int length) throws IOException {
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return ByteBuffer.wrap(bytes);
  }

  private static String describe(Message message) {
    if (message instanceof Error error) {
      return "error 0x" + Integer.toHexString(error.code) + ": " + error.message;
    }
    return message.getClass().getSimpleName();
  }

  /** Closes the socket; never throws. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
