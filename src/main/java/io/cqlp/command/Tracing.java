package io.cqlp.command;

/**
 * {@code TRACING [ON | OFF]}, as cqlsh.
 *
 * @param on {@code true} for ON, {@code false} for OFF, {@code null} to show the current state
 */
public record Tracing(Boolean on) implements Command {

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
