package io.cqlp.command;

import java.util.Objects;

/**
 * {@code DESCRIBE ...} or {@code DESC ...}: sent to Cassandra (4.0 and later describe on the
 * server) as typed, its result printed the way cqlsh prints each form.
 *
 * @param kind how the result is printed, from the word after DESCRIBE (cqlsh's {@code do_describe})
 * @param statement the statement as typed, without a final {@code ;}; sent to the server
 */
public record Describe(Kind kind, String statement) implements Command {

  /** The printing forms of cqlsh's {@code do_describe}. */
  public enum Kind {
    /** {@code DESCRIBE KEYSPACES}: the names in columns. */
    KEYSPACES,
    /**
     * {@code DESCRIBE TABLES | COLUMNFAMILIES | TYPES | FUNCTIONS | AGGREGATES}: names per
     * keyspace.
     */
    NAMES,
    /** {@code DESCRIBE CLUSTER}: cluster name, partitioner, snitch and range ownership. */
    CLUSTER,
    /**
     * Every other form (KEYSPACE, TABLE, TYPE, SCHEMA, a bare name, ...): the CREATE statements.
     */
    ELEMENT
  }

  public Describe {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(statement, "statement");
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
