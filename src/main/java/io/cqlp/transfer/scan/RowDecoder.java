package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.cqlp.types.ColumnSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Decodes driver rows into value arrays with codecs looked up once per column, not once per value.
 * Immutable and thread-safe.
 *
 * <p>A text or ascii value whose bytes are all ASCII becomes a String by a plain copy; any other
 * text value goes through the driver's codec, which refuses malformed UTF-8 (or non-ASCII ascii)
 * rather than replacing it. The driver's codec allocates a decoder buffer per value, and in an
 * export of mostly ASCII text that was a measurable share of the scan threads' time.
 *
 * <p>A bigint, counter, timestamp, int or double value of its type's full width is read here, when
 * the registry's codec is the driver's own ({@link TypeCodecs}): the same value the codec gives,
 * without a call through the column's codec, which the JIT cannot inline where the codec differs
 * column by column. Any other width (an empty value, a malformed one) goes to the codec, which
 * decides as before: {@code null} for an empty value, an {@link IllegalArgumentException} for a
 * malformed one.
 */
public final class RowDecoder {
  private static final byte CODEC = 0;
  private static final byte TEXT = 1;
  private static final byte LONG = 2;
  private static final byte TIMESTAMP = 3;
  private static final byte INT = 4;
  private static final byte DOUBLE = 5;
  // a full-width value's bytes, by kind (none for CODEC and TEXT)
  private static final int[] WIDTHS = {-1, -1, Long.BYTES, Long.BYTES, Integer.BYTES, Double.BYTES};

  private final TypeCodec<Object>[] codecs;
  private final byte[] kinds;
  private final ProtocolVersion protocolVersion;

  /**
   * @param columns the columns, in the order the query selects them
   * @param registry the session's codec registry
   * @param protocolVersion the session's protocol version
   */
  @SuppressWarnings("unchecked")
  public RowDecoder(
      List<ColumnSpec> columns, CodecRegistry registry, ProtocolVersion protocolVersion) {
    this.codecs = (TypeCodec<Object>[]) new TypeCodec<?>[columns.size()];
    this.kinds = new byte[codecs.length];
    for (int i = 0; i < codecs.length; i++) {
      DataType type = columns.get(i).type();
      codecs[i] = registry.codecFor(type);
      kinds[i] = kind(type, codecs[i]);
    }
    this.protocolVersion = protocolVersion;
  }

  private static byte kind(DataType type, TypeCodec<?> codec) {
    if (type.equals(DataTypes.TEXT) || type.equals(DataTypes.ASCII)) {
      return TEXT;
    }
    if (codec == TypeCodecs.BIGINT || codec == TypeCodecs.COUNTER) {
      return LONG;
    }
    if (codec == TypeCodecs.TIMESTAMP) {
      return TIMESTAMP;
    }
    if (codec == TypeCodecs.INT) {
      return INT;
    }
    return codec == TypeCodecs.DOUBLE ? DOUBLE : CODEC;
  }

  /**
   * One value per column in the driver's Java types; {@code null} for CQL NULL. A NULL is
   * recognised by its bytes, before any codec: the driver's collection codecs decode NULL as an
   * empty collection, which would lose the difference between a null and an empty frozen
   * collection.
   */
  public Object[] decode(Row row) {
    Object[] values = new Object[codecs.length];
    for (int i = 0; i < codecs.length; i++) {
      ByteBuffer bytes = row.getBytesUnsafe(i);
      if (bytes != null) {
        values[i] = value(kinds[i], bytes, codecs[i]);
      }
    }
    return values;
  }

  private Object value(byte kind, ByteBuffer bytes, TypeCodec<Object> codec) {
    if (kind == TEXT) {
      return text(bytes, codec, protocolVersion);
    }
    if (kind == CODEC || bytes.remaining() != WIDTHS[kind]) {
      return codec.decode(bytes, protocolVersion);
    }
    int at = bytes.position();
    switch (kind) {
      case LONG:
        return bytes.getLong(at);
      case TIMESTAMP:
        return Instant.ofEpochMilli(bytes.getLong(at));
      case INT:
        return bytes.getInt(at);
      default:
        return bytes.getDouble(at);
    }
  }

  /**
   * A text or ascii value: a plain copy when every byte is ASCII, else {@code strict}'s decoding.
   *
   * @param bytes the value's bytes, not null; its position is left as it is
   * @param strict the driver's codec of the column's type
   * @throws IllegalArgumentException (from the driver's codec) for malformed UTF-8, or a byte over
   *     0x7F in an ascii value
   */
  static Object text(ByteBuffer bytes, TypeCodec<Object> strict, ProtocolVersion version) {
    if (bytes.hasArray()) {
      byte[] a = bytes.array();
      int from = bytes.arrayOffset() + bytes.position();
      int to = from + bytes.remaining();
      for (int i = from; i < to; i++) {
        if (a[i] < 0) {
          return strict.decode(bytes, version);
        }
      }
      // ASCII is the same in ISO-8859-1, whose decoding is a copy into a Latin-1 String.
      return new String(a, from, to - from, StandardCharsets.ISO_8859_1);
    }
    return strict.decode(bytes, version);
  }
}
