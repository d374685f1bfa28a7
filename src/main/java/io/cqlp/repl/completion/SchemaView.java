package io.cqlp.repl.completion;

import java.util.List;

/**
 * The parts of the schema that completion offers, as CQL text (identifiers already quoted where CQL
 * needs quotes, e.g. {@code "MixedCase"}). Read at each TAB, so a view over live metadata follows
 * schema changes.
 */
public interface SchemaView {

  /** Keyspace names; empty when none are known. Never null. */
  List<String> keyspaces();

  /**
   * Table and materialized view names of a keyspace.
   *
   * @param keyspace a keyspace name as CQL text (quoted or not, any case for unquoted names)
   * @return the names; empty for an unknown keyspace. Never null.
   */
  List<String> tables(String keyspace);

  /**
   * Column names of a table, in the table's order (key columns first).
   *
   * @param keyspace a keyspace name as CQL text, or {@code null} for the current keyspace
   * @param table a table name as CQL text
   * @return the names; empty for an unknown table. Never null.
   */
  List<String> columns(String keyspace, String table);

  /** The keyspace of {@code USE}, or {@code null} when none. */
  String currentKeyspace();
}
