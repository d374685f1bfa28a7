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

  /**
   * This statement with its target made absolute (see {@link #absolute}), so that every process of
   * a job writes where the driver meant, whatever its working directory.
   */
  CopyToSpec withAbsoluteTarget() {
    return new CopyToSpec(keyspace, table, columns, absolute(target), options, where, selectQuery);
  }

  /**
   * A local path as an absolute one, a trailing {@code /} kept; an object-store path ({@code
   * s3://...}) as it is.
   */
  static String absolute(String typed) {
    if (typed.contains("://")) {
      return typed;
    }
    String path = java.nio.file.Path.of(typed).toAbsolutePath().normalize().toString();
    return typed.endsWith("/") && !path.endsWith("/") ? path + "/" : path;
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
