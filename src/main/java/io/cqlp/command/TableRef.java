package io.cqlp.command;

import java.util.Objects;

/**
 * A table name as typed, {@code [keyspace.]table}.
 *
 * <p>Names are CQL's internal form: unquoted names folded to lower case, quoted names with their
 * case kept and {@code ""} unescaped ({@code "My""Table"} is {@code My"Table}).
 *
 * @param keyspace the keyspace, or {@code null} when not given (the session's current one)
 * @param table the table, never null
 */
public record TableRef(String keyspace, String table) {
  public TableRef {
    Objects.requireNonNull(table, "table");
  }
}
