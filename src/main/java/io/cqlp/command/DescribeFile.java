package io.cqlp.command;

import java.util.Objects;

/**
 * {@code DESCRIBE FILE 'path'} (or {@code DESC FILE}): describe a Parquet file or dataset directory
 * (see {@code io.cqlp.inspect.FileInspector}).
 *
 * @param path the path as typed (unquoted), not resolved
 */
public record DescribeFile(String path) implements Command {
  public DescribeFile {
    Objects.requireNonNull(path, "path");
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
