package io.cqlp.it;

import io.cqlp.testing.DuckDb;
import java.nio.file.Path;
import java.util.List;

/**
 * Slices of the real flights of {@code ../shared/data/flights-3m.parquet} (which is in date order):
 * {@code size} rows from each of the given row offsets, so that a test table holds several months.
 * The table shape is the one bench/run uses, keyed by origin.
 *
 * @param size rows per slice
 * @param skips the first row of each slice
 */
record FlightSlices(long size, long[] skips) {
  /** January, February and March 2001: the first rows of each month in flights-3m.parquet. */
  static final long[] THREE_MONTHS = {0, 508_239, 966_409};

  /** The source file. */
  static Path file() {
    return Path.of(System.getProperty("cqlp.shared", "../shared"), "data", "flights-3m.parquet")
        .toAbsolutePath();
  }

  /** {@code CREATE TABLE ks.name (...)} of the flights shape. */
  static String createTable(String keyspace, String name) {
    return "CREATE TABLE "
        + keyspace
        + "."
        + name
        + " (origin text, date timestamp, destination text, delay bigint, distance bigint, PRIMARY"
        + " KEY ((origin), date, destination, delay, distance))";
  }

  /** One COPY FROM per slice into {@code table}, for one shell run. */
  String loadStatements(String table) {
    StringBuilder loads = new StringBuilder();
    for (long skip : skips) {
      loads
          .append("COPY ")
          .append(table)
          .append(" FROM '")
          .append(file())
          .append("' WITH SKIPROWS=")
          .append(skip)
          .append(" AND MAXROWS=")
          .append(size)
          .append(";\n");
    }
    return loads.toString();
  }

  /**
   * Creates the DuckDB view {@code source}: the distinct rows of the slices, as DuckDB reads them
   * from the source file.
   *
   * @param columns the select list, e.g. {@code origin, CAST(date AS TIMESTAMP) AS date, ...}
   */
  void sourceView(DuckDb duck, String columns) throws Exception {
    StringBuilder where = new StringBuilder();
    for (long skip : skips) {
      where
          .append(where.length() == 0 ? "" : " OR ")
          .append("(file_row_number >= ")
          .append(skip)
          .append(" AND file_row_number < ")
          .append(skip + size)
          .append(")");
    }
    duck.execute(
        "CREATE VIEW source AS SELECT DISTINCT "
            + columns
            + " FROM read_parquet("
            + DuckDb.literal(file())
            + ", file_row_number = true) WHERE "
            + where);
  }

  /** The tables of a test, created in {@code keyspace}. */
  static void createTables(String keyspace, List<String> names) {
    for (String name : names) {
      CassandraExtension.session().execute(createTable(keyspace, name));
    }
  }
}
