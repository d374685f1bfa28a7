package io.cqlp.transfer.scan;

import java.util.Locale;

/**
 * The condition a COPY TO's WHERE adds to each token range's SELECT. An export reads every token
 * range of the table anyway, so a condition on a column outside the primary key (which Cassandra
 * refuses without ALLOW FILTERING) costs no more reads than the full export: the node still reads
 * every row of each range and returns those that match. cqlp therefore adds ALLOW FILTERING itself,
 * so that {@code COPY users TO 'active.parquet' WHERE status='active'} works as written; a
 * condition that already ends with ALLOW FILTERING is kept as it is.
 */
public final class ScanFilter {
  private static final String ALLOW_FILTERING = "ALLOW FILTERING";

  private ScanFilter() {}

  /**
   * The text to append to a scan's {@code SELECT ... WHERE token(...) ...}.
   *
   * @param where the COPY's WHERE condition without the word WHERE, or {@code null} for none
   * @return {@code ""} for none, else {@code " AND <where> ALLOW FILTERING"}
   */
  public static String andCondition(String where) {
    return where == null ? "" : " AND " + withFiltering(where);
  }

  /**
   * The clause for a scan without a token restriction.
   *
   * @param where the COPY's WHERE condition without the word WHERE, or {@code null} for none
   * @return {@code ""} for none, else {@code " WHERE <where> ALLOW FILTERING"}
   */
  public static String whereClause(String where) {
    return where == null ? "" : " WHERE " + withFiltering(where);
  }

  private static String withFiltering(String where) {
    String text = where.strip();
    String words = text.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    return words.endsWith(ALLOW_FILTERING) ? text : text + " " + ALLOW_FILTERING;
  }
}
