package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A table as COPY sees it: keyspace, name, and the columns chosen by the user (or all of them, in
 * cqlsh's order: partition key, clustering columns, then the rest by name), each with its CQL type
 * and key role, taken from the driver's schema metadata.
 *
 * @param keyspace keyspace name as stored (internal form)
 * @param table table name as stored
 * @param columns the selected columns; never empty
 * @param partitionKey the partition key column names, in key order
 * @param clusteringNeverNull whether every row of the table has its clustering columns set: true
 *     for a table without static columns (in a table with them, a partition holding only static
 *     values comes back as a row with null clustering columns, whatever columns are selected)
 */
public record TableSchema(
    String keyspace,
    String table,
    List<ColumnSpec> columns,
    List<String> partitionKey,
    boolean clusteringNeverNull) {

  /** A schema whose clustering columns may be null (query results, files, captures). */
  public TableSchema(
      String keyspace, String table, List<ColumnSpec> columns, List<String> partitionKey) {
    this(keyspace, table, columns, partitionKey, false);
  }

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

  /** {@code "ks"."table"} quoted for CQL text. */
  public String qualifiedName() {
    return quote(keyspace) + "." + quote(table);
  }

  /** A name quoted as a CQL identifier ({@code "a""b"}), always safe in CQL text. */
  public static String quote(String name) {
    return CqlIdentifier.fromInternal(name).asCql(false);
  }

  /** The selected column names quoted and joined with {@code ", "}. */
  public String columnList() {
    return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
  }
}
