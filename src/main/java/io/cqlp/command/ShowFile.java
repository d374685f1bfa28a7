package io.cqlp.command;

import java.util.Objects;

/**
 * {@code SHOW FILE 'path' [LIMIT n]}: print the first rows of a Parquet file or dataset directory
 * (see {@code io.cqlp.inspect.FileInspector}).
 *
 * @param path the path as typed (unquoted), not resolved
 * @param limit rows to print at most, at least 1; {@link #DEFAULT_LIMIT} without LIMIT
 */
public record ShowFile(String path, int limit) implements Command {
  /** Rows printed without LIMIT. */
  public static final int DEFAULT_LIMIT = 10;

  public ShowFile {
    Objects.requireNonNull(path, "path");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
