package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.Options;
import io.cqlp.format.Formats;
import io.cqlp.rows.ConversionException;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.TableSchema;
import io.cqlp.testing.DuckDb;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourceTest {
  private static final TableSchema EVENTS =
      new TableSchema(
          "ks",
          "events",
          List.of(
              new ColumnSpec("region", DataTypes.TEXT, ColumnKind.PARTITION_KEY),
              new ColumnSpec("id", DataTypes.INT, ColumnKind.CLUSTERING),
              ColumnSpec.regular("day", DataTypes.DATE),
              ColumnSpec.regular("v", DataTypes.BIGINT)),
          List.of("region"));

  @TempDir Path dir;

  private Path duckDbDataset() throws Exception {
    Path out = dir.resolve("duck");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT * FROM (VALUES ('eu/west', 1, DATE '2024-01-05', 10), ('eu/west', 2, DATE"
              + " '2024-02-05', 20), (NULL, 3, DATE '2024-01-06', 30), ('ünï', 4, DATE"
              + " '2023-12-31', 40)) t(region, id, day, v)) TO "
              + DuckDb.literal(out)
              + " (FORMAT parquet, PARTITION_BY (region))");
    }
    return out;
  }

  private static List<Object[]> all(RowSource source) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    for (Object[] row; (row = source.next()) != null; ) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void should_read_a_duckdb_partitioned_dataset_with_partition_values_typed_by_the_table()
      throws Exception {
    Path data = duckDbDataset();
    try (DatasetSource source =
        DatasetSource.open(
            DatasetListing.list(data + "/", PartitionFilter.none()),
            EVENTS,
            false,
            Formats.sources(),
            Options.empty())) {
      assertThat(source.columns())
          .extracting(ColumnSpec::name)
          .containsExactly("region", "id", "day", "v");
      List<Object[]> rows = all(source);
      assertThat(rows).extracting(r -> r[1]).containsExactlyInAnyOrder(1, 2, 3, 4);
      for (Object[] r : rows) {
        Object expected =
            switch ((Integer) r[1]) {
              case 1, 2 -> "eu/west";
              case 3 -> null;
              default -> "ünï";
            };
        assertThat(r[0]).as("row %s", r[1]).isEqualTo(expected);
      }
      assertThat(rows)
          .filteredOn(r -> r[1].equals(4))
          .first()
          .satisfies(r -> assertThat(r[2]).isEqualTo(LocalDate.of(2023, 12, 31)));
      assertThat(source.filesRead()).isEqualTo(3);
      assertThat(source.partitionsRead()).isEqualTo(3);
      assertThat(source.bytesRead()).isPositive();
    }
  }

  @Test
  void should_read_only_the_listed_columns_taking_a_path_column_from_the_directory()
      throws Exception {
    Path data = duckDbDataset();
    TableSchema listed =
        new TableSchema(
            "ks",
            "events",
            List.of(EVENTS.columns().get(1), EVENTS.columns().get(0)),
            List.of("region"));
    try (DatasetSource source =
        DatasetSource.open(
            DatasetListing.list(data.toString(), PartitionFilter.parse("region=eu/west")),
            listed,
            true,
            Formats.sources(),
            Options.empty())) {
      List<Object[]> rows = all(source);
      assertThat(rows)
          .extracting(r -> List.of(r[0], r[1]))
          .containsExactlyInAnyOrder(List.of(1, "eu/west"), List.of(2, "eu/west"));
      assertThat(source.filesRead()).isEqualTo(1);
    }
  }

  @Test
  void should_ignore_directory_keys_that_name_no_column() throws Exception {
    Path out = dir.resolve("derived");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT 'eu' AS region, 7 AS id, DATE '2024-03-01' AS day, 1 AS v, 2024 AS year)"
              + " TO "
              + DuckDb.literal(out)
              + " (FORMAT parquet, PARTITION_BY (year))");
    }
    try (DatasetSource source =
        DatasetSource.open(
            DatasetListing.list(out.toString(), PartitionFilter.parse("year=2024")),
            EVENTS,
            false,
            Formats.sources(),
            Options.empty())) {
      assertThat(all(source)).hasSize(1);
    }
  }

  @Test
  void should_name_the_directory_and_column_of_a_value_that_does_not_fit() throws Exception {
    Path bad = dir.resolve("bad/id=notanumber");
    Files.createDirectories(bad);
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT 'eu' AS region) TO "
              + DuckDb.literal(bad.resolve("f.parquet"))
              + " (FORMAT parquet)");
    }
    try (DatasetSource source =
        DatasetSource.open(
            DatasetListing.list(dir.resolve("bad").toString(), PartitionFilter.none()),
            EVENTS,
            false,
            Formats.sources(),
            Options.empty())) {
      assertThatThrownBy(source::next)
          .isInstanceOf(ConversionException.class)
          .hasMessageContaining("id=notanumber")
          .hasMessageContaining("column 'id'")
          .hasMessageContaining("int");
    }
  }

  @Test
  void should_read_files_without_a_parquet_extension_as_parquet_as_hive_names_them()
      throws Exception {
    Path hive = Files.createDirectories(dir.resolve("hive/region=eu"));
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT 5 AS id, 50 AS v) TO "
              + DuckDb.literal(hive.resolve("000000_0"))
              + " (FORMAT parquet)");
    }
    try (DatasetSource source =
        DatasetSource.open(
            DatasetListing.list(dir.resolve("hive").toString(), PartitionFilter.none()),
            EVENTS,
            false,
            Formats.sources(),
            Options.empty())) {
      assertThat(all(source))
          .extracting(r -> List.of(r[0], r[1], r[2]))
          .containsExactly(List.of("eu", 5, 50L));
      assertThat(source.columns())
          .extracting(ColumnSpec::name)
          .containsExactly("region", "id", "v");
    }
  }

  @Test
  void should_return_no_rows_for_a_dataset_without_files() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    try (DatasetSource source =
        DatasetSource.open(
            DatasetListing.list(dir.resolve("empty").toString(), PartitionFilter.none()),
            EVENTS,
            false,
            Formats.sources(),
            Options.empty())) {
      assertThat(source.next()).isNull();
      assertThat(source.columns()).isEqualTo(EVENTS.columns());
    }
  }
}
