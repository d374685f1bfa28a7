package io.cqlp.command;

import java.util.Objects;

/**
 * {@code COPY 'source' TO 'target' | STDOUT [WITH ...] [WHERE ...]}: converts a file, a dataset
 * directory or a glob into any format COPY TO writes, without Cassandra (see {@code
 * io.cqlp.transfer.FileCopyWorkflow}).
 *
 * @param source the source path as typed (unquoted): a file, a directory, a glob; local or {@code
 *     s3://}; not null
 * @param target the target path as typed (unquoted); {@code null} when {@code stdout}
 * @param stdout whether the target is {@code STDOUT}
 * @param options the {@code WITH} options, not validated here (empty when none)
 * @param where the text after {@code WHERE}, raw as typed; or null
 */
public record CopyFileTo(
    String source, String target, boolean stdout, Options options, String where)
    implements Command {

  /**
   * @throws IllegalArgumentException unless target is null exactly when stdout is true
   */
  public CopyFileTo {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    if ((target == null) != stdout) {
      throw new IllegalArgumentException("target must be null exactly when stdout is true");
    }
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
