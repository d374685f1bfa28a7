package io.cqlp.rows;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table as COPY sees it: keyspace, name, and the columns chosen by the user (or all of them, in
 * cqlsh's order: partition key, clustering columns, then the rest by name), each with its CQL type
 * and key role (from the driver's schema metadata: {@link io.cqlp.transfer.TableLookup}).
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
   * The same table with other columns: those a file holds beside the table's own (write-time and
   * TTL columns), for instance.
   *
   * @param columns the new columns, in row order; not empty
   * @return a schema with the same keyspace, table, partition key and clustering rule
   */
  public TableSchema withColumns(List<ColumnSpec> columns) {
    return new TableSchema(keyspace, table, columns, partitionKey, clusteringNeverNull);
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
