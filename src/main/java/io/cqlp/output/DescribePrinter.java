package io.cqlp.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prints the result of a server-side {@code DESCRIBE} (Cassandra 4.0 and later) as cqlsh's {@code
 * do_describe} does: names in columns ({@link Columns}, 80 cells) for KEYSPACES, per keyspace for
 * TABLES/TYPES/FUNCTIONS/AGGREGATES (with a {@code Keyspace ks} title when no keyspace is in use),
 * each {@code create_statement} after a blank line for the object forms, and the cluster's name,
 * partitioner, snitch and range ownership for CLUSTER.
 */
public final class DescribePrinter {
  /** cqlsh's width for name lists (cmd.Cmd.columnize's default). */
  static final int LIST_WIDTH = 80;

  /** One row of a name list: the keyspace and the object's name. */
  public record Named(String keyspace, String name) {}

  private final PrintWriter out;

  /**
   * @param out where to print; not null
   */
  public DescribePrinter(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Prints {@code DESCRIBE KEYSPACES}: a blank line, the names in columns, a blank line. */
  public void keyspaces(List<String> names) {
    out.println();
    Columns.layout(names, LIST_WIDTH).forEach(out::println);
    out.println();
    out.flush();
  }

  /**
   * Prints {@code DESCRIBE TABLES} and the other name lists, grouped by keyspace in their order.
   *
   * @param rows the names with their keyspaces, in the server's order
   * @param currentKeyspace the keyspace in use, or {@code null} (then each group gets a title)
   */
  public void names(List<Named> rows, String currentKeyspace) {
    String keyspace = null;
    List<String> names = new ArrayList<>();
    for (Named row : rows) {
      if (!row.keyspace().equals(keyspace)) {
        if (keyspace != null) {
          group(keyspace, names, currentKeyspace);
        }
        keyspace = row.keyspace();
        names = new ArrayList<>();
      }
      names.add(row.name());
    }
    if (keyspace != null) {
      group(keyspace, names, currentKeyspace);
      out.println();
    }
    out.flush();
  }

  private void group(String keyspace, List<String> names, String currentKeyspace) {
    out.println();
    if (currentKeyspace == null) {
      out.println("Keyspace " + keyspace);
      out.println("---------" + "-".repeat(keyspace.length()));
    }
    Columns.layout(names, LIST_WIDTH).forEach(out::println);
  }

  /** Prints the object forms: each {@code create_statement} after a blank line. */
  public void elements(List<String> createStatements) {
    for (String statement : createStatements) {
      out.println();
      out.println(statement);
    }
    out.flush();
  }

  /**
   * Prints {@code DESCRIBE CLUSTER}.
   *
   * @param ranges token to endpoints, in ring order; {@code null} when the server sent none (no
   *     keyspace in use)
   */
  public void cluster(
      String cluster, String partitioner, String snitch, Map<String, List<String>> ranges) {
    out.println();
    out.println("Cluster: " + cluster);
    out.println("Partitioner: " + partitioner);
    out.println("Snitch: " + snitch);
    out.println();
    if (ranges != null) {
      out.println("Range ownership:");
      for (Map.Entry<String, List<String>> e : ranges.entrySet()) {
        String token = e.getKey();
        out.println(
            " "
                + " ".repeat(Math.max(0, 39 - token.length()))
                + token
                + "  ["
                + String.join(", ", e.getValue())
                + "]");
      }
      out.println();
    }
    out.flush();
  }
}
