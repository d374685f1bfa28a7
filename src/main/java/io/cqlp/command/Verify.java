package io.cqlp.command;

import java.util.List;
import java.util.Objects;

/**
 * {@code VERIFY [ks.]table [(col, ...)] AGAINST 'path' [WITH ...]}: compares a table with a file, a
 * dataset or a glob (local or {@code s3://}), row by row by primary key.
 *
 * @param table the table; not null
 * @param columns the column names to compare, in CQL internal form; empty means the columns the
 *     files hold
 * @param path the file, dataset or glob as typed (unquoted), not resolved
 * @param options the WITH options (how to read the files, as COPY FROM); not null
 * @param where a condition on the table's rows, raw as typed (COPY TO's WHERE, for {@code WITH
 *     VERIFY=true}); or null for every row
 */
public record Verify(
    TableRef table, List<String> columns, String path, Options options, String where)
    implements Command {
  /** Copies the column list; checks that nothing is null. */
  public Verify {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
