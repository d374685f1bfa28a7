package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Parquet writer options of COPY TO and CAPTURE through the real shell (README, COPY TO,
 * "Parquet writer options"), each judged by DuckDB's parquet_metadata, parquet_kv_metadata and
 * parquet_bloom_probe, and the page counts by parquet-java's offset index (DuckDB shows no pages).
 */
@ExtendWith(CassandraExtension.class)
class ParquetWriterOptionsIT {
  private static final int ROWS = 4000;

  @Test
  void should_write_what_each_option_asks_and_refuse_mistakes_before_writing() throws Exception {
    String keyspace = CassandraExtension.createKeyspace(ParquetWriterOptionsIT.class);
    LocalCassandra node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE " + keyspace + ".t (k int, c int, city text, v text, PRIMARY KEY (k, c))");
    PreparedStatement insert =
        session.prepare("INSERT INTO " + keyspace + ".t (k, c, city, v) VALUES (?, ?, ?, ?)");
    Random random = new Random(7);
    List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      // About 1 KiB of letters per row, 4 MB in all: enough for several 1 MB row groups.
      StringBuilder v = new StringBuilder();
      for (int j = 0; j < 1000; j++) {
        v.append((char) ('a' + random.nextInt(26)));
      }
      writes.add(
          session.executeAsync(insert.bind(i / 10, i % 10, "city-" + (i % 40), v.toString())));
      if (writes.size() == 200) {
        CompletableFuture.allOf(
                writes.stream()
                    .map(CompletionStage::toCompletableFuture)
                    .toArray(CompletableFuture[]::new))
            .join();
        writes.clear();
      }
    }
    CompletableFuture.allOf(
            writes.stream()
                .map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new))
        .join();
    Path dir = clean(Shell.home().resolve("target/it/parquet-writer-options"));
    Path plain = dir.resolve("plain.parquet");
    Path noDict = dir.resolve("nodict.parquet");
    Path bytes = dir.resolve("bytes.parquet");
    Path bloom = dir.resolve("bloom.parquet");
    Path dataset = dir.resolve("ds");
    Path capture = dir.resolve("capture.parquet");
    Path script =
        Files.writeString(
            dir.resolve("script.cql"),
            String.join(
                "\n",
                "USE " + keyspace + ";",
                "COPY t TO '" + plain + "';",
                "COPY t TO '"
                    + noDict
                    + "' WITH DICTIONARY='false' AND ROW_GROUP_SIZE=1000 AND PAGE_SIZE='8KB';",
                "COPY t TO '" + bytes + "' WITH ROW_GROUP_BYTES='1MB' AND STATISTICS=false;",
                "COPY t TO '"
                    + bloom
                    + "' WITH BLOOM_FILTER='city,k:500' AND WRITER_VERSION='PARQUET_2_0'"
                    + " AND METADATA='{\"team\": \"ops\", \"source\": \"prod\"}';",
                "COPY t TO '"
                    + dataset
                    + "/' WITH PARTITION='city' AND DICTIONARY='v:false' AND BLOOM_FILTER='k';",
                "COPY t TO '" + dir.resolve("bad.csv") + "' WITH PAGE_SIZE='8KB';",
                "COPY t TO '" + dir.resolve("bad.parquet") + "' WITH BLOOM_FILTER='town';",
                "COPY t TO '"
                    + dir.resolve("bad2.parquet")
                    + "' WITH METADATA='{\"cqlp.schema\": \"x\"}';",
                "CAPTURE PARQUET '"
                    + capture
                    + "' WITH DICTIONARY='false' AND METADATA='{\"run\": \"7\"}';",
                "SELECT k, c, city FROM t;",
                "CAPTURE OFF;",
                "CAPTURE PARQUET '"
                    + dir.resolve("bad-capture.parquet")
                    + "' WITH BLOOM_FILTER='town';",
                "SELECT k FROM t WHERE k = 1;",
                "CAPTURE OFF;",
                ""));
    Shell.Result result =
        Shell.runRaw(null, node.host(), String.valueOf(node.port()), "-f", script.toString());

    assertThat(result.errLines())
        .as(result.toString())
        .containsExactly(
            script
                + ":7:PAGE_SIZE is an option of Parquet files, and '"
                + dir.resolve("bad.csv")
                + "' is written as CSV; drop PAGE_SIZE, or write a .parquet file (or"
                + " FORMAT='PARQUET').",
            script
                + ":8:BLOOM_FILTER names 'town', which is not a column of the file; the columns"
                + " are: k, c, city, v.",
            script
                + ":9:METADATA key 'cqlp.schema' is one cqlp writes itself (cqlp.*,"
                + " writer.model.name); choose another key.",
            script
                + ":14:BLOOM_FILTER names 'town', which is not a column of the file; the columns"
                + " are: k.");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("bad")))
          .isEmpty();
    }

    try (DuckDb duck = new DuckDb()) {
      // DICTIONARY=false: no dictionary page, no dictionary encoding; ROW_GROUP_SIZE=1000: 4
      // groups.
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + DuckDb.literal(noDict)
                      + ") WHERE dictionary_page_offset IS NOT NULL OR encodings LIKE"
                      + " '%DICTIONARY%'"))
          .isZero();
      assertThat(
              duck.rows(
                  "SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata("
                      + DuckDb.literal(noDict)
                      + ") ORDER BY 1"))
          .extracting(r -> ((Number) r.get(1)).longValue())
          .containsExactly(1000L, 1000L, 1000L, 1000L);
      // The default writes the dictionary of city.
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + DuckDb.literal(plain)
                      + ")"
                      + " WHERE path_in_schema = 'city' AND dictionary_page_offset IS NOT NULL"))
          .isEqualTo(1);

      // ROW_GROUP_BYTES='1MB': several groups, none over 1 MiB; STATISTICS=false: no min/max.
      List<List<Object>> groups =
          duck.rows(
              "SELECT row_group_id, max(row_group_num_rows),"
                  + " sum(total_compressed_size), count(stats_min_value) FROM parquet_metadata("
                  + DuckDb.literal(bytes)
                  + ") GROUP BY 1 ORDER BY 1");
      assertThat(groups.size()).isBetween(3, 8);
      assertThat(groups)
          .allSatisfy(
              g -> {
                assertThat(((Number) g.get(2)).longValue()).isLessThanOrEqualTo(1L << 20);
                assertThat(((Number) g.get(3)).longValue()).isZero();
              });
      assertThat(groups.stream().mapToLong(g -> ((Number) g.get(1)).longValue()).sum())
          .isEqualTo(ROWS);

      // BLOOM_FILTER: in the footer, finds present values and excludes absent ones.
      assertThat(
              duck.rows(
                  "SELECT path_in_schema FROM parquet_metadata("
                      + DuckDb.literal(bloom)
                      + ")"
                      + " WHERE bloom_filter_offset IS NOT NULL ORDER BY 1"))
          .containsExactly(List.of("city"), List.of("k"));
      assertThat(bloomExcludes(duck, bloom, "city", "'city-17'")).isFalse();
      assertThat(bloomExcludes(duck, bloom, "k", "399")).isFalse();
      int excluded = 0;
      for (int i = 0; i < 100; i++) {
        excluded += bloomExcludes(duck, bloom, "city", "'elsewhere-" + i + "'") ? 1 : 0;
        excluded += bloomExcludes(duck, bloom, "k", String.valueOf(1000 + i)) ? 1 : 0;
      }
      assertThat(excluded).isGreaterThanOrEqualTo(190);
      // METADATA beside cqlp's own keys; PARQUET_2_0 reads back the same rows as the default file.
      assertThat(duck.keyValues(bloom))
          .containsEntry("team", "ops")
          .containsEntry("source", "prod")
          .containsKeys("cqlp.schema", "cqlp.version");
      String v2 = "read_parquet(" + DuckDb.literal(bloom) + ")";
      String v1 = "read_parquet(" + DuckDb.literal(plain) + ")";
      assertThat(duck.longValue("SELECT count(*) FROM " + v2)).isEqualTo(ROWS);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT * FROM "
                      + v2
                      + " EXCEPT SELECT * FROM "
                      + v1
                      + " UNION ALL SELECT * FROM "
                      + v1
                      + " EXCEPT SELECT * FROM "
                      + v2
                      + ")"))
          .isZero();
      assertThat(duck.longValue("SELECT sum(k * 10 + c) FROM " + v2))
          .isEqualTo((long) ROWS * (ROWS - 1) / 2);

      // A dataset: every part file has the options, for the columns it keeps.
      String parts = DuckDb.literal(dataset + "/**/*.parquet");
      assertThat(
              duck.longValue(
                  "SELECT count(DISTINCT file_name) FROM parquet_metadata(" + parts + ")"))
          .isEqualTo(40);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + parts
                      + ") WHERE path_in_schema = 'v'"
                      + " AND dictionary_page_offset IS NOT NULL"))
          .isZero();
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + parts
                      + ") WHERE path_in_schema = 'k'"
                      + " AND bloom_filter_offset IS NOT NULL"))
          .isEqualTo(40);

      // CAPTURE with DICTIONARY=false and METADATA.
      assertThat(
              duck.longValue("SELECT count(*) FROM read_parquet(" + DuckDb.literal(capture) + ")"))
          .isEqualTo(ROWS);
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + DuckDb.literal(capture)
                      + ")"
                      + " WHERE dictionary_page_offset IS NOT NULL"))
          .isZero();
      assertThat(duck.keyValues(capture)).containsEntry("run", "7");
    }

    // PAGE_SIZE='8KB': 1,000 texts of 1 KiB are about 1 MB, so the v column of each 1,000-row
    // group has over 100 pages, where the default 1 MiB pages cut the 4 MB column into a few.
    assertThat(pages(noDict, "v")).hasSize(4).allSatisfy(n -> assertThat(n).isBetween(100, 200));
    assertThat(pages(plain, "v")).hasSize(1).allSatisfy(n -> assertThat(n).isBetween(2, 8));
  }

  private static boolean bloomExcludes(DuckDb duck, Path file, String column, String value)
      throws Exception {
    return (Boolean)
        duck.value(
            "SELECT bool_and(bloom_filter_excludes) FROM parquet_bloom_probe("
                + DuckDb.literal(file)
                + ", '"
                + column
                + "', "
                + value
                + ")");
  }

  /** The data page count of a column in each row group, from the offset index. */
  private static List<Integer> pages(Path file, String column) throws IOException {
    List<Integer> pages = new ArrayList<>();
    try (ParquetFileReader r =
        ParquetFileReader.open(
            new LocalInputFile(file),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      for (var group : r.getRowGroups()) {
        for (ColumnChunkMetaData chunk : group.getColumns()) {
          if (chunk.getPath().toDotString().equals(column)) {
            pages.add(r.readOffsetIndex(chunk).getPageCount());
          }
        }
      }
    }
    assertThat(pages).isNotEmpty();
    return pages;
  }

  private static Path clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }
}
