package io.cqlp.bench;

import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the input files of bench/run's second table shape and of its write-ceiling comparison,
 * from the flights Parquet file, through DuckDB. Not a test.
 *
 * <p>{@code FlightFiles flights.parquet outDir rows}: writes {@code outDir/flights-id.parquet}
 * (every row with {@code id bigint}, its row number in the file from 0, first), {@code
 * outDir/flights-head.parquet} (the first {@code rows} rows) and {@code
 * outDir/flights-head-id.parquet} (the same with {@code id}). Rows keep the file's order, so {@code
 * id} matches the numbering of {@link BareWrite}. Files that exist are kept.
 */
public final class FlightFiles {
  private FlightFiles() {}

  public static void main(String[] args) throws Exception {
    String source = DuckDb.literal(Path.of(args[0]).toAbsolutePath());
    Path out = Path.of(args[1]);
    long rows = Long.parseLong(args[2]);
    String numbered =
        "SELECT file_row_number AS id, origin, date, destination, delay, distance"
            + " FROM read_parquet("
            + source
            + ", file_row_number = true)";
    try (DuckDb duck = new DuckDb()) {
      write(duck, numbered + " ORDER BY id", out.resolve("flights-id.parquet"));
      write(
          duck,
          "SELECT origin, date, destination, delay, distance FROM ("
              + numbered
              + ") WHERE id < "
              + rows
              + " ORDER BY id",
          out.resolve("flights-head.parquet"));
      write(
          duck,
          numbered + " WHERE file_row_number < " + rows + " ORDER BY id",
          out.resolve("flights-head-id.parquet"));
    }
  }

  private static void write(DuckDb duck, String query, Path target) throws Exception {
    if (Files.exists(target)) {
      return;
    }
    duck.execute(
        "COPY ("
            + query
            + ") TO "
            + DuckDb.literal(target.toAbsolutePath())
            + " (FORMAT parquet, COMPRESSION snappy)");
    System.out.println(
        "wrote "
            + target
            + ": "
            + duck.longValue(
                "SELECT count(*) FROM read_parquet("
                    + DuckDb.literal(target.toAbsolutePath())
                    + ")")
            + " rows");
  }
}
