package io.cqlp.repl.completion;

import java.util.List;
import java.util.Map;

/**
 * The fixed words completion offers: statement starts (CQL's and the shell's own commands), the
 * keywords that may follow a keyword, CQL types and consistency levels. Words are from the CQL
 * reference of Apache Cassandra 5.0 and cqlsh's command list.
 */
final class CqlWords {
  private CqlWords() {}

  /** Words that start a statement: CQL's, then the shell's commands. */
  static final List<String> STATEMENT_START =
      List.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "BEGIN",
          "APPLY",
          "CREATE",
          "ALTER",
          "DROP",
          "TRUNCATE",
          "USE",
          "GRANT",
          "REVOKE",
          "LIST",
          "COPY",
          "CAPTURE",
          "SOURCE",
          "CONSISTENCY",
          "SERIAL",
          "PAGING",
          "EXPAND",
          "TRACING",
          "DESCRIBE",
          "DESC",
          "SHOW",
          "HELP",
          "LOGIN",
          "CLEAR",
          "EXIT",
          "QUIT");

  /** CQL types, for column definitions in CREATE and ALTER. */
  static final List<String> TYPES =
      List.of(
          "ascii",
          "bigint",
          "blob",
          "boolean",
          "counter",
          "date",
          "decimal",
          "double",
          "duration",
          "float",
          "inet",
          "int",
          "smallint",
          "text",
          "time",
          "timestamp",
          "timeuuid",
          "tinyint",
          "uuid",
          "varchar",
          "varint",
          "vector",
          "frozen",
          "list",
          "map",
          "set",
          "tuple");

  /** Schema object kinds after CREATE, ALTER and DROP. */
  private static final List<String> OBJECTS =
      List.of(
          "KEYSPACE",
          "TABLE",
          "TYPE",
          "INDEX",
          "MATERIALIZED",
          "FUNCTION",
          "AGGREGATE",
          "ROLE",
          "USER",
          "TRIGGER",
          "CUSTOM",
          "OR");

  /** What may follow a keyword, by the keyword (upper case). */
  static final Map<String, List<String>> FOLLOWING =
      Map.ofEntries(
          Map.entry("CREATE", OBJECTS),
          Map.entry("ALTER", OBJECTS),
          Map.entry("DROP", OBJECTS),
          Map.entry("MATERIALIZED", List.of("VIEW")),
          Map.entry("OR", List.of("REPLACE")),
          Map.entry("IF", List.of("NOT", "EXISTS")),
          Map.entry("NOT", List.of("EXISTS", "NULL")),
          Map.entry("INSERT", List.of("INTO")),
          Map.entry("DELETE", List.of("FROM")),
          Map.entry("BEGIN", List.of("BATCH", "UNLOGGED", "COUNTER")),
          Map.entry("UNLOGGED", List.of("BATCH")),
          Map.entry("APPLY", List.of("BATCH")),
          Map.entry("ORDER", List.of("BY")),
          Map.entry("GROUP", List.of("BY")),
          Map.entry("ALLOW", List.of("FILTERING")),
          Map.entry("PRIMARY", List.of("KEY")),
          Map.entry("SERIAL", List.of("CONSISTENCY")),
          Map.entry("PAGING", List.of("ON", "OFF")),
          Map.entry("EXPAND", List.of("ON", "OFF")),
          Map.entry("TRACING", List.of("ON", "OFF")),
          Map.entry("CAPTURE", List.of("OFF")),
          Map.entry("SHOW", List.of("VERSION", "HOST", "SESSION")),
          Map.entry("DESCRIBE", describeWords()),
          Map.entry("DESC", describeWords()),
          Map.entry("SELECT", List.of("*", "DISTINCT", "JSON", "COUNT(*)")),
          Map.entry("VALUES", List.of("(")),
          Map.entry("USING", List.of("TTL", "TIMESTAMP")),
          Map.entry("LIST", List.of("ROLES", "USERS", "ALL", "PERMISSIONS")),
          Map.entry(
              "GRANT", List.of("ALL", "SELECT", "MODIFY", "CREATE", "ALTER", "DROP", "AUTHORIZE")),
          Map.entry(
              "REVOKE",
              List.of("ALL", "SELECT", "MODIFY", "CREATE", "ALTER", "DROP", "AUTHORIZE")));

  /** Clauses that may follow the table of a statement, by the statement's first word. */
  static final Map<String, List<String>> AFTER_TABLE =
      Map.of(
          "SELECT", List.of("WHERE", "LIMIT", "PER", "GROUP", "ORDER", "ALLOW"),
          "DELETE", List.of("WHERE", "USING"),
          "UPDATE", List.of("SET", "USING"),
          "INSERT", List.of("(", "JSON"),
          "COPY", List.of("TO", "FROM", "("),
          "TRUNCATE", List.of(),
          "DROP", List.of(),
          "ALTER", List.of("ADD", "DROP", "ALTER", "RENAME", "WITH"));

  /** Words that may come after a complete condition or assignment. */
  static final List<String> CLAUSES =
      List.of(
          "AND",
          "WHERE",
          "IF",
          "LIMIT",
          "ORDER",
          "GROUP",
          "ALLOW",
          "USING",
          "WITH",
          "IN",
          "CONTAINS",
          "TOKEN",
          "NULL",
          "TRUE",
          "FALSE");

  /** Values of boolean options. */
  static final List<String> BOOLEANS = List.of("true", "false");

  private static List<String> describeWords() {
    return List.of(
        "KEYSPACES",
        "KEYSPACE",
        "TABLES",
        "TABLE",
        "TYPES",
        "TYPE",
        "FUNCTIONS",
        "FUNCTION",
        "AGGREGATES",
        "AGGREGATE",
        "MATERIALIZED",
        "INDEX",
        "CLUSTER",
        "SCHEMA",
        "FULL");
  }
}
