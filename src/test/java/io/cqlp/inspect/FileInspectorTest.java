package io.cqlp.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.write.ParquetRowWriter;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.rows.TransferException;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInspectorTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(
          ColumnSpec.regular("id", DataTypes.INT),
          ColumnSpec.regular("tags", DataTypes.setOf(DataTypes.TEXT)),
          ColumnSpec.regular("u", DataTypes.UUID));

  @TempDir Path dir;

  private Path write(Path file, int rows) throws IOException {
    Files.createDirectories(file.getParent());
    try (ParquetRowWriter writer =
        ParquetRowWriter.open(
            file,
            COLUMNS,
            ParquetWriteOptions.defaults().withTable("ks", "t").withRowsPerRowGroup(4))) {
      for (int i = 0; i < rows; i++) {
        writer.write(new Object[] {i, java.util.Set.of("t" + i), null});
      }
      writer.commit();
    }
    return file;
  }

  private static String run(java.util.function.Consumer<FileInspector> action) {
    StringWriter text = new StringWriter();
    action.accept(new FileInspector(new PrintWriter(text)));
    return text.toString();
  }

  @Test
  void should_describe_columns_row_groups_and_the_cqlp_schema() throws IOException {
    Path file = write(dir.resolve("t.parquet"), 10);
    String out = run(i -> i.describe(file.toString()));
    assertThat(out)
        .contains(
            "File: " + file,
            "Size: " + Files.size(file) + " bytes",
            "Rows: 10",
            "Row groups: 3",
            "Codecs: SNAPPY",
            "cqlp.schema = {",
            "\"table\":\"t\"");
    assertThat(out.lines().map(String::strip))
        .contains(
            "id     | INT32               | optional   | int",
            "tags   | LIST<BINARY STRING> | optional   | list<text>",
            "u      | BINARY STRING       | optional   | text");
    assertThat(out).containsPattern("(?m)^ +2 \\| +2 \\| +\\d+ \\| +\\d+$");
  }

  @Test
  void should_show_the_first_rows_as_select_prints_them() throws IOException {
    Path file = write(dir.resolve("t.parquet"), 10);
    String out = run(i -> i.show(file.toString(), 3));
    assertThat(out.lines().map(String::stripTrailing))
        .containsSubsequence(
            " id | tags   | u",
            "----+--------+------",
            "  0 | ['t0'] | null",
            "  2 | ['t2'] | null",
            "(3 rows)");
  }

  @Test
  void should_show_a_dataset_with_its_partition_keys_as_columns() throws IOException {
    write(dir.resolve("ds/g=a/part-00000.parquet"), 2);
    write(dir.resolve("ds/g=b/part-00000.parquet"), 1);
    String shown = run(i -> i.show(dir.resolve("ds") + "/", 10));
    assertThat(shown)
        .contains(
            " id | tags   | u    | g",
            "  0 | ['t0'] | null | a",
            "  0 | ['t0'] | null | b",
            "(3 rows)");
    String described = run(i -> i.describe(dir.resolve("ds").toString()));
    assertThat(described)
        .contains(
            "Files: 2",
            "Partition columns: g",
            "Rows: 3",
            "g=a/part-00000.parquet",
            "Schema of the first file:");
  }

  @Test
  void should_fail_with_one_line_for_a_missing_or_foreign_file() throws IOException {
    assertThatThrownBy(() -> run(i -> i.describe(dir.resolve("none.parquet").toString())))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "Cannot describe '" + dir.resolve("none.parquet") + "': no such file or directory.");
    Path text = Files.writeString(dir.resolve("x.parquet"), "not parquet at all");
    assertThatThrownBy(() -> run(i -> i.show(text.toString(), 1)))
        .isInstanceOf(TransferException.class)
        .hasMessageStartingWith(
            "Cannot read '" + text + "' as Parquet: the file is not a Parquet file")
        .hasMessageNotContaining("InputFile@")
        .hasMessageNotContaining("\n");
  }
}
