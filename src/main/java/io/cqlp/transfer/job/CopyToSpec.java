package io.cqlp.transfer.job;

import io.cqlp.command.CopyTo;
import io.cqlp.command.Options;
import io.cqlp.command.TableRef;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed COPY TO in a form that travels between processes (Java serialization): the statement the
 * driver of a distributed export planned, after the cqlshrc's COPY defaults were applied, for each
 * task to plan its scan from again.
 *
 * @param keyspace the table's keyspace, or null for {@code COPY (SELECT ...)}
 * @param table the table, or null for {@code COPY (SELECT ...)}
 * @param columns the columns listed, in CQL internal form; empty for all
 * @param target the target path as typed
 * @param options the WITH options, names and values as given
 * @param where the WHERE text, or null
 * @param selectQuery the query of {@code COPY (SELECT ...)}, or null
 */
public record CopyToSpec(
    String keyspace,
    String table,
    List<String> columns,
    String target,
    Map<String, String> options,
    String where,
    String selectQuery)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Copies the collections into serializable ones. */
  public CopyToSpec {
    columns = List.copyOf(columns);
    options = new LinkedHashMap<>(options);
  }

  /**
   * @param command a COPY TO of a file or directory (not STDOUT)
   * @return its travelling form
   * @throws IllegalArgumentException for COPY TO STDOUT
   */
  public static CopyToSpec of(CopyTo command) {
    if (command.stdout()) {
      throw new IllegalArgumentException("COPY TO STDOUT has no target to share");
    }
    return new CopyToSpec(
        command.table() == null ? null : command.table().keyspace(),
        command.table() == null ? null : command.table().table(),
        command.columns(),
        command.target(),
        command.options().asMap(),
        command.where(),
        command.selectQuery());
  }

  /** The command again, equal to the one {@link #of} was given. */
  public CopyTo command() {
    return new CopyTo(
        table == null ? null : new TableRef(keyspace, table),
        columns,
        target,
        false,
        options(options),
        where,
        selectQuery);
  }

  /**
   * @param values option names and values
   * @return them as {@link Options}
   */
  static Options options(Map<String, String> values) {
    Options.Builder builder = Options.builder();
    values.forEach(builder::add);
    return builder.build();
  }
}
