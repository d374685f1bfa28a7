package io.cqlp.command;

import java.util.List;
import java.util.Objects;

/**
 * {@code COPY [ks.]table [(col, ...)] TO 'file' | STDOUT [WITH ...] [WHERE ...]} or {@code COPY
 * (SELECT ...) TO 'file' | STDOUT [WITH ...]}.
 *
 * @param table the table; {@code null} for {@code COPY (SELECT ...)}
 * @param columns the column names in CQL internal form, in the order typed; empty means all
 * @param target the path or directory as typed (unquoted); {@code null} when {@code stdout}
 * @param stdout whether the target is {@code STDOUT}
 * @param options the {@code WITH} options, not validated here (empty when none)
 * @param where the text after {@code WHERE}, raw as typed, to append to the SELECT; or null
 * @param selectQuery the query of {@code COPY (SELECT ...)}, raw as typed without the outer
 *     parentheses; {@code null} when copying a table
 */
public record CopyTo(
    TableRef table,
    List<String> columns,
    String target,
    boolean stdout,
    Options options,
    String where,
    String selectQuery)
    implements Command {

  /**
   * @throws IllegalArgumentException unless exactly one of table and selectQuery is given, and
   *     target is null exactly when stdout is true
   */
  public CopyTo {
    columns = List.copyOf(columns);
    Objects.requireNonNull(options, "options");
    if ((table == null) == (selectQuery == null)) {
      throw new IllegalArgumentException("exactly one of table and selectQuery must be given");
    }
    if ((target == null) != stdout) {
      throw new IllegalArgumentException("target must be null exactly when stdout is true");
    }
  }

  /**
   * @return whether this copies the result of a query rather than a table
   */
  public boolean isQuery() {
    return selectQuery != null;
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
