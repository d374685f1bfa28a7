package io.cqlp.command;

import java.util.Objects;

/**
 * Any statement that is not a shell command (SELECT, INSERT, CREATE, DESCRIBE, ...), to be sent to
 * Cassandra as typed.
 *
 * @param text the statement as given to {@link CommandParser#parse(String)}, without surrounding
 *     whitespace
 */
public record CqlStatement(String text) implements Command {
  public CqlStatement {
    Objects.requireNonNull(text, "text");
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
