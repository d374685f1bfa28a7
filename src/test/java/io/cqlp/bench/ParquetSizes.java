package io.cqlp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Has DuckDB rewrite a Parquet file with SNAPPY and compares the sizes, for bench/run. Not a test.
 *
 * <p>{@code ParquetSizes file.parquet rewrite.parquet}. Prints one line: {@code size: cqlp N bytes,
 * DuckDB SNAPPY M bytes, ratio R (ROWS rows each)}.
 */
public final class ParquetSizes {
  private ParquetSizes() {}

  public static void main(String[] args) throws Exception {
    Path ours = Path.of(args[0]);
    Path theirs = Path.of(args[1]);
    Files.deleteIfExists(theirs);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_parquet('"
              + ours
              + "')) TO '"
              + theirs
              + "' (FORMAT parquet, COMPRESSION snappy)");
      long a = count(s, ours);
      long b = count(s, theirs);
      System.out.printf(
          Locale.ROOT,
          "size: cqlp %d bytes, DuckDB SNAPPY %d bytes, ratio %.3f (%d and %d rows)%n",
          Files.size(ours),
          Files.size(theirs),
          (double) Files.size(ours) / Files.size(theirs),
          a,
          b);
    }
  }

  private static long count(Statement s, Path file) throws Exception {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
      r.next();
      return r.getLong(1);
    }
  }
}
