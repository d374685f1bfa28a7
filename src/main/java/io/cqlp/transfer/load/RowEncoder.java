package io.cqlp.transfer.load;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.cqlp.rows.TableSchema;
import io.cqlp.types.ColumnSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds rows of values to one prepared statement, with each column's codec looked up once: each
 * value goes to the marker of its column's name; NULLs, and columns the statement does not name
 * (time columns, the clustering columns of a static-only write), stay unset, so an import writes no
 * tombstones (DSBulk's default). Not thread-safe.
 */
public final class RowEncoder {
  private final List<ColumnSpec> columns;
  private final PreparedStatement statement;
  private final TypeCodec<Object>[] codecs;
  private final int[] markers;
  private final ProtocolVersion protocolVersion;
  private LiteralWrite literalWrite;
  private int lastSize;

  /**
   * @param columns the columns of the rows bound, in row order
   * @param statement the statement they are bound to
   * @param session gives the codec registry and protocol version
   */
  @SuppressWarnings("unchecked")
  public RowEncoder(List<ColumnSpec> columns, PreparedStatement statement, CqlSession session) {
    CodecRegistry registry = session.getContext().getCodecRegistry();
    this.columns = columns;
    this.statement = statement;
    codecs = (TypeCodec<Object>[]) new TypeCodec<?>[columns.size()];
    markers = new int[columns.size()];
    for (int i = 0; i < codecs.length; i++) {
      codecs[i] = registry.codecFor(columns.get(i).type());
      markers[i] =
          statement
              .getVariableDefinitions()
              .firstIndexOf(CqlIdentifier.fromInternal(columns.get(i).name()));
    }
    protocolVersion = session.getContext().getProtocolVersion();
  }

  /** The statement rows are bound to. */
  public PreparedStatement statement() {
    return statement;
  }

  /**
   * Binds one row.
   *
   * @param row one value per column, driver Java types, nulls allowed
   * @return a builder with the row's non-null values set; the caller may set more (cell times)
   */
  public BoundStatementBuilder bind(Object[] row) {
    BoundStatementBuilder builder = statement.boundStatementBuilder();
    int size = 0;
    for (int i = 0; i < codecs.length; i++) {
      if (row[i] != null && markers[i] >= 0) {
        ByteBuffer bytes = codecs[i].encode(row[i], protocolVersion);
        size += bytes == null ? 0 : bytes.remaining();
        builder.setBytesUnsafe(markers[i], bytes);
      }
    }
    lastSize = size;
    return builder;
  }

  /** Bytes of values bound by the last {@link #bind} call. */
  public int lastSize() {
    return lastSize;
  }

  /**
   * Writes of this encoder's columns as CQL text with literal values (PREPAREDSTATEMENTS=false),
   * built once.
   *
   * @param table the table's qualified, quoted name
   * @param counters whether it is a counter table
   */
  public LiteralWrite literals(String table, boolean counters) {
    if (literalWrite == null) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < markers.length; i++) {
        names.add(markers[i] >= 0 ? TableSchema.quote(columns.get(i).name()) : null);
      }
      literalWrite = new LiteralWrite(table, names, columns, counters);
    }
    return literalWrite;
  }
}
