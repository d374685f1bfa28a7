package io.cqlp.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.internal.core.protocol.ByteBufPrimitiveCodec;
import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.ProtocolV4ClientCodecs;
import com.datastax.oss.protocol.internal.ProtocolV5ClientCodecs;
import com.datastax.oss.protocol.internal.response.result.ColumnSpec;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.RawType;
import com.datastax.oss.protocol.internal.response.result.Rows;
import com.datastax.oss.protocol.internal.response.result.RowsMetadata;
import io.cqlp.wire.ByteBufferCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class PageRowsCodecTest {
  private static final int V5 = ProtocolConstants.Version.V5;
  private static final ByteBufPrimitiveCodec NETTY =
      new ByteBufPrimitiveCodec(ByteBufAllocator.DEFAULT);

  private static RowsMetadata metadata() {
    List<ColumnSpec> specs =
        List.of(
            spec("id", 0, ProtocolConstants.DataType.BIGINT),
            spec("name", 1, ProtocolConstants.DataType.VARCHAR),
            spec("data", 2, ProtocolConstants.DataType.BLOB));
    return new RowsMetadata(specs, ByteBuffer.wrap(new byte[] {7, 8, 9}), new int[] {0}, null);
  }

  private static ColumnSpec spec(String name, int index, int type) {
    return new ColumnSpec("ks", "t", name, index, RawType.PRIMITIVES.get(type));
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static ByteBuffer longValue(long v) {
    return (ByteBuffer) ByteBuffer.allocate(8).putLong(0, v);
  }

  /** Rows with a null, an empty value, a non-ASCII text and a value larger than a segment. */
  private static Queue<List<ByteBuffer>> rows() {
    byte[] big = new byte[200_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    Queue<List<ByteBuffer>> rows = new ArrayDeque<>();
    rows.add(Arrays.asList(longValue(1), bytes("ORD"), ByteBuffer.allocate(0)));
    rows.add(Arrays.asList(longValue(-2), null, ByteBuffer.wrap(big)));
    rows.add(Arrays.asList(null, bytes("Zürich ✈"), null));
    return rows;
  }

  /** The library's encoding of a ROWS result body, spread over a composite buffer in pieces. */
  private static ByteBuf encoded(
      RowsMetadata metadata, Queue<List<ByteBuffer>> rows, int trailing) {
    DefaultRows message = new DefaultRows(metadata, rows);
    DefaultRows.SubCodec library = new DefaultRows.SubCodec(V5);
    ByteBuf whole = Unpooled.buffer(library.encodedSize(message) + trailing);
    library.encode(whole, message, NETTY);
    for (int i = 0; i < trailing; i++) {
      whole.writeByte(0x5a);
    }
    CompositeByteBuf pieces = Unpooled.compositeBuffer();
    int at = 0;
    int step = 7;
    while (at < whole.writerIndex()) {
      int n = Math.min(step, whole.writerIndex() - at);
      pieces.addComponent(true, whole.retainedSlice(at, n));
      at += n;
      step = step * 3 + 1;
    }
    whole.release();
    return pieces;
  }

  private static List<List<ByteBuffer>> drain(Queue<List<ByteBuffer>> data) {
    List<List<ByteBuffer>> rows = new ArrayList<>();
    List<ByteBuffer> row;
    while ((row = data.poll()) != null) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void decodesTheSameMetadataAndValuesAsTheLibraryAndStopsWhereTheRowsEnd() {
    ByteBuf ours = encoded(metadata(), rows(), 3);
    ByteBuf theirs = encoded(metadata(), rows(), 3);
    Rows page = (Rows) new PageRowsCodec(V5).decode(ours, NETTY);
    Rows library = (Rows) new DefaultRows.SubCodec(V5).decode(theirs, NETTY);

    assertInstanceOf(PageRows.class, page.getData());
    assertEquals(library.getMetadata().columnSpecs, page.getMetadata().columnSpecs);
    assertEquals(library.getMetadata().pagingState, page.getMetadata().pagingState);
    assertArrayEquals(library.getMetadata().pkIndices, page.getMetadata().pkIndices);
    assertEquals(3, page.getData().size());
    assertEquals(drain(library.getData()), drain(page.getData()));
    // the trailing bytes stay for whoever reads on, exactly as after the library's decoding
    assertEquals(theirs.readerIndex(), ours.readerIndex());
    assertEquals(3, ours.readableBytes());
    ours.release();
    theirs.release();
  }

  @Test
  void valuesAreFreshBuffersOverTheirOwnBytes() {
    ByteBuf source = encoded(metadata(), rows(), 0);
    Queue<List<ByteBuffer>> data = ((Rows) new PageRowsCodec(V5).decode(source, NETTY)).getData();
    List<ByteBuffer> first = data.peek();
    ByteBuffer name = first.get(1);
    assertEquals(0, name.position());
    assertEquals(3, name.remaining());
    name.get(); // a codec moving one buffer's position leaves the next read alone
    assertEquals(bytes("ORD"), first.get(1));
    byte[] copy = new byte[3];
    ByteBuffer again = first.get(1);
    System.arraycopy(again.array(), again.arrayOffset(), copy, 0, 3);
    assertEquals("ORD", new String(copy, StandardCharsets.US_ASCII));
    assertEquals(0, first.get(2).remaining());
    assertEquals(1L, first.get(0).getLong(0));
    assertEquals(3, first.size());
    assertThrows(IndexOutOfBoundsException.class, () -> first.get(3));
    assertThrows(UnsupportedOperationException.class, () -> first.set(0, null));
    source.release();
  }

  @Test
  void isAQueueThatOnlyGivesRowsOut() {
    ByteBuf source = encoded(metadata(), rows(), 0);
    Queue<List<ByteBuffer>> data = ((Rows) new PageRowsCodec(V5).decode(source, NETTY)).getData();
    assertEquals(3, data.size());
    assertEquals(longValue(1), data.peek().get(0));
    assertEquals(3, data.size(), "peek takes nothing");
    assertEquals(longValue(1), data.poll().get(0));
    assertEquals(2, data.size());
    Iterator<List<ByteBuffer>> rest = data.iterator();
    assertEquals(longValue(-2), rest.next().get(0));
    assertNull(rest.next().get(0));
    assertThrows(NoSuchElementException.class, rest::next);
    assertEquals(2, data.size(), "iterating takes nothing");
    assertThrows(UnsupportedOperationException.class, () -> data.offer(List.of()));
    data.poll();
    data.poll();
    assertNull(data.poll());
    assertNull(data.peek());
    assertTrue(data.isEmpty());
    source.release();
  }

  @Test
  void aResultThatEndsInsideAValueIsRefusedNamingWhere() {
    ByteBuf whole = encoded(metadata(), rows(), 0);
    ByteBuf cut = whole.slice(0, whole.writerIndex() - 5);
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class, () -> new PageRowsCodec(V5).decode(cut, NETTY));
    assertTrue(e.getMessage().contains("row 2, column 1"), e.getMessage());
    whole.release();
  }

  @Test
  void aSourceOtherThanANettyBufferIsDecodedByTheLibrary() {
    ByteBuf netty = encoded(metadata(), rows(), 0);
    ByteBuffer plain = ByteBuffer.allocate(netty.readableBytes());
    netty.readBytes(plain);
    plain.flip();
    Rows rows = (Rows) new PageRowsCodec(V5).decode(plain, ByteBufferCodec.INSTANCE);
    assertInstanceOf(ArrayDeque.class, rows.getData());
    assertEquals(drain(rows()), drain(rows.getData()));
    netty.release();
  }

  @Test
  void onlyProtocolV5ResultsAreDecodedIntoPageRows() {
    FrameCodec<ByteBuf> server = FrameCodec.defaultServer(NETTY, Compressor.none());
    FrameCodec<ByteBuf> client =
        new FrameCodec<>(
            NETTY,
            Compressor.none(),
            new ProtocolV4ClientCodecs(),
            PageRowsCodec.withPageRows(new ProtocolV5ClientCodecs()));
    for (int version : new int[] {ProtocolConstants.Version.V4, V5}) {
      Frame response =
          Frame.forResponse(
              version, 1, null, Frame.NO_PAYLOAD, List.of(), new DefaultRows(metadata(), rows()));
      ByteBuf encoded = server.encode(response);
      Rows decoded = (Rows) client.decode(encoded).message;
      assertEquals(version == V5 ? PageRows.class : ArrayDeque.class, decoded.getData().getClass());
      assertEquals(drain(rows()), drain(decoded.getData()));
      encoded.release();
    }
  }
}
