package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.cqlp.types.ColumnSpec;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Decodes driver rows into value arrays with codecs looked up once per column, not once per
 * value. Immutable and thread-safe.
 */
public final class RowDecoder {
  private final TypeCodec<Object>[] codecs;
  private final ProtocolVersion protocolVersion;

  /**
   * @param columns the columns, in the order the query selects them
   * @param registry the session's codec registry
   * @param protocolVersion the session's protocol version
   */
  @SuppressWarnings("unchecked")
  public RowDecoder(List<ColumnSpec> columns, CodecRegistry registry, ProtocolVersion protocolVersion) {
    this.codecs = new TypeCodec[columns.size()];
    for (int i = 0; i < codecs.length; i++) {
      codecs[i] = registry.codecFor(columns.get(i).type());
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
      values[i] = bytes == null ? null : codecs[i].decode(bytes, protocolVersion);
    }
    return values;
  }
}
