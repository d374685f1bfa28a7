package io.cqlp.command;

/**
 * {@code HISTORY [n]}: print the last lines of the prompt's history, as cqlsh.
 *
 * @param count how many lines to show from now on (positive), or {@code null} to keep the session's
 *     current number (cqlsh's default 50)
 */
public record History(Integer count) implements Command {
  /**
   * @throws IllegalArgumentException when count is not positive
   */
  public History {
    if (count != null && count <= 0) {
      throw new IllegalArgumentException("count must be positive");
    }
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
