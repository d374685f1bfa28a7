package io.cqlp.transfer.load;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.rows.TableSchema;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CQL text of COPY FROM's writes: the statement each row is bound to, and its {@code USING}
 * clause. Names are quoted as CQL identifiers ({@link TableSchema#quote}), so any column name is
 * safe.
 */
public final class InsertStatements {

  /** The {@code USING} clause of a write whose write time and TTL are bound (markers 2 and 1). */
  public static final String USING_TIMES = " USING TIMESTAMP ? AND TTL ?";

  private InsertStatements() {}

  /**
   * An INSERT of the columns, or for a counter table an {@code UPDATE ... SET c = c + ?} of its
   * counters keyed by the primary key (counters cannot be inserted), with the markers in the order
   * of {@code columns} either way.
   *
   * @param schema the table written to
   * @param columns the columns written, the primary key's among them; not empty
   * @return the statement's text, without a {@code USING} clause
   */
  public static String insert(TableSchema schema, List<ColumnSpec> columns) {
    boolean counters = columns.stream().anyMatch(c -> c.type() == DataTypes.COUNTER);
    if (counters) {
      List<String> sets = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (ColumnSpec c : columns) {
        String name = TableSchema.quote(c.name());
        if (c.kind() == ColumnKind.PARTITION_KEY || c.kind() == ColumnKind.CLUSTERING) {
          keys.add(name + " = ?");
        } else {
          sets.add(name + " = " + name + " + ?");
        }
      }
      return "UPDATE "
          + schema.qualifiedName()
          + " SET "
          + String.join(", ", sets)
          + " WHERE "
          + String.join(" AND ", keys);
    }
    String names =
        columns.stream().map(c -> TableSchema.quote(c.name())).collect(Collectors.joining(", "));
    String markers = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO " + schema.qualifiedName() + " (" + names + ") VALUES (" + markers + ")";
  }

  /**
   * The {@code USING} clause of every write of an import with the TTL option.
   *
   * @param ttl seconds, or {@code <= 0} for none
   * @return {@code " USING TTL n"}, or empty
   */
  public static String usingTtl(long ttl) {
    return ttl > 0 ? " USING TTL " + ttl : "";
  }

  /**
   * The {@code USING} clause of a literal write with these cell times.
   *
   * @param writetime microseconds since the epoch, or null for the server's time
   * @param ttl seconds, or null for none
   * @return the clause with a leading space, or empty when both are null
   */
  public static String usingLiteral(Long writetime, Integer ttl) {
    if (writetime == null) {
      return ttl == null ? "" : " USING TTL " + ttl;
    }
    return " USING TIMESTAMP " + writetime + (ttl == null ? "" : " AND TTL " + ttl);
  }
}
