package io.cqlp.output;

/** Waits between displayed pages of a result at a terminal, as cqlsh's {@code ---MORE---}. */
@FunctionalInterface
public interface Pager {
  /**
   * Shows the {@code ---MORE---} prompt and waits for Enter.
   *
   * @return {@code true} to print the next page, {@code false} to stop printing (Ctrl-C, end of
   *     input)
   */
  boolean more();
}
