package io.cqlp.command;

/**
 * {@code CONSISTENCY [level]} or {@code SERIAL CONSISTENCY [level]}.
 *
 * @param level the level in upper case, e.g. {@code LOCAL_QUORUM}, not validated here; {@code null}
 *     to show the current one
 * @param serial whether this is {@code SERIAL CONSISTENCY}
 */
public record Consistency(String level, boolean serial) implements Command {

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
