package io.cqlp.command;

import java.util.Objects;

/**
 * {@code SOURCE 'file'}: run the statements of a file.
 *
 * @param path the path as typed (unquoted), not resolved
 */
public record RunScript(String path) implements Command {
  public RunScript {
    Objects.requireNonNull(path, "path");
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
