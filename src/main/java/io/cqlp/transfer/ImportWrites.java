package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.transfer.load.InsertStatements;
import io.cqlp.transfer.load.LoadRow;
import io.cqlp.transfer.load.PartitionBatcher;
import io.cqlp.transfer.load.RowEncoder;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns each row an import reads into its writes: the prepared INSERT (or counter UPDATE) the row
 * is bound to, one write per distinct write time and TTL of its cells when the input carries them
 * ({@link CellTimes#split}), CQL text with literal values under PREPAREDSTATEMENTS=false, and the
 * partition-only INSERT of a row that holds only static values. The statements are prepared once,
 * by {@link #prepare}.
 */
final class ImportWrites {
  private final ConsistencyLevel consistency;
  private final RowEncoder rows;
  private final RowEncoder staticOnly;
  private final int[] mustBeNull;
  private final CellTimes cellTimes;
  private final String usingTtl;
  private final String literalTable;
  private final boolean counters;

  private ImportWrites(
      ConsistencyLevel consistency,
      RowEncoder rows,
      RowEncoder staticOnly,
      int[] mustBeNull,
      CellTimes cellTimes,
      String usingTtl,
      String literalTable,
      boolean counters) {
    this.consistency = consistency;
    this.rows = rows;
    this.staticOnly = staticOnly;
    this.mustBeNull = mustBeNull;
    this.cellTimes = cellTimes;
    this.usingTtl = usingTtl;
    this.literalTable = literalTable;
    this.counters = counters;
  }

  /**
   * Prepares the writes of rows of {@code columns}.
   *
   * @param plan the import
   * @param columns the columns the source delivers, in row order
   * @param times whether the rows carry write times and TTLs to apply ({@link
   *     ImportPlan#appliesTimes})
   * @param session prepares the statements
   * @param consistency every write's consistency level
   * @throws TransferException when TTL is set on a counter table
   */
  static ImportWrites prepare(
      ImportPlan plan,
      List<ColumnSpec> columns,
      boolean times,
      CqlSession session,
      ConsistencyLevel consistency) {
    TableSchema schema = plan.schema();
    long ttl = plan.settings().ttl();
    boolean counters = columns.stream().anyMatch(c -> c.type() == DataTypes.COUNTER);
    if (counters && ttl > 0) {
      throw new TransferException("TTL cannot be set on counter columns; drop the TTL option.");
    }
    String usingTtl = InsertStatements.usingTtl(ttl);
    String using = times ? InsertStatements.USING_TIMES : usingTtl;
    RowEncoder rows =
        new RowEncoder(
            columns,
            session.prepare(
                InsertStatements.insert(schema, CellTimes.tableColumns(columns)) + using),
            session);
    // A partition holding only static values is scanned as a row with null clustering and regular
    // columns; Cassandra refuses an INSERT whose clustering columns are unset, so such a row is
    // written by an INSERT of the partition key and the static columns alone.
    boolean clustering = columns.stream().anyMatch(c -> c.kind() == ColumnKind.CLUSTERING);
    boolean statics = columns.stream().anyMatch(c -> c.kind() == ColumnKind.STATIC);
    RowEncoder staticOnly = null;
    int[] mustBeNull = new int[0];
    if (!counters && clustering && statics) {
      List<ColumnSpec> kept =
          columns.stream()
              .filter(c -> c.kind() == ColumnKind.PARTITION_KEY || c.kind() == ColumnKind.STATIC)
              .toList();
      staticOnly =
          new RowEncoder(
              columns, session.prepare(InsertStatements.insert(schema, kept) + using), session);
      mustBeNull =
          IntStream.range(0, columns.size())
              .filter(
                  i ->
                      columns.get(i).kind() == ColumnKind.CLUSTERING
                          || columns.get(i).kind() == ColumnKind.REGULAR)
              .toArray();
    }
    return new ImportWrites(
        consistency,
        rows,
        staticOnly,
        mustBeNull,
        times ? CellTimes.forRows(columns) : null,
        usingTtl,
        plan.settings().preparedStatements() ? null : schema.qualifiedName(),
        counters);
  }

  /** Whether the table's columns written are counters (each batch then holds one row). */
  boolean counters() {
    return counters;
  }

  /**
   * Hands the writes of one row to the batcher.
   *
   * @param row one value per source column
   * @param record the row's input text for ERRFILE, or null
   * @param batcher groups the writes by partition and sends them
   * @return the writes beyond the row's first (cells with different write times)
   * @throws InterruptedException if interrupted while waiting for room in flight
   */
  int add(Object[] row, String record, PartitionBatcher batcher) throws InterruptedException {
    RowEncoder encoder = staticOnly != null && onlyStatic(row) ? staticOnly : rows;
    if (cellTimes == null) {
      BoundStatementBuilder bound = encoder.bind(row).setConsistencyLevel(consistency);
      BatchableStatement<?> write =
          literalTable == null
              ? bound.build()
              : encoder.literals(literalTable, counters).statement(bound.build(), row, usingTtl);
      batcher.add(new LoadRow(write, row, record), encoder.lastSize());
      return 0;
    }
    List<CellTimes.Write> writes = cellTimes.split(row);
    int n = encoder.statement().getVariableDefinitions().size();
    for (CellTimes.Write w : writes) {
      BoundStatementBuilder bound = encoder.bind(w.values()).setConsistencyLevel(consistency);
      bound = w.writetime() == null ? bound : bound.setLong(n - 2, w.writetime());
      bound = w.ttl() == null ? bound : bound.setInt(n - 1, w.ttl());
      BatchableStatement<?> write =
          literalTable == null
              ? bound.build()
              : encoder
                  .literals(literalTable, counters)
                  .statement(
                      bound.build(),
                      w.values(),
                      InsertStatements.usingLiteral(w.writetime(), w.ttl()));
      batcher.add(new LoadRow(write, row, record), encoder.lastSize());
    }
    return writes.size() - 1;
  }

  /** Whether the row's clustering and regular values are all null. */
  private boolean onlyStatic(Object[] row) {
    for (int i : mustBeNull) {
      if (row[i] != null) {
        return false;
      }
    }
    return true;
  }
}
