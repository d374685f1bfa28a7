package io.cqlp.session;

import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.PrimitiveCodec;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.Result;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.Prepared;
import com.datastax.oss.protocol.internal.response.result.RowsMetadata;
import com.datastax.oss.protocol.internal.response.result.SchemaChange;
import com.datastax.oss.protocol.internal.response.result.SetKeyspace;
import com.datastax.oss.protocol.internal.response.result.Void;
import io.netty.buffer.ByteBuf;

/**
 * Decodes a ROWS result (native protocol v5 spec, section 4.2.5.2) into {@link PageRows}: the row
 * data is copied out of the frame in one piece and its cells are indexed, instead of one read and
 * one buffer per cell. The driver's decoding reads every cell of every page through Netty's
 * composite buffer on its one I/O thread: about a tenth of a 3M-row export's client CPU time, and
 * half of that thread's (bench/results/2026-12-04-profile.txt); here that is one copy per page and
 * a loop over an array.
 *
 * <p>The result's metadata is decoded by the protocol library as before; only the rows differ, and
 * they hold the same values: the same bytes for each cell, {@code null} for a negative length. A
 * source that is not a Netty buffer (never in the driver) is decoded by the library's own codec.
 * Encoding, which a client never does for results, is the library's.
 *
 * <p>Thread-safe and stateless.
 */
final class PageRowsCodec extends Result.SubCodec {
  private final DefaultRows.SubCodec library;

  /**
   * @param protocolVersion the protocol version whose results this decodes (v5)
   */
  PageRowsCodec(int protocolVersion) {
    super(ProtocolConstants.ResultKind.ROWS, protocolVersion);
    this.library = new DefaultRows.SubCodec(protocolVersion);
  }

  /**
   * The protocol library's codecs of {@code group}, with the RESULT decoder of protocol v5 (the
   * library's default one) replaced by one whose ROWS results are {@link PageRows}; every other
   * codec, and the RESULT decoders of other versions (DataStax Enterprise's among them), as they
   * are.
   */
  static FrameCodec.CodecGroup withPageRows(FrameCodec.CodecGroup group) {
    return registry -> group.registerCodecs(new ReplacingRegistry(registry));
  }

  @Override
  public <B> void encode(B dest, Message message, PrimitiveCodec<B> encoder) {
    library.encode(dest, message, encoder);
  }

  @Override
  public int encodedSize(Message message) {
    return library.encodedSize(message);
  }

  /**
   * @throws IndexOutOfBoundsException when the result ends inside a cell (a broken frame), as the
   *     library's decoding does
   */
  @Override
  public <B> Message decode(B source, PrimitiveCodec<B> decoder) {
    if (!(source instanceof ByteBuf buffer)) {
      return library.decode(source, decoder);
    }
    RowsMetadata metadata = RowsMetadata.decode(source, decoder, false, protocolVersion);
    int rowCount = decoder.readInt(source);
    int columns = metadata.columnCount;
    if (rowCount < 0) {
      throw new IndexOutOfBoundsException("ROWS result with " + rowCount + " rows");
    }
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.getBytes(buffer.readerIndex(), bytes);
    int cells = Math.multiplyExact(rowCount, columns);
    int[] starts = new int[cells];
    int[] lengths = new int[cells];
    int at = 0;
    for (int cell = 0; cell < cells; cell++) {
      if (at + 4 > bytes.length) {
        throw truncated(cell, columns, at, bytes.length);
      }
      int length =
          (bytes[at] << 24)
              | (bytes[at + 1] & 0xff) << 16
              | (bytes[at + 2] & 0xff) << 8
              | (bytes[at + 3] & 0xff);
      at += 4;
      if (length < 0) {
        lengths[cell] = -1;
      } else {
        if (length > bytes.length - at) {
          throw truncated(cell, columns, at, bytes.length);
        }
        starts[cell] = at;
        lengths[cell] = length;
        at += length;
      }
    }
    buffer.skipBytes(at);
    return new DefaultRows(metadata, new PageRows(bytes, starts, lengths, rowCount, columns));
  }

  private static IndexOutOfBoundsException truncated(int cell, int columns, int at, int size) {
    return new IndexOutOfBoundsException(
        "ROWS result ends inside row "
            + (columns == 0 ? 0 : cell / columns)
            + ", column "
            + (columns == 0 ? 0 : cell % columns)
            + " (byte "
            + at
            + " of "
            + size
            + ")");
  }

  /** Passes codecs on to the frame codec's registry, swapping the v5 RESULT decoder. */
  private record ReplacingRegistry(FrameCodec.CodecGroup.Registry target)
      implements FrameCodec.CodecGroup.Registry {
    @Override
    public FrameCodec.CodecGroup.Registry addCodec(Message.Codec codec) {
      target.addEncoder(codec);
      addDecoder(codec);
      return this;
    }

    @Override
    public FrameCodec.CodecGroup.Registry addEncoder(Message.Codec codec) {
      target.addEncoder(codec);
      return this;
    }

    @Override
    public FrameCodec.CodecGroup.Registry addDecoder(Message.Codec codec) {
      int version = codec.protocolVersion;
      target.addDecoder(
          codec.getClass() == Result.Codec.class && version == ProtocolConstants.Version.V5
              ? new Result.Codec(
                  version,
                  new Void.SubCodec(version),
                  new PageRowsCodec(version),
                  new SetKeyspace.SubCodec(version),
                  new Prepared.SubCodec(version),
                  new SchemaChange.SubCodec(version))
              : codec);
      return this;
    }
  }
}
