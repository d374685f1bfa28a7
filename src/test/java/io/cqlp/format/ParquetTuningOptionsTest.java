package io.cqlp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.CommandException;
import io.cqlp.command.Options;
import io.cqlp.format.parquet.write.ParquetTuning;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTuningOptionsTest {
  @TempDir Path dir;

  private static final TableSchema SCHEMA =
      new TableSchema(
          "ks",
          "t",
          List.of(
              ColumnSpec.regular("id", DataTypes.INT), ColumnSpec.regular("city", DataTypes.TEXT)),
          List.of("id"));

  private static Options options(Map<String, String> values) {
    Options.Builder b = Options.builder();
    values.forEach(b::add);
    return b.build();
  }

  @Test
  void should_read_every_option() {
    ParquetTuning t =
        ParquetTuningOptions.parse(
            options(
                Map.of(
                    "PAGE_SIZE",
                    "64KB",
                    "DICTIONARY",
                    "city:false",
                    "BLOOM_FILTER",
                    "id:1000",
                    "STATISTICS",
                    "false",
                    "WRITER_VERSION",
                    "parquet_2_0",
                    "METADATA",
                    "{\"k\": \"v\"}")));
    assertThat(t)
        .isEqualTo(
            new ParquetTuning(
                64 << 10,
                true,
                Map.of("city", false),
                Map.of("id", 1000L),
                false,
                WriterVersion.PARQUET_2_0,
                Map.of("k", "v")));
    assertThat(ParquetTuningOptions.parse(options(Map.of()))).isEqualTo(ParquetTuning.DEFAULTS);
  }

  @Test
  void should_take_row_group_size_or_its_older_name_chunksize() {
    assertThat(ParquetTuningOptions.rowsPerRowGroup(options(Map.of("ROW_GROUP_SIZE", "50K"))))
        .isEqualTo(50_000);
    assertThat(ParquetTuningOptions.rowsPerRowGroup(options(Map.of("CHUNKSIZE", "2000"))))
        .isEqualTo(2000);
    assertThat(ParquetTuningOptions.rowsPerRowGroup(options(Map.of())))
        .isEqualTo(ParquetWriteOptions.DEFAULT_ROWS_PER_ROW_GROUP);
    assertThatThrownBy(
            () ->
                ParquetTuningOptions.rowsPerRowGroup(
                    options(Map.of("CHUNKSIZE", "1", "ROW_GROUP_SIZE", "2"))))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "CHUNKSIZE and ROW_GROUP_SIZE both set rows per row group; give only ROW_GROUP_SIZE.");
  }

  @Test
  void should_read_row_group_bytes_with_the_size_parser_of_max_file_size() {
    assertThat(ParquetTuningOptions.rowGroupBytes(options(Map.of("ROW_GROUP_BYTES", "64MB"))))
        .isEqualTo(64L << 20);
    assertThat(ParquetTuningOptions.rowGroupBytes(options(Map.of("ROW_GROUP_BYTES", "2097152"))))
        .isEqualTo(2L << 20);
    assertThat(ParquetTuningOptions.rowGroupBytes(options(Map.of()))).isEqualTo(128L << 20);
    assertThatThrownBy(
            () -> ParquetTuningOptions.rowGroupBytes(options(Map.of("ROW_GROUP_BYTES", "512KB"))))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "ROW_GROUP_BYTES must be at least 1MB, got 524288 bytes; e.g. ROW_GROUP_BYTES='64MB'.");
    assertThatThrownBy(
            () -> ParquetTuningOptions.rowGroupBytes(options(Map.of("ROW_GROUP_BYTES", "lots"))))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("Invalid value 'lots' for option ROW_GROUP_BYTES: expected a size");
  }

  @Test
  void should_refuse_bad_values_in_one_line() {
    assertThatThrownBy(() -> ParquetTuningOptions.parse(options(Map.of("PAGE_SIZE", "100"))))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "PAGE_SIZE is bytes per data page, from 1KB to 1GB, got 100; e.g. PAGE_SIZE='256KB'"
                + " (PAGESIZE, without '_', is rows per driver page).");
    assertThatThrownBy(() -> ParquetTuningOptions.parse(options(Map.of("WRITER_VERSION", "3"))))
        .isInstanceOf(CommandException.class)
        .hasMessage(
            "Invalid value '3' for option WRITER_VERSION: expected one of PARQUET_1_0,"
                + " PARQUET_2_0");
    assertThatThrownBy(() -> ParquetTuningOptions.parse(options(Map.of("STATISTICS", "maybe"))))
        .isInstanceOf(CommandException.class);
  }

  @Test
  void should_name_the_columns_of_the_file_for_an_unknown_column() {
    ParquetWriteOptions write =
        ParquetWriteOptions.defaults()
            .withTuning(ParquetTuningOptions.parse(options(Map.of("BLOOM_FILTER", "ID"))));
    assertThat(ParquetTuningOptions.forFile(write, SCHEMA.columns()).tuning().bloomFilters())
        .isEqualTo(Map.of("id", 0L));
    ParquetWriteOptions bad =
        ParquetWriteOptions.defaults()
            .withTuning(ParquetTuningOptions.parse(options(Map.of("DICTIONARY", "town:false"))));
    assertThatThrownBy(() -> ParquetTuningOptions.forFile(bad, SCHEMA.columns()))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "DICTIONARY names 'town', which is not a column of the file; the columns are: id,"
                + " city.");
  }

  @Test
  void should_refuse_a_partition_column_that_only_the_directory_names_hold() {
    Options opts = options(Map.of("PARTITION", "city", "BLOOM_FILTER", "city"));
    ParquetWriteOptions write =
        ParquetWriteOptions.defaults().withTuning(ParquetTuningOptions.parse(opts));
    assertThatThrownBy(
            () -> ParquetTuningOptions.forDataset(write, SCHEMA, SCHEMA.columns().subList(0, 1)))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "BLOOM_FILTER names 'city', which is not a column of the file; the columns are: id"
                + " (a PARTITION column is only in the directory names, not in the files).");
  }

  @Test
  void should_refuse_parquet_options_on_other_formats_and_write_nothing() {
    Path csv = dir.resolve("out.csv");
    assertThatThrownBy(
            () ->
                Formats.sinks()
                    .open(Location.local(csv), SCHEMA, options(Map.of("DICTIONARY", "false"))))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "DICTIONARY is an option of Parquet files, and '"
                + csv
                + "' is written as CSV; drop"
                + " DICTIONARY, or write a .parquet file (or FORMAT='PARQUET').");
    Path parquet = dir.resolve("out.parquet");
    assertThatThrownBy(
            () ->
                Formats.sinks()
                    .open(Location.local(parquet), SCHEMA, options(Map.of("BLOOM_FILTER", "x"))))
        .isInstanceOf(TransferException.class)
        .hasMessageStartingWith("BLOOM_FILTER names 'x', which is not a column of the file");
    assertThat(dir.toFile().list()).isEmpty();
  }
}
