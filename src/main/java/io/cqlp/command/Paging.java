package io.cqlp.command;

/**
 * {@code PAGING [ON | OFF | n]}, as cqlsh.
 *
 * @param enabled {@code true} for ON or a page size, {@code false} for OFF, {@code null} to show
 *     the current state
 * @param pageSize the rows per page for {@code PAGING n} (always positive); null otherwise
 */
public record Paging(Boolean enabled, Integer pageSize) implements Command {
  /**
   * @throws IllegalArgumentException for a page size that is not positive or without enabled
   */
  public Paging {
    if (pageSize != null && (pageSize <= 0 || !Boolean.TRUE.equals(enabled))) {
      throw new IllegalArgumentException("a page size must be positive and comes with enabled");
    }
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
