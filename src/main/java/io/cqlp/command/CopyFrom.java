package io.cqlp.command;

import java.util.List;
import java.util.Objects;

/**
 * {@code COPY [ks.]table [(col, ...)] FROM 'file' | 'dir/' | 'glob' | STDIN [WITH ...]}.
 *
 * @param table the table to write into, never null
 * @param columns the column names in CQL internal form, in the order typed; empty means all
 * @param source the file, directory or glob as typed (unquoted); {@code null} when {@code stdin}
 * @param stdin whether the source is {@code STDIN}
 * @param options the {@code WITH} options, not validated here (empty when none)
 */
public record CopyFrom(
    TableRef table, List<String> columns, String source, boolean stdin, Options options)
    implements Command {

  /**
   * @throws IllegalArgumentException unless source is null exactly when stdin is true
   */
  public CopyFrom {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    Objects.requireNonNull(options, "options");
    if ((source == null) != stdin) {
      throw new IllegalArgumentException("source must be null exactly when stdin is true");
    }
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
