package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code COPY 's3://...' TO 's3://...'} with {@code --no-connect}: the flights slice converted
 * between objects of an S3-compatible store (s3proxy, {@link S3Server}), a file and a partitioned
 * dataset, then read back by DuckDB from downloaded copies. No Cassandra node is involved.
 */
class FileCopyS3IT {
  private static final Path SOURCE = Shell.home().resolve("examples/flights-slice.parquet");

  @Test
  void converts_objects_to_objects_and_datasets_back_to_files() throws Exception {
    S3Server s3 = S3Server.shared();
    String bucket = s3.createBucket("file-copy");
    try (var client = s3.client()) {
      client.putObject(b -> b.bucket(bucket).key("in/flights.parquet"), SOURCE);
    }
    Path dir = Shell.home().resolve("target/it/file-copy-s3");
    ObjectStorageIT.deleteTree(dir);
    Files.createDirectories(dir);
    Path back = dir.resolve("back.parquet");
    String in = "s3://" + bucket + "/in/flights.parquet";
    Shell.Result r =
        Shell.runWithEnv(
            s3.env(),
            null,
            "--no-connect",
            "-e",
            "COPY '"
                + in
                + "' TO 's3://"
                + bucket
                + "/out/flights.json' WITH INCLUDE_METADATA=true;"
                + " COPY '"
                + in
                + "' TO 's3://"
                + bucket
                + "/ds/' WITH PARTITION='origin' AND MAX_OPEN_FILES=300;"
                + " COPY 's3://"
                + bucket
                + "/ds/' TO '"
                + back
                + "';"
                + " COPY 's3://"
                + bucket
                + "/nothing.parquet' TO 's3://"
                + bucket
                + "/never.csv'");
    assertThat(r.errLines())
        .containsExactly(
            "<stdin>:1:Cannot read s3://" + bucket + "/nothing.parquet: no such file.");
    assertThat(r.out().lines().filter(l -> l.startsWith("48626 rows exported"))).hasSize(3);
    List<String> keys = s3.keys(bucket, "");
    assertThat(keys)
        .contains("out/flights.json", "out/flights.schema.json")
        .doesNotContain("never.csv");
    assertThat(keys.stream().filter(k -> k.startsWith("ds/origin=")).count()).isEqualTo(223);
    s3.download(bucket, "out/", dir);
    List<String> columns = new ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("out/flights.schema.json").toFile())
        .path("columns")
        .forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).containsExactly("date", "delay", "distance", "origin", "destination");
    try (DuckDb duck = new DuckDb()) {
      String cols = "CAST(date AS TIMESTAMPTZ) AS date, delay, distance, origin, destination";
      duck.execute(
          "CREATE VIEW source AS SELECT "
              + cols
              + " FROM read_parquet("
              + DuckDb.literal(SOURCE)
              + ")");
      duck.execute(
          "CREATE VIEW json AS SELECT "
              + cols
              + " FROM read_json("
              + DuckDb.literal(dir.resolve("out/flights.json"))
              + ", columns = {'date': 'TIMESTAMPTZ', 'delay': 'BIGINT', 'distance': 'BIGINT',"
              + " 'origin': 'VARCHAR', 'destination': 'VARCHAR'})");
      duck.execute(
          "CREATE VIEW back AS SELECT "
              + cols
              + " FROM read_parquet("
              + DuckDb.literal(back)
              + ")");
      for (String target : List.of("json", "back")) {
        assertThat(duck.longValue("SELECT count(*) FROM " + target)).isEqualTo(48_626);
        assertThat(duck.rows("SELECT * FROM source EXCEPT ALL SELECT * FROM " + target)).isEmpty();
        assertThat(duck.rows("SELECT * FROM " + target + " EXCEPT ALL SELECT * FROM source"))
            .isEmpty();
      }
    }
  }
}
