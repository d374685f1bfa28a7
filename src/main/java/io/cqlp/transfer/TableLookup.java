package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@link TableSchema} of a table from the driver's schema metadata: the one place where
 * a COPY's table meets the driver's metadata API.
 */
public final class TableLookup {

  private TableLookup() {}

  /**
   * Looks a table up in the session's schema metadata.
   *
   * @param session an open session
   * @param keyspace keyspace as typed and folded by the parser, or {@code null} for the session's
   *     current keyspace
   * @param table table name as folded by the parser
   * @param selected column names to keep, in this order; empty for all columns
   * @return the schema; never null
   * @throws TransferException if there is no keyspace, or the keyspace, table or a column does not
   *     exist (the message lists what does)
   */
  public static TableSchema resolve(
      CqlSession session, String keyspace, String table, List<String> selected) {
    String ks =
        keyspace != null
            ? keyspace
            : session.getKeyspace().map(CqlIdentifier::asInternal).orElse(null);
    if (ks == null) {
      throw new TransferException(
          "No keyspace for table '" + table + "': write keyspace.table or USE a keyspace first.");
    }
    KeyspaceMetadata keyspaceMetadata =
        session
            .getMetadata()
            .getKeyspace(CqlIdentifier.fromInternal(ks))
            .orElseThrow(() -> new TransferException("Keyspace '" + ks + "' does not exist."));
    TableMetadata tableMetadata =
        keyspaceMetadata
            .getTable(CqlIdentifier.fromInternal(table))
            .orElseThrow(
                () -> new TransferException("Table '" + ks + "." + table + "' does not exist."));
    Map<String, ColumnSpec> all = new LinkedHashMap<>();
    for (ColumnMetadata column : tableMetadata.getPartitionKey()) {
      all.put(column.getName().asInternal(), spec(column, ColumnKind.PARTITION_KEY));
    }
    for (ColumnMetadata column : tableMetadata.getClusteringColumns().keySet()) {
      all.put(column.getName().asInternal(), spec(column, ColumnKind.CLUSTERING));
    }
    tableMetadata.getColumns().values().stream()
        .filter(c -> !all.containsKey(c.getName().asInternal()))
        .sorted((a, b) -> a.getName().asInternal().compareTo(b.getName().asInternal()))
        .forEach(
            c ->
                all.put(
                    c.getName().asInternal(),
                    spec(c, c.isStatic() ? ColumnKind.STATIC : ColumnKind.REGULAR)));
    List<ColumnSpec> columns = new ArrayList<>();
    if (selected.isEmpty()) {
      columns.addAll(all.values());
    } else {
      for (String name : selected) {
        ColumnSpec column = all.get(name);
        if (column == null) {
          throw new TransferException(
              "Column '"
                  + name
                  + "' does not exist in "
                  + ks
                  + "."
                  + table
                  + "; its columns are: "
                  + String.join(", ", all.keySet())
                  + ".");
        }
        columns.add(column);
      }
    }
    List<String> partitionKey =
        tableMetadata.getPartitionKey().stream()
            .map(c -> c.getName().asInternal())
            .collect(Collectors.toList());
    boolean noStatics =
        tableMetadata.getColumns().values().stream().noneMatch(ColumnMetadata::isStatic);
    return new TableSchema(ks, table, List.copyOf(columns), List.copyOf(partitionKey), noStatics);
  }

  private static ColumnSpec spec(ColumnMetadata column, ColumnKind kind) {
    return new ColumnSpec(column.getName().asInternal(), column.getType(), kind);
  }
}
