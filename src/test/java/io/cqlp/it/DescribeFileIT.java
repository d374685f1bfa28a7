package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESCRIBE FILE and SHOW FILE through the real shell: on the shared flights file written by another
 * tool (footer facts and first rows checked against DuckDB), and on a dataset directory written by
 * COPY TO ... WITH PARTITION.
 */
@ExtendWith(CassandraExtension.class)
class DescribeFileIT {

  /** The cells of the table lines of an output ({@code a | b | c}), trimmed. */
  private static List<List<String>> cells(String out) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : out.lines().toList()) {
      if (line.contains(" | ")) {
        rows.add(Arrays.stream(line.split("\\|")).map(String::strip).toList());
      }
    }
    return rows;
  }

  @Test
  void should_describe_and_show_the_flights_file_as_duckdb_reads_it() throws Exception {
    Path flights =
        Path.of(System.getProperty("cqlp.shared", "../shared"), "data", "flights-3m.parquet")
            .toAbsolutePath();
    assertThat(flights).exists();
    LocalCassandra node = CassandraExtension.node();
    Shell.Result run =
        Shell.run(
            node.host(),
            node.port(),
            "-e",
            "DESCRIBE FILE '" + flights + "'; SHOW FILE '" + flights + "' LIMIT 5");
    assertThat(run.err()).as(run.toString()).isEmpty();
    String out = run.out();
    assertThat(out)
        .contains(
            "File: " + flights,
            "Size: " + Files.size(flights) + " bytes",
            "Created by: Polars",
            "Rows: 3000000",
            "Row groups: 11",
            "Codecs: ZSTD",
            "Key-value metadata:",
            "ARROW:schema = ");
    List<List<String>> cells = cells(out);
    assertThat(cells)
        .contains(
            List.of("column", "parquet type", "repetition", "cql type"),
            List.of("date", "INT64 TIMESTAMP(MICROS,false)", "optional", "timestamp"),
            List.of("delay", "INT64", "optional", "bigint"),
            List.of("distance", "INT64", "optional", "bigint"),
            List.of("origin", "BINARY STRING", "optional", "text"),
            List.of("destination", "BINARY STRING", "optional", "text"));
    List<List<String>> groups =
        cells.stream().filter(r -> r.size() == 4 && r.get(0).matches("\\d+")).toList();
    assertThat(groups).hasSize(11);
    assertThat(groups.stream().mapToLong(r -> Long.parseLong(r.get(1))).sum()).isEqualTo(3_000_000);
    assertThat(groups.get(0).get(1)).isEqualTo("272727");
    assertThat(groups.get(10).get(1)).isEqualTo("272730");

    List<List<String>> shown =
        cells.subList(
            cells.indexOf(List.of("date", "delay", "distance", "origin", "destination")),
            cells.size());
    assertThat(shown).hasSize(6);
    assertThat(out).contains("(5 rows)");
    try (DuckDb duck = new DuckDb()) {
      List<List<Object>> expected =
          duck.rows(
              "SELECT strftime(date, '%Y-%m-%d %H:%M:%S.%f') || '+0000', CAST(delay AS VARCHAR),"
                  + " CAST(distance AS VARCHAR), origin, destination FROM read_parquet("
                  + DuckDb.literal(flights)
                  + ") LIMIT 5");
      for (int r = 0; r < 5; r++) {
        assertThat(shown.get(r + 1))
            .as("row %d", r)
            .isEqualTo(expected.get(r).stream().map(String::valueOf).toList());
      }
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + DuckDb.literal(flights)
                      + ") WHERE column_id = 0"))
          .isEqualTo(11);
    }
  }

  @Test
  void should_describe_and_show_a_partitioned_dataset_written_by_copy() throws Exception {
    String keyspace = CassandraExtension.createKeyspace(getClass());
    LocalCassandra node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".sales (id int PRIMARY KEY, region text, amount decimal, at timestamp)");
    for (int i = 0; i < 30; i++) {
      session.execute(
          "INSERT INTO "
              + keyspace
              + ".sales (id, region, amount, at) VALUES ("
              + i
              + ", '"
              + (i % 3 == 0 ? "north" : "south")
              + "', "
              + i
              + ".25, '2024-01-0"
              + (1 + i % 9)
              + " 10:00:00Z')");
    }
    Path dir = Files.createDirectories(Shell.home().resolve("target/it/describe-file"));
    Path out = dir.resolve("sales");
    if (Files.exists(out)) {
      try (Stream<Path> old = Files.walk(out)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Shell.Result run =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "COPY sales TO '"
                + out
                + "/' WITH PARTITION='region'; DESCRIBE FILE '"
                + out
                + "';"
                + " SHOW FILE '"
                + out
                + "/' LIMIT 50; SHOW FILE '"
                + dir.resolve("missing.parquet")
                + "'");
    assertThat(run.errLines())
        .containsExactly(
            "<stdin>:1:Cannot show '"
                + dir.resolve("missing.parquet")
                + "': no such file or directory.");
    String text = run.out();
    assertThat(text)
        .contains(
            "Dataset: " + out,
            "Files: 2",
            "Partition columns: region",
            "Rows: 30",
            "Schema of the first file:",
            "cqlp.schema = {");
    List<List<String>> cells = cells(text);
    assertThat(cells)
        .contains(
            List.of(
                "region=north/part-00000.parquet",
                "10",
                String.valueOf(Files.size(out.resolve("region=north/part-00000.parquet")))));
    assertThat(cells)
        .anyMatch(r -> r.get(0).equals("region=south/part-00000.parquet") && r.get(1).equals("20"));
    assertThat(cells)
        .anyMatch(r -> r.size() == 4 && r.get(0).equals("amount") && r.get(3).equals("text"));
    int header = cells.indexOf(List.of("id", "amount", "at", "region"));
    assertThat(header).isPositive();
    List<List<String>> rows = cells.subList(header + 1, cells.size());
    assertThat(rows).hasSize(30);
    assertThat(text).contains("(30 rows)");
    for (List<String> row : rows) {
      int id = Integer.parseInt(row.get(0));
      assertThat(row)
          .containsExactly(
              String.valueOf(id),
              id + ".25",
              "2024-01-0" + (1 + id % 9) + " 10:00:00.000000+0000",
              id % 3 == 0 ? "north" : "south");
    }
  }
}
