package io.cqlp.command;

/** {@code CLEAR} or {@code CLS}: clear the terminal screen. */
public record Clear() implements Command {

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
