package io.cqlp.command;

/** {@code EXIT} or {@code QUIT}. */
public record Exit() implements Command {

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
