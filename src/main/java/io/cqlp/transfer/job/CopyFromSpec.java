package io.cqlp.transfer.job;

import io.cqlp.command.CopyFrom;
import io.cqlp.command.TableRef;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed COPY FROM in a form that travels between processes (Java serialization): the statement
 * the driver of a distributed import planned, with the cqlshrc's COPY defaults applied and its
 * source and ERRFILE made absolute, for each task to plan its share from again.
 *
 * @param keyspace the table's keyspace
 * @param table the table
 * @param columns the columns listed, in CQL internal form; empty for all
 * @param source the file, directory or glob read
 * @param options the WITH options, names and values as given
 */
public record CopyFromSpec(
    String keyspace, String table, List<String> columns, String source, Map<String, String> options)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Copies the collections into serializable ones. */
  public CopyFromSpec {
    columns = List.copyOf(columns);
    options = new LinkedHashMap<>(options);
  }

  /**
   * @param command a COPY FROM a file, directory or glob (not STDIN)
   * @return its travelling form
   * @throws IllegalArgumentException for COPY FROM STDIN
   */
  public static CopyFromSpec of(CopyFrom command) {
    if (command.stdin()) {
      throw new IllegalArgumentException("COPY FROM STDIN has no source to share");
    }
    return new CopyFromSpec(
        command.table().keyspace(),
        command.table().table(),
        command.columns(),
        command.source(),
        command.options().asMap());
  }

  /** The command again, equal to the one {@link #of} was given. */
  public CopyFrom command() {
    return new CopyFrom(
        new TableRef(keyspace, table), columns, source, false, CopyToSpec.options(options));
  }
}
