package io.cqlp.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketComparerTest {
  private static final List<ColumnSpec> CELLS =
      List.of(ColumnSpec.regular("a", DataTypes.TEXT), ColumnSpec.regular("b", DataTypes.INT));

  @TempDir Path dir;

  private static Spill.Entry entry(int id, long a, long b) {
    String key = "id=" + id;
    // A spread of hash bits, as SHA-256 gives.
    long hash = id * 0x9E3779B97F4A7C15L;
    return new Spill.Entry(hash, key, new long[] {a, b});
  }

  @Test
  void should_find_each_kind_of_difference_through_buckets_split_to_fit_in_memory()
      throws Exception {
    Spill files = new Spill(dir, "files", 2, 0, 2);
    Spill table = new Spill(dir, "table", 2, 0, 2);
    try (files;
        table) {
      for (int id = 0; id < 1000; id++) {
        if (id != 10) {
          table.add(entry(id, id, id == 20 ? -1 : id));
        }
        if (id != 30) {
          files.add(entry(id, id, id));
        }
      }
      files.add(entry(5, 5, 5));
    }
    VerifyReport report = new VerifyReport("ks.t", "x.parquet", List.of("id", "a", "b"), List.of());
    report.fileRows = 1000;
    // 50 rows a bucket at most: the four buckets of about 250 rows are each split.
    new BucketComparer(dir, CELLS, 50, report).compareAll(files, table);
    assertThat(report.tableRows()).isEqualTo(999);
    assertThat(report.onlyInTable()).isEqualTo(1);
    assertThat(report.onlyInFiles()).isEqualTo(1);
    assertThat(report.different()).isEqualTo(1);
    assertThat(report.equal()).isFalse();
    assertThat(report.lines())
        .contains(
            "  only in the table: id=30",
            "  only in the files: id=10",
            "  different: id=20 (b)",
            "  1 keys are in the files more than once; the last row of each was compared.");
    assertThat(report.lines().get(0))
        .endsWith(": 1 only in the table, 1 only in the files, 1 different (b: 1).");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("bucket files are deleted once compared").isEmpty();
    }
  }

  @Test
  void should_report_equal_sides_as_all_equal() throws Exception {
    Spill files = new Spill(dir, "files", 3, 0, 2);
    Spill table = new Spill(dir, "table", 3, 0, 2);
    try (files;
        table) {
      for (int id = 0; id < 100; id++) {
        files.add(entry(id, 1, 2));
        table.add(entry(99 - id, 1, 2));
      }
    }
    VerifyReport report = new VerifyReport("ks.t", "x.csv", List.of("id", "a", "b"), List.of("c"));
    report.fileRows = 100;
    new BucketComparer(dir, CELLS, 1000, report).compareAll(files, table);
    assertThat(report.equal()).isTrue();
    assertThat(report.lines().get(0))
        .matches(
            "Compared 100 rows of ks.t with 100 rows of 'x.csv' by primary key in"
                + " [0-9.]+ seconds: all equal\\.");
    assertThat(report.lines()).contains("  not compared (not in the files): c");
  }
}
