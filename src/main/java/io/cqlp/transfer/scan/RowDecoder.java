package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.cqlp.types.ColumnSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes driver rows into value arrays with codecs looked up once per column, not once per value.
 * Immutable and thread-safe.
 *
 * <p>A text or ascii value whose bytes are all ASCII becomes a String by a plain copy; any other
 * text value goes through the driver's codec, which refuses malformed UTF-8 (or non-ASCII ascii)
 * rather than replacing it. The driver's codec allocates a decoder buffer per value, and in an
 * export of mostly ASCII text that was a measurable share of the scan threads' time.
 */
public final class RowDecoder {
  private final TypeCodec<Object>[] codecs;
  private final boolean[] text;
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
    this.text = new boolean[codecs.length];
    for (int i = 0; i < codecs.length; i++) {
      DataType type = columns.get(i).type();
      codecs[i] = registry.codecFor(type);
      text[i] = type.equals(DataTypes.TEXT) || type.equals(DataTypes.ASCII);
    }
    this.protocolVersion = protocolVersion;
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
        values[i] =
            text[i]
                ? text(bytes, codecs[i], protocolVersion)
                : codecs[i].decode(bytes, protocolVersion);
      }
    }
    return values;
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
