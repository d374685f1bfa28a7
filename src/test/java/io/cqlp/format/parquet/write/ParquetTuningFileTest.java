package io.cqlp.format.parquet.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.FooterKeys;
import io.cqlp.format.parquet.codec.HadoopFreeCodecFactory;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.values.bloomfilter.BloomFilter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link ParquetTuning} changes in a written file, read back with parquet-java's own reader
 * (pages, dictionary pages, bloom filters, column and offset indexes, which DuckDB does not all
 * show).
 */
class ParquetTuningFileTest {
  private static final int ROWS = 20_000;
  @TempDir Path dir;

  private static final List<ColumnSpec> COLUMNS =
      List.of(
          new ColumnSpec("id", DataTypes.BIGINT, ColumnKind.PARTITION_KEY),
          ColumnSpec.regular("city", DataTypes.TEXT),
          ColumnSpec.regular("tags", DataTypes.listOf(DataTypes.TEXT)));

  private Path write(String name, ParquetTuning tuning) throws IOException {
    Path file = dir.resolve(name);
    try (ParquetRowWriter w =
        ParquetRowWriter.open(file, COLUMNS, ParquetWriteOptions.defaults().withTuning(tuning))) {
      for (long i = 0; i < ROWS; i++) {
        w.write(new Object[] {i * 7, "city-" + (i % 50), List.of("t" + (i % 3))});
      }
      w.commit();
    }
    return file;
  }

  private static <T> T read(Path file, Function<ParquetFileReader, T> f) throws IOException {
    try (ParquetFileReader r = open(file)) {
      return f.apply(r);
    }
  }

  /** A reader without Hadoop's configuration (whose XML parser cqlp does not ship). */
  private static ParquetFileReader open(Path file) throws IOException {
    return ParquetFileReader.open(
        new LocalInputFile(file),
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new HadoopFreeCodecFactory())
            .build());
  }

  private static ColumnChunkMetaData chunk(ParquetFileReader r, String path) {
    return r.getRowGroups().get(0).getColumns().stream()
        .filter(c -> c.getPath().toDotString().equals(path))
        .findFirst()
        .orElseThrow();
  }

  private static int pages(Path file, String path) throws IOException {
    return read(
        file,
        r -> {
          try {
            return r.readOffsetIndex(chunk(r, path)).getPageCount();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void should_write_dictionaries_statistics_and_both_page_indexes_by_default() throws Exception {
    Path file = write("default.parquet", ParquetTuning.DEFAULTS);
    read(
        file,
        r -> {
          try {
            for (ColumnChunkMetaData c : r.getRowGroups().get(0).getColumns()) {
              assertThat(r.readColumnIndex(c)).as(c.getPath().toDotString()).isNotNull();
              assertThat(r.readOffsetIndex(c)).as(c.getPath().toDotString()).isNotNull();
              assertThat(c.getStatistics().hasNonNullValue()).isTrue();
              assertThat(c.getBloomFilterOffset()).isEqualTo(-1);
            }
            assertThat(chunk(r, "city").hasDictionaryPage()).isTrue();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
  }

  @Test
  void should_write_no_dictionary_page_where_dictionaries_are_off() throws Exception {
    Path none = write("none.parquet", ParquetTuning.DEFAULTS.withDictionary("false"));
    read(
        none,
        r -> {
          for (ColumnChunkMetaData c : r.getRowGroups().get(0).getColumns()) {
            assertThat(c.hasDictionaryPage()).as(c.getPath().toDotString()).isFalse();
            assertThat(c.getEncodings())
                .doesNotContain(Encoding.RLE_DICTIONARY, Encoding.PLAIN_DICTIONARY);
          }
          return null;
        });
    Path some =
        write(
            "some.parquet",
            ParquetTuning.DEFAULTS
                .withDictionary("CITY:false")
                .forColumns(List.of("id", "city", "tags")));
    read(
        some,
        r -> {
          assertThat(chunk(r, "city").hasDictionaryPage()).isFalse();
          assertThat(chunk(r, "tags.list.element").hasDictionaryPage()).isTrue();
          return null;
        });
  }

  @Test
  void should_cut_smaller_pages_at_a_smaller_page_size() throws Exception {
    Path big = write("big.parquet", ParquetTuning.DEFAULTS.withDictionary("false"));
    Path small =
        write(
            "small.parquet", ParquetTuning.DEFAULTS.withDictionary("false").withPageBytes(8 << 10));
    assertThat(pages(big, "id")).isEqualTo(1);
    // 20,000 plain longs are 160,000 bytes: about 20 pages of 8 KiB.
    assertThat(pages(small, "id")).isBetween(15, 25);
  }

  @Test
  void should_write_bloom_filters_into_the_footer() throws Exception {
    Path file = write("bloom.parquet", ParquetTuning.DEFAULTS.withBloomFilters("id:20000,city"));
    read(
        file,
        r -> {
          try {
            for (String column : List.of("id", "city")) {
              assertThat(chunk(r, column).getBloomFilterOffset()).as(column).isPositive();
            }
            assertThat(chunk(r, "tags.list.element").getBloomFilterOffset()).isEqualTo(-1);
            BloomFilter ids = r.readBloomFilter(chunk(r, "id"));
            assertThat(ids.findHash(ids.hash(7L * 1234))).isTrue();
            long falsePositives = 0;
            for (long absent = 1; absent <= 1000; absent++) {
              falsePositives += ids.findHash(ids.hash(absent * 7 + 3)) ? 1 : 0;
            }
            assertThat(falsePositives).isLessThan(20);
            BloomFilter cities = r.readBloomFilter(chunk(r, "city"));
            assertThat(cities.findHash(cities.hash(Binary.fromString("city-49")))).isTrue();
            assertThat(cities.findHash(cities.hash(Binary.fromString("city-50")))).isFalse();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
  }

  @Test
  void should_leave_statistics_and_the_column_index_out_when_asked() throws Exception {
    Path file = write("nostats.parquet", ParquetTuning.DEFAULTS.withStatistics(false));
    read(
        file,
        r -> {
          try {
            ColumnChunkMetaData id = chunk(r, "id");
            assertThat(id.getStatistics().isEmpty()).isTrue();
            assertThat(r.readColumnIndex(id)).isNull();
            assertThat(r.readOffsetIndex(id)).isNotNull();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
  }

  @Test
  void should_write_data_pages_v2_for_parquet_2_0() throws Exception {
    Path v1 = write("v1.parquet", ParquetTuning.DEFAULTS);
    Path v2 =
        write(
            "v2.parquet",
            ParquetTuning.DEFAULTS.withWriterVersion(
                org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_2_0));
    assertThat(firstPage(v1)).isInstanceOf(DataPageV1.class);
    assertThat(firstPage(v2)).isInstanceOf(DataPageV2.class);
  }

  private static Object firstPage(Path file) throws IOException {
    try (ParquetFileReader r = open(file)) {
      var descriptor =
          r.getFooter().getFileMetaData().getSchema().getColumnDescription(new String[] {"id"});
      return r.readNextRowGroup().getPageReader(descriptor).readPage();
    }
  }

  @Test
  void should_add_user_metadata_beside_cqlps_own_keys() throws Exception {
    Path file = write("meta.parquet", ParquetTuning.DEFAULTS.withMetadata("{\"team\": \"ops\"}"));
    Map<String, String> kv = read(file, r -> r.getFooter().getFileMetaData().getKeyValueMetaData());
    assertThat(kv)
        .containsEntry("team", "ops")
        .containsEntry("writer.model.name", "cqlp")
        .containsKeys(FooterKeys.SCHEMA, FooterKeys.VERSION);
  }

  @Test
  void should_create_nothing_for_an_unknown_column() {
    Path file = dir.resolve("never.parquet");
    assertThatThrownBy(
            () ->
                ParquetRowWriter.open(
                    file,
                    COLUMNS,
                    ParquetWriteOptions.defaults()
                        .withTuning(ParquetTuning.DEFAULTS.withBloomFilters("nope"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("BLOOM_FILTER names 'nope'");
    assertThat(dir.toFile().list()).isEmpty();
    assertThat(Files.exists(file)).isFalse();
  }
}
