package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Locations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriteOptionsTest {
  @TempDir Path dir;

  private static Options options(String... pairs) {
    Options.Builder b = Options.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.add(pairs[i], pairs[i + 1]);
    }
    return b.build();
  }

  @Test
  void should_read_sizes_1024_based_and_the_write_mode() {
    DatasetWriteOptions o =
        DatasetWriteOptions.from(
            options(
                "PARTITION",
                "a,b",
                "MAX_FILE_SIZE",
                "500MB",
                "MAX_OPEN_FILES",
                "8",
                "append",
                "true"));
    assertThat(o).isEqualTo(new DatasetWriteOptions("a,b", 500L << 20, 8, WriteMode.APPEND));
    assertThat(DatasetWriteOptions.from(options("OVERWRITE", "yes")).mode())
        .isEqualTo(WriteMode.OVERWRITE);
    assertThat(DatasetWriteOptions.from(Options.empty()))
        .isEqualTo(
            new DatasetWriteOptions(
                null, 0, DatasetWriteOptions.DEFAULT_MAX_OPEN_FILES, WriteMode.ERROR_IF_NOT_EMPTY));
  }

  @Test
  void should_refuse_both_overwrite_and_append_and_sizes_out_of_range() {
    assertThatThrownBy(
            () -> DatasetWriteOptions.from(options("OVERWRITE", "true", "APPEND", "true")))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("choose one");
    assertThatThrownBy(() -> DatasetWriteOptions.from(options("MAX_FILE_SIZE", "1KB")))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("16KB");
    assertThatThrownBy(() -> DatasetWriteOptions.from(options("MAX_OPEN_FILES", "0")))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("MAX_OPEN_FILES");
  }

  @Test
  void should_see_a_dataset_in_a_trailing_slash_an_existing_directory_or_the_dataset_options()
      throws Exception {
    assertThat(DatasetWriteOptions.isDataset(Locations.resolve("out/"), "out/", Options.empty()))
        .isTrue();
    assertThat(
            DatasetWriteOptions.isDataset(
                Locations.resolve(dir.toString()), dir.toString(), Options.empty()))
        .isTrue();
    assertThat(
            DatasetWriteOptions.isDataset(
                Locations.resolve("f.parquet"), "f.parquet", options("PARTITION", "a")))
        .isTrue();
    assertThat(
            DatasetWriteOptions.isDataset(
                Locations.resolve("f.parquet"), "f.parquet", options("MAX_FILE_SIZE", "1MB")))
        .isTrue();
    Path file = Files.createFile(dir.resolve("f.parquet"));
    assertThat(
            DatasetWriteOptions.isDataset(
                Locations.resolve(file.toString()), file.toString(), Options.empty()))
        .isFalse();
  }
}
