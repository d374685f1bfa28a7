package io.cqlp.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.command.CommandParser;
import io.cqlp.command.CopyFrom;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowEstimateTest {

  private static CopyFrom copyFrom(String source) {
    return (CopyFrom) CommandParser.parse("COPY ks.t FROM '" + source + "'");
  }

  @Test
  void should_read_the_row_count_from_parquet_footers(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rows.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT range AS id FROM range(12345)) TO "
              + DuckDb.literal(file)
              + " (FORMAT PARQUET, ROW_GROUP_SIZE 5000)");
    }
    assertThat(RowEstimate.parquetRows(file)).isEqualTo(12_345);
    assertThat(RowEstimate.forImport(copyFrom(file.toString()))).isEqualTo(12_345);
  }

  @Test
  void should_sum_the_footers_of_a_dataset(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("ds/year=2024"));
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT range AS id FROM range(100)) TO "
              + DuckDb.literal(dir.resolve("ds/year=2024/a.parquet"))
              + " (FORMAT PARQUET)");
      duck.execute(
          "COPY (SELECT range AS id FROM range(50)) TO "
              + DuckDb.literal(dir.resolve("ds/year=2024/b.parquet"))
              + " (FORMAT PARQUET)");
    }
    assertThat(RowEstimate.forImport(copyFrom(dir.resolve("ds") + "/"))).isEqualTo(150);
  }

  @Test
  void should_estimate_text_rows_from_the_mean_line_length(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("rows.csv");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      text.append(String.format("%06d,name-%06d%n", i, i));
    }
    Files.writeString(csv, text);
    assertThat(RowEstimate.forImport(copyFrom(csv.toString()))).isBetween(99_000L, 101_000L);
  }

  @Test
  void should_give_no_estimate_for_a_missing_or_non_parquet_file(@TempDir Path dir)
      throws Exception {
    Path fake = dir.resolve("fake.parquet");
    Files.writeString(fake, "not parquet at all");
    assertThat(RowEstimate.forImport(copyFrom(fake.toString()))).isEqualTo(RowEstimate.UNKNOWN);
    assertThat(RowEstimate.forImport(copyFrom(dir.resolve("none.csv").toString())))
        .isEqualTo(RowEstimate.UNKNOWN);
  }
}
