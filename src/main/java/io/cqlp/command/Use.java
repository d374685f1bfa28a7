package io.cqlp.command;

import java.util.Objects;

/**
 * {@code USE keyspace}.
 *
 * @param keyspace the keyspace in CQL internal form (unquoted names folded to lower case)
 */
public record Use(String keyspace) implements Command {
  public Use {
    Objects.requireNonNull(keyspace, "keyspace");
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
