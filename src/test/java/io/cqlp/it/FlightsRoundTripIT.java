package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The main job on real data another tool wrote: the first 300,000 rows of flights-3m.parquet (ZSTD,
 * 11 row groups of 272,727 rows, TIMESTAMP(MICROS)) go into Cassandra with COPY FROM and out again
 * with COPY TO, through the real shell; DuckDB judges the exported file.
 */
@ExtendWith(CassandraExtension.class)
class FlightsRoundTripIT {
  private static final long SLICE = 300_000;

  @Test
  void should_export_exactly_the_distinct_rows_imported_from_a_foreign_file() throws Exception {
    Path flights =
        Path.of(System.getProperty("cqlp.shared", "../shared"), "data", "flights-3m.parquet")
            .toAbsolutePath();
    assertThat(flights).exists();
    String keyspace = CassandraExtension.createKeyspace(getClass());
    LocalCassandra node = CassandraExtension.node();
    CassandraExtension.session()
        .execute(
            "CREATE TABLE "
                + keyspace
                + ".flights (origin text, date timestamp, destination text, delay bigint, distance"
                + " bigint, PRIMARY KEY ((origin), date, destination, delay, distance))");
    Path export =
        Files.createDirectories(Shell.home().resolve("target/it/flights"))
            .resolve("flights.parquet");
    Files.deleteIfExists(export);

    Shell.Result load =
        Shell.run(
            node.host(),
            node.port(),
            "-e",
            "COPY " + keyspace + ".flights FROM '" + flights + "' WITH MAXROWS=" + SLICE + ";");
    assertThat(load.err()).isEmpty();
    assertThat(load.exitCode()).isZero();
    assertThat(load.out()).contains(SLICE + " rows imported from 1 files");

    Shell.Result unload =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "COPY flights TO '" + export + "' WITH COMPRESSION='SNAPPY' AND CHUNKSIZE='100K'");
    assertThat(unload.err()).isEmpty();
    assertThat(unload.exitCode()).isZero();
    assertThat(export).exists();

    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "CREATE VIEW source AS SELECT DISTINCT origin, date, destination, delay, distance"
              + " FROM read_parquet("
              + DuckDb.literal(flights)
              + ", file_row_number = true)"
              + " WHERE file_row_number < "
              + SLICE);
      duck.execute(
          "CREATE VIEW exported AS SELECT origin, CAST(date AS TIMESTAMP) AS date,"
              + " destination, delay, distance FROM read_parquet("
              + DuckDb.literal(export)
              + ")");
      long distinct = duck.longValue("SELECT count(*) FROM source");
      assertThat(distinct).isBetween(SLICE - 1000, SLICE - 1);
      assertThat(unload.out()).contains(distinct + " rows exported to 1 files");
      assertThat(duck.longValue("SELECT count(*) FROM exported")).isEqualTo(distinct);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT origin, count(*) n, sum(delay) d, sum(distance) m"
                      + " FROM source GROUP BY origin) s FULL OUTER JOIN (SELECT origin, count(*)"
                      + " n, sum(delay) d, sum(distance) m FROM exported GROUP BY origin) e USING"
                      + " (origin) WHERE s.n IS DISTINCT FROM e.n OR s.d IS DISTINCT FROM e.d OR"
                      + " s.m IS DISTINCT FROM e.m"))
          .isZero();
      assertThat(duck.longValue("SELECT count(DISTINCT origin) FROM exported")).isGreaterThan(200);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT * FROM source EXCEPT SELECT * FROM exported)"))
          .isZero();
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT * FROM exported EXCEPT SELECT * FROM source)"))
          .isZero();
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + DuckDb.literal(export)
                      + ") WHERE compression <> 'SNAPPY'"))
          .isZero();
      assertThat(
              duck.longValue(
                  "SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                      + DuckDb.literal(export)
                      + ")"))
          .isEqualTo((distinct + 99_999) / 100_000);
      // No static columns: the partition key and every clustering column are REQUIRED.
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_schema("
                      + DuckDb.literal(export)
                      + ") WHERE name IN ('origin', 'date', 'destination', 'delay', 'distance')"
                      + " AND repetition_type = 'REQUIRED'"))
          .isEqualTo(5);
    }
  }
}
