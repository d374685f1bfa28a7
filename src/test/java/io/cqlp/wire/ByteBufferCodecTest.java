package io.cqlp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.Segment;
import com.datastax.oss.protocol.internal.SegmentCodec;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.request.query.QueryOptions;
import com.datastax.oss.protocol.internal.response.result.ColumnSpec;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.RawType;
import com.datastax.oss.protocol.internal.response.result.Rows;
import com.datastax.oss.protocol.internal.response.result.RowsMetadata;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ByteBufferCodecTest {
  private final ByteBufferCodec codec = ByteBufferCodec.INSTANCE;

  @Test
  void should_read_back_every_primitive_it_writes_in_order() throws Exception {
    ByteBuffer buffer = codec.allocate(256);
    UUID uuid = UUID.randomUUID();
    codec.writeByte((byte) -7, buffer);
    codec.writeInt(-123456, buffer);
    codec.writeLong(Long.MIN_VALUE + 3, buffer);
    codec.writeUnsignedShort(65535, buffer);
    codec.writeString("café", buffer);
    codec.writeLongString("ünï", buffer);
    codec.writeBytes((ByteBuffer) null, buffer);
    codec.writeBytes(ByteBuffer.wrap(new byte[] {1, 2, 3}), buffer);
    codec.writeBytes(new byte[] {9}, buffer);
    codec.writeShortBytes(new byte[] {4, 5}, buffer);
    codec.writeInetAddr(InetAddress.getByName("10.1.2.3"), buffer);
    codec.writeUuid(uuid, buffer);
    codec.writeStringMap(Map.of("k", "v"), buffer);

    assertThat(buffer.position()).isZero();
    assertThat(codec.readByte(buffer)).isEqualTo((byte) -7);
    assertThat(codec.readInt(buffer)).isEqualTo(-123456);
    assertThat(codec.readLong(buffer)).isEqualTo(Long.MIN_VALUE + 3);
    assertThat(codec.readUnsignedShort(buffer)).isEqualTo(65535);
    assertThat(codec.readString(buffer)).isEqualTo("café");
    assertThat(codec.readLongString(buffer)).isEqualTo("ünï");
    assertThat(codec.readBytes(buffer)).isNull();
    ByteBuffer three = codec.readBytes(buffer);
    assertThat(three.remaining()).isEqualTo(3);
    assertThat(three.get(0)).isEqualTo((byte) 1);
    assertThat(three.get(2)).isEqualTo((byte) 3);
    assertThat(codec.readBytes(buffer).get()).isEqualTo((byte) 9);
    assertThat(codec.readShortBytes(buffer)).containsExactly(4, 5);
    assertThat(codec.readInetAddr(buffer)).isEqualTo(InetAddress.getByName("10.1.2.3"));
    assertThat(codec.readUuid(buffer)).isEqualTo(uuid);
    assertThat(codec.readStringMap(buffer)).isEqualTo(Map.of("k", "v"));
    assertThat(codec.sizeOf(buffer)).isZero();
  }

  @Test
  void should_peek_at_an_offset_and_reset_to_a_mark_without_losing_bytes() {
    ByteBuffer buffer = codec.allocate(12);
    codec.writeInt(1, buffer);
    codec.writeInt(2, buffer);
    codec.writeInt(3, buffer);

    assertThat(codec.readInt(buffer, 4)).isEqualTo(2);
    assertThat(buffer.position()).isZero();
    codec.markReaderIndex(buffer);
    codec.readInt(buffer);
    codec.resetReaderIndex(buffer);
    assertThat(codec.readInt(buffer)).isEqualTo(1);
    ByteBuffer both = codec.concat(codec.readRetainedSlice(buffer, 4), buffer);
    assertThat(codec.sizeOf(both)).isEqualTo(8);
    assertThat(codec.readInt(both)).isEqualTo(2);
    assertThat(codec.readInt(both)).isEqualTo(3);
  }

  @Test
  void should_encode_a_query_the_server_codec_decodes() {
    FrameCodec<ByteBuffer> client = FrameCodec.defaultClient(codec, Compressor.none());
    FrameCodec<ByteBuffer> server = FrameCodec.defaultServer(codec, Compressor.none());
    ByteBuffer paging = ByteBuffer.wrap(new byte[] {7, 7});
    QueryOptions options =
        new QueryOptions(
            ProtocolConstants.ConsistencyLevel.QUORUM,
            List.of(),
            Map.of(),
            false,
            100,
            paging,
            ProtocolConstants.ConsistencyLevel.LOCAL_SERIAL,
            QueryOptions.NO_DEFAULT_TIMESTAMP,
            null,
            QueryOptions.NO_NOW_IN_SECONDS);

    ByteBuffer bytes =
        client.encode(
            Frame.forRequest(
                5, 3, false, Frame.NO_PAYLOAD, new Query("SELECT * FROM ks.t", options)));
    Frame decoded = server.decode(bytes);

    assertThat(decoded.streamId).isEqualTo(3);
    Query query = (Query) decoded.message;
    assertThat(query.query).isEqualTo("SELECT * FROM ks.t");
    assertThat(query.options.consistency).isEqualTo(ProtocolConstants.ConsistencyLevel.QUORUM);
    assertThat(query.options.serialConsistency)
        .isEqualTo(ProtocolConstants.ConsistencyLevel.LOCAL_SERIAL);
    assertThat(query.options.pageSize).isEqualTo(100);
    assertThat(query.options.pagingState).isEqualTo(ByteBuffer.wrap(new byte[] {7, 7}));
  }

  /**
   * A rows response larger than one v5 segment (128 KiB): split over several segments, each with
   * its CRCs, and put back together it decodes to the same values, nulls included.
   */
  @Test
  void should_split_a_large_frame_into_segments_that_rejoin_to_the_same_rows() throws Exception {
    FrameCodec<ByteBuffer> client = FrameCodec.defaultClient(codec, Compressor.none());
    FrameCodec<ByteBuffer> server = FrameCodec.defaultServer(codec, Compressor.none());
    SegmentCodec<ByteBuffer> segments = new SegmentCodec<>(codec, Compressor.none());
    byte[] big = new byte[300_000];
    Arrays.fill(big, (byte) 'x');
    RowsMetadata metadata =
        new RowsMetadata(
            List.of(
                new ColumnSpec(
                    "ks", "t", "k", 0, RawType.PRIMITIVES.get(ProtocolConstants.DataType.INT)),
                new ColumnSpec(
                    "ks", "t", "v", 1, RawType.PRIMITIVES.get(ProtocolConstants.DataType.VARCHAR))),
            null,
            new int[0],
            null);
    Queue<List<ByteBuffer>> data = new ArrayDeque<>();
    data.add(Arrays.asList(ByteBuffer.wrap(new byte[] {0, 0, 0, 1}), ByteBuffer.wrap(big)));
    data.add(Arrays.asList(ByteBuffer.wrap(new byte[] {0, 0, 0, 2}), null));
    ByteBuffer frame =
        server.encode(
            Frame.forResponse(
                5, 0, null, Frame.NO_PAYLOAD, List.of(), new DefaultRows(metadata, data)));

    List<ByteBuffer> wire = new ArrayList<>();
    int parts = 0;
    while (frame.hasRemaining()) {
      int length = Math.min(Segment.MAX_PAYLOAD_LENGTH, frame.remaining());
      List<Object> out = new ArrayList<>();
      segments.encode(new Segment<>(frame.slice(frame.position(), length), false), out);
      frame.position(frame.position() + length);
      out.forEach(o -> wire.add((ByteBuffer) o));
      parts++;
    }
    ByteBuffer rejoined = codec.allocate(400_000);
    for (int i = 0; i < wire.size(); i += 3) {
      SegmentCodec.Header header = segments.decodeHeader(wire.get(i));
      ByteBuffer body = codec.concat(wire.get(i + 1), wire.get(i + 2));
      ByteBufferCodec.append(rejoined, segments.decode(header, body).payload);
    }
    Rows rows = (Rows) client.decode(rejoined).message;

    assertThat(parts).isEqualTo(3);
    assertThat(rows.getMetadata().columnSpecs).extracting(c -> c.name).containsExactly("k", "v");
    List<ByteBuffer> first = rows.getData().poll();
    assertThat(StandardCharsets.UTF_8.decode(first.get(1)).toString())
        .isEqualTo(new String(big, StandardCharsets.UTF_8));
    List<ByteBuffer> second = rows.getData().poll();
    assertThat(second.get(0).getInt(0)).isEqualTo(2);
    assertThat(second.get(1)).isNull();
  }

  @Test
  void should_spell_plain_sasl_credentials_as_rfc_4616() {
    ByteBuffer token = WireConnection.plainToken("ann", "pä");
    byte[] bytes = new byte[token.remaining()];
    token.get(bytes);

    assertThat(bytes).containsExactly(0, 'a', 'n', 'n', 0, 'p', (byte) 0xC3, (byte) 0xA4);
  }
}
