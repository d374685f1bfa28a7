package io.cqlp.wire;

import com.datastax.oss.protocol.internal.PrimitiveCodec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The native protocol's primitive types ({@code [int]}, {@code [string]}, {@code [bytes]}, ...)
 * read from and written to heap {@link ByteBuffer}s, for the protocol library's frame and segment
 * codecs without Netty.
 *
 * <p>A buffer here has the two indexes of a Netty buffer: reads take bytes from {@code position()}
 * up to {@code limit()}, and writes append at {@code limit()}, up to {@code capacity()}. {@link
 * #allocate} returns an empty buffer ({@code limit() == 0}) of the given capacity, so a buffer that
 * was written is ready to be read (or sent) from its position without a flip.
 *
 * <p>Encodings are those of the native protocol specification, section 3 ("Notations"): big-endian
 * integers, {@code [string]} as an unsigned short length and UTF-8 bytes, {@code [long string]} and
 * {@code [bytes]} with an int length, where a negative {@code [bytes]} length is null.
 */
public final class ByteBufferCodec implements PrimitiveCodec<ByteBuffer> {
  /** The one instance: the codec keeps no state. */
  public static final ByteBufferCodec INSTANCE = new ByteBufferCodec();

  private ByteBufferCodec() {}

  /**
   * @param size the capacity in bytes, at least 0
   * @return an empty heap buffer that can take {@code size} bytes of writes
   */
  @Override
  public ByteBuffer allocate(int size) {
    return ByteBuffer.allocate(size).limit(0);
  }

  @Override
  public void release(ByteBuffer buffer) {
    // heap buffers: the collector frees them
  }

  @Override
  public int sizeOf(ByteBuffer buffer) {
    return buffer.remaining();
  }

  @Override
  public ByteBuffer concat(ByteBuffer left, ByteBuffer right) {
    ByteBuffer both = allocate(left.remaining() + right.remaining());
    append(both, left);
    append(both, right);
    return both;
  }

  @Override
  public void markReaderIndex(ByteBuffer buffer) {
    buffer.mark();
  }

  @Override
  public void resetReaderIndex(ByteBuffer buffer) {
    buffer.reset();
  }

  @Override
  public byte readByte(ByteBuffer source) {
    return source.get();
  }

  @Override
  public int readInt(ByteBuffer source) {
    return source.getInt();
  }

  /** The int {@code offset} bytes after the read position, which does not move. */
  @Override
  public int readInt(ByteBuffer source, int offset) {
    return source.getInt(source.position() + offset);
  }

  @Override
  public InetAddress readInetAddr(ByteBuffer source) {
    byte[] address = new byte[source.get() & 0xFF];
    source.get(address);
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "an [inetaddr] of " + address.length + " bytes (expected 4 or 16)", e);
    }
  }

  @Override
  public long readLong(ByteBuffer source) {
    return source.getLong();
  }

  @Override
  public int readUnsignedShort(ByteBuffer source) {
    return source.getShort() & 0xFFFF;
  }

  /** A {@code [bytes]}: null for a negative length, else a view of the bytes (position 0). */
  @Override
  public ByteBuffer readBytes(ByteBuffer source) {
    int length = source.getInt();
    return length < 0 ? null : take(source, length);
  }

  @Override
  public byte[] readShortBytes(ByteBuffer source) {
    byte[] bytes = new byte[readUnsignedShort(source)];
    source.get(bytes);
    return bytes;
  }

  @Override
  public String readString(ByteBuffer source) {
    return utf8(source, readUnsignedShort(source));
  }

  @Override
  public String readLongString(ByteBuffer source) {
    return utf8(source, source.getInt());
  }

  @Override
  public ByteBuffer readRetainedSlice(ByteBuffer source, int sliceLength) {
    return take(source, sliceLength);
  }

  /** Adds the readable bytes to {@code crc}; the read position does not move. */
  @Override
  public void updateCrc(ByteBuffer source, CRC32 crc) {
    crc.update(source.duplicate());
  }

  @Override
  public void writeByte(byte b, ByteBuffer dest) {
    dest.put(grow(dest, 1), b);
  }

  @Override
  public void writeInt(int i, ByteBuffer dest) {
    dest.putInt(grow(dest, 4), i);
  }

  @Override
  public void writeInetAddr(InetAddress address, ByteBuffer dest) {
    byte[] bytes = address.getAddress();
    writeByte((byte) bytes.length, dest);
    dest.put(grow(dest, bytes.length), bytes);
  }

  @Override
  public void writeLong(long l, ByteBuffer dest) {
    dest.putLong(grow(dest, 8), l);
  }

  @Override
  public void writeUnsignedShort(int i, ByteBuffer dest) {
    dest.putShort(grow(dest, 2), (short) i);
  }

  @Override
  public void writeString(String s, ByteBuffer dest) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeUnsignedShort(bytes.length, dest);
    dest.put(grow(dest, bytes.length), bytes);
  }

  @Override
  public void writeLongString(String s, ByteBuffer dest) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeInt(bytes.length, dest);
    dest.put(grow(dest, bytes.length), bytes);
  }

  /** A {@code [bytes]}: length -1 for null. */
  @Override
  public void writeBytes(ByteBuffer bytes, ByteBuffer dest) {
    if (bytes == null) {
      writeInt(-1, dest);
    } else {
      writeInt(bytes.remaining(), dest);
      append(dest, bytes);
    }
  }

  /** A {@code [bytes]}: length -1 for null. */
  @Override
  public void writeBytes(byte[] bytes, ByteBuffer dest) {
    if (bytes == null) {
      writeInt(-1, dest);
    } else {
      writeInt(bytes.length, dest);
      dest.put(grow(dest, bytes.length), bytes);
    }
  }

  @Override
  public void writeShortBytes(byte[] bytes, ByteBuffer dest) {
    writeUnsignedShort(bytes.length, dest);
    dest.put(grow(dest, bytes.length), bytes);
  }

  /** Appends the readable bytes of {@code source} to {@code dest}; source's position stays. */
  static void append(ByteBuffer dest, ByteBuffer source) {
    int length = source.remaining();
    dest.put(grow(dest, length), source, source.position(), length);
  }

  /** Extends the written part by {@code length} bytes and returns where they start. */
  private static int grow(ByteBuffer dest, int length) {
    int at = dest.limit();
    dest.limit(at + length);
    return at;
  }

  private static ByteBuffer take(ByteBuffer source, int length) {
    int at = source.position();
    ByteBuffer slice = source.slice(at, length);
    source.position(at + length);
    return slice;
  }

  private static String utf8(ByteBuffer source, int length) {
    int at = source.position();
    String s;
    if (source.hasArray()) {
      s = new String(source.array(), source.arrayOffset() + at, length, StandardCharsets.UTF_8);
    } else {
      byte[] bytes = new byte[length];
      source.get(at, bytes);
      s = new String(bytes, StandardCharsets.UTF_8);
    }
    source.position(at + length);
    return s;
  }
}
