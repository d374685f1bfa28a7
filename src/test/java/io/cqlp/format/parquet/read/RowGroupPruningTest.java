package io.cqlp.format.parquet.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.write.ParquetRowWriter;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.rows.RowFilter;
import io.cqlp.types.ColumnSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row groups of 100 rows, ids 0..999 in order, names "n000".."n999", times 1 second apart. */
class RowGroupPruningTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(
          ColumnSpec.regular("id", DataTypes.BIGINT),
          ColumnSpec.regular("name", DataTypes.TEXT),
          ColumnSpec.regular("at", DataTypes.TIMESTAMP),
          ColumnSpec.regular("empty", DataTypes.INT));
  @TempDir static Path dir;
  private static Path file;

  @BeforeAll
  static void write() throws Exception {
    file = dir.resolve("ordered.parquet");
    try (ParquetRowWriter w =
        ParquetRowWriter.open(
            file, COLUMNS, ParquetWriteOptions.defaults().withRowsPerRowGroup(100))) {
      for (long i = 0; i < 1000; i++) {
        w.write(new Object[] {i, String.format("n%03d", i), Instant.ofEpochSecond(i), null});
      }
      w.commit();
    }
  }

  /**
   * The ids read with the WHERE, and the row groups skipped, the filter handed over as COPY 'file'
   * TO does: through {@link io.cqlp.rows.RowSource#skipUnmatchedBlocks}.
   */
  private static List<Object> read(String where, int skipped) throws Exception {
    RowFilter filter = RowFilter.parse(where, COLUMNS);
    List<Object> ids = new ArrayList<>();
    try (ParquetRowReader r = ParquetRowReader.open(file, COLUMNS, true)) {
      r.skipUnmatchedBlocks(filter);
      for (Object[] row; (row = r.next()) != null; ) {
        if (filter.test(row)) {
          ids.add(row[0]);
        }
      }
      assertThat(r.rowGroupsSkipped()).as(where).isEqualTo(skipped);
    }
    return ids;
  }

  @Test
  void skips_the_row_groups_whose_statistics_rule_out_a_match() throws Exception {
    assertThat(read("id = 250", 9)).containsExactly(250L);
    assertThat(read("id >= 950", 9)).hasSize(50);
    assertThat(read("id < 100", 9)).hasSize(100);
    assertThat(read("id <= 100", 8)).hasSize(101);
    assertThat(read("id > 99 AND id < 200", 9)).hasSize(100);
    assertThat(read("name = 'n512'", 9)).containsExactly(512L);
    assertThat(read("at < '1970-01-01T00:03:20Z'", 8)).hasSize(200);
    assertThat(read("empty = 1", 10)).isEmpty();
    assertThat(read("id >= 0", 0)).hasSize(1000);
  }
}
