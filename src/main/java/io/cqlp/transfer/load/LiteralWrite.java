package io.cqlp.transfer.load;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * A row's write as an unprepared statement whose values are CQL literals, for COPY FROM's {@code
 * PREPAREDSTATEMENTS=false}: cqlsh's COPY FROM then sends {@code INSERT INTO ks.t (a, b) VALUES (1,
 * 'x')} text that the coordinator parses for every row instead of executing a prepared statement
 * (copyutil.py's {@code use_prepared_statements}). The workflow still prepares the write once: its
 * bound form gives each row's routing key.
 *
 * <p>Literals are {@link CqlLiteral}'s, exact for every CQL type: the table reads back the same
 * values as after a prepared write. As in the prepared write, a NULL value is left out (no
 * tombstone), and a counter table gets {@code UPDATE ... SET c = c + n WHERE ...}. The statement
 * keeps the bound write's routing key, consistency level and idempotence, so it is routed to a
 * replica and batched with its partition as before.
 */
public final class LiteralWrite {
  private final String target;
  private final List<String> names;
  private final List<ColumnSpec> specs;
  private final boolean counters;

  /**
   * @param target the table's qualified, quoted name ({@code "ks"."t"})
   * @param names each value's quoted column name, or {@code null} for a value the write leaves out
   *     (a writetime(c) or ttl(c) column, a column the statement does not name)
   * @param columns each value's column: its CQL type and kind
   * @param counters whether the table is a counter table
   */
  public LiteralWrite(
      String target, List<String> names, List<ColumnSpec> columns, boolean counters) {
    this.target = target;
    this.names = names;
    this.specs = List.copyOf(columns);
    this.counters = counters;
  }

  /**
   * The text of one row's write.
   *
   * @param row one value per column given to the constructor, driver Java types, nulls allowed
   * @param using the USING clause with a leading space ({@code " USING TTL 60"}), or {@code ""}
   * @return the CQL text with literal values
   */
  public String text(Object[] row, String using) {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null || names.get(i) == null) {
        continue;
      }
      String literal = CqlLiteral.of(specs.get(i).type(), row[i]);
      if (counters) {
        boolean key =
            specs.get(i).kind() == ColumnKind.PARTITION_KEY
                || specs.get(i).kind() == ColumnKind.CLUSTERING;
        (key ? keys : values)
            .add(names.get(i) + (key ? " = " + literal : " = " + names.get(i) + " + " + literal));
      } else {
        columns.add(names.get(i));
        values.add(literal);
      }
    }
    if (counters) {
      return "UPDATE "
          + target
          + using
          + " SET "
          + (values.isEmpty() ? firstCounter() : String.join(", ", values))
          + " WHERE "
          + String.join(" AND ", keys);
    }
    return "INSERT INTO "
        + target
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", values)
        + ")"
        + using;
  }

  /**
   * A counter row whose counters are all NULL adds nothing: {@code c = c + 0} (cqlsh writes 0 too).
   */
  private String firstCounter() {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) != null && specs.get(i).kind() == ColumnKind.REGULAR) {
        return names.get(i) + " = " + names.get(i) + " + 0";
      }
    }
    throw new IllegalStateException("a counter table without a counter column");
  }

  /**
   * The unprepared write of one row.
   *
   * @param bound the row's prepared write, for its routing key, consistency and idempotence
   * @param row as for {@link #text}
   * @param using as for {@link #text}
   * @return a statement that carries {@code bound}'s routing key, so batching by partition and
   *     token-aware routing are unchanged
   */
  public SimpleStatement statement(BoundStatement bound, Object[] row, String using) {
    return SimpleStatement.builder(text(row, using))
        .setRoutingKeyspace(
            bound.getPreparedStatement().getVariableDefinitions().get(0).getKeyspace())
        .setRoutingKey(bound.getRoutingKey())
        .setConsistencyLevel(bound.getConsistencyLevel())
        .setIdempotence(bound.isIdempotent())
        .build();
  }
}
