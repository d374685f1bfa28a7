package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.rows.TransferException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetListingTest {
  @TempDir Path root;

  private void file(String relative) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, relative);
  }

  @BeforeEach
  void spark_style_tree() throws Exception {
    file("_SUCCESS");
    file("year=2024/month=01/part-00000-abc.c000.snappy.parquet");
    file("year=2024/month=01/.part-00000-abc.c000.snappy.parquet.crc");
    file("year=2024/month=02/part-00000-def.c000.snappy.parquet");
    file("year=2023/month=12/part-00000-ghi.c000.snappy.parquet");
    file("year=__HIVE_DEFAULT_PARTITION__/month=01/part-00000.parquet");
    file("_temporary/0/part-00009.parquet");
    file(".staging/part-00000.parquet");
  }

  private List<String> relative(DatasetListing listing) {
    return listing.files().stream()
        .map(f -> root.relativize(f.file().localPath()).toString())
        .toList();
  }

  @Test
  void should_list_every_data_file_recursively_in_path_order_skipping_hidden_names()
      throws Exception {
    DatasetListing listing = DatasetListing.list(root + "/", PartitionFilter.none());
    assertThat(relative(listing))
        .containsExactly(
            "year=2023/month=12/part-00000-ghi.c000.snappy.parquet",
            "year=2024/month=01/part-00000-abc.c000.snappy.parquet",
            "year=2024/month=02/part-00000-def.c000.snappy.parquet",
            "year=__HIVE_DEFAULT_PARTITION__/month=01/part-00000.parquet");
    assertThat(listing.files().get(0).levels())
        .containsExactly(new PathLevel("year", "2023"), new PathLevel("month", "12"));
    assertThat(listing.keys()).containsExactlyInAnyOrder("year", "month");
  }

  @Test
  void should_prune_directories_the_filter_rejects_without_listing_them() throws Exception {
    DatasetListing listing =
        DatasetListing.list(root.toString(), PartitionFilter.parse("year=2024,month=1"));
    assertThat(relative(listing))
        .containsExactly("year=2024/month=01/part-00000-abc.c000.snappy.parquet");
    assertThat(listing.pruned())
        .as("year=2023, year=__HIVE_DEFAULT_PARTITION__, month=02")
        .isEqualTo(3);
  }

  @Test
  void should_match_a_glob_below_its_fixed_directory() throws Exception {
    file("loose.parquet");
    file("notes.txt");
    assertThat(relative(DatasetListing.list(root + "/*.parquet", PartitionFilter.none())))
        .containsExactly("loose.parquet");
    assertThat(relative(DatasetListing.list(root + "/**/*.parquet", PartitionFilter.none())))
        .contains("loose.parquet", "year=2024/month=02/part-00000-def.c000.snappy.parquet")
        .hasSize(5);
    assertThat(
            relative(DatasetListing.list(root + "/year=2024/*/*.parquet", PartitionFilter.none())))
        .hasSize(2);
  }

  @Test
  void should_name_a_filter_key_that_no_directory_has() {
    assertThatThrownBy(
            () -> DatasetListing.list(root.toString(), PartitionFilter.parse("yeer=2024")))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("'yeer'")
        .hasMessageContaining("month, year");
  }

  @Test
  void should_say_when_the_directory_does_not_exist() {
    assertThatThrownBy(
            () -> DatasetListing.list(root.resolve("nope") + "/", PartitionFilter.none()))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("no such directory");
  }

  @Test
  void should_recognise_a_dataset_source() throws Exception {
    assertThat(DatasetListing.isDataset("dir/")).isTrue();
    assertThat(DatasetListing.isDataset(root.toString())).isTrue();
    assertThat(DatasetListing.isDataset("dir/*.parquet")).isTrue();
    assertThat(DatasetListing.isDataset("file.parquet")).isFalse();
  }
}
