package io.cqlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTrainingTest {
  @TempDir Path dir;

  @Test
  void should_convert_the_bundled_file_to_every_format_with_all_its_rows() throws Exception {
    List<Long> rows = ArchiveTraining.run(dir);

    assertThat(rows).containsExactly(200L, 200L, 200L, 200L, 200L);
    assertThat(Files.readAllLines(dir.resolve("rows.csv"))).hasSize(201); // and a header
    assertThat(Files.readAllLines(dir.resolve("rows.json"))).hasSize(200);
    try (DuckDb duck = new DuckDb()) {
      String source = DuckDb.literal(dir.resolve("archive-training.parquet"));
      String zstd = DuckDb.literal(dir.resolve("zstd.parquet"));
      // The ZSTD file was converted from the SNAPPY one: both keep every value of the source.
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM (SELECT * FROM "
                      + source
                      + " EXCEPT SELECT * FROM "
                      + zstd
                      + ")"))
          .isZero();
      assertThat(duck.longValue("SELECT count(DISTINCT origin) FROM " + zstd)).isEqualTo(8);
      assertThat(
              duck.value(
                  "SELECT compression FROM parquet_metadata("
                      + zstd
                      + ") WHERE path_in_schema = 'origin'"))
          .isEqualTo("ZSTD");
    }
    try (Stream<Path> partitions = Files.list(dir.resolve("by-origin"))) {
      assertThat(partitions.map(p -> p.getFileName().toString()))
          .contains("origin=ATL", "origin=SEA");
    }
  }

  @Test
  void should_do_nothing_unless_asked() {
    assertThat(System.getProperty(ArchiveTraining.PROPERTY)).isNull();

    assertThat(ArchiveTraining.runIfAsked()).isEmpty();
  }

  @Test
  void should_train_in_a_temporary_folder_it_deletes_when_asked() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = trainingFolders(tmp);
    System.setProperty(ArchiveTraining.PROPERTY, "true");
    try {
      assertThat(ArchiveTraining.runIfAsked()).containsExactly(200L, 200L, 200L, 200L, 200L);
    } finally {
      System.clearProperty(ArchiveTraining.PROPERTY);
    }

    assertThat(trainingFolders(tmp)).isEqualTo(before);
  }

  private static List<Path> trainingFolders(Path tmp) throws Exception {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("cqlp-archive-training-"))
          .sorted()
          .toList();
    }
  }
}
