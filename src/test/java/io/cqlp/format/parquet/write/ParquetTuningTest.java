package io.cqlp.format.parquet.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

class ParquetTuningTest {
  private static final ParquetTuning D = ParquetTuning.DEFAULTS;

  @Test
  void should_default_to_parquet_javas_settings() {
    assertThat(D.pageBytes()).isZero();
    assertThat(D.dictionary()).isTrue();
    assertThat(D.dictionaryColumns()).isEmpty();
    assertThat(D.bloomFilters()).isEmpty();
    assertThat(D.statistics()).isTrue();
    assertThat(D.writerVersion()).isEqualTo(WriterVersion.PARQUET_1_0);
    assertThat(D.metadata()).isEmpty();
    assertThat(ParquetWriteOptions.defaults().tuning()).isSameAs(D);
  }

  @Test
  void should_leave_parquet_javas_properties_as_they_are_by_default() {
    MessageType schema =
        ParquetTypeMapping.schemaOf(
            List.of(ColumnSpec.regular("v", DataTypes.TEXT)), ParquetTypeOptions.DEFAULTS, false);
    ParquetProperties.Builder tuned = ParquetProperties.builder();
    D.configure(tuned, schema, 0);
    assertThat(tuned.build().toString()).isEqualTo(ParquetProperties.builder().build().toString());
    ParquetProperties.Builder capped = ParquetProperties.builder();
    D.configure(capped, schema, 64 << 10);
    assertThat(capped.build().toString())
        .isEqualTo(ParquetProperties.builder().withPageSize(64 << 10).build().toString());
  }

  @Test
  void should_read_dictionary_for_all_columns_or_per_column() {
    assertThat(D.withDictionary("false").dictionary()).isFalse();
    assertThat(D.withDictionary(" TRUE ").dictionary()).isTrue();
    ParquetTuning t = D.withDictionary("city:false, tags:TRUE");
    assertThat(t.dictionary()).isTrue();
    assertThat(t.dictionaryColumns()).isEqualTo(Map.of("city", false, "tags", true));
    ParquetTuning mixed = D.withDictionary("false,origin:true");
    assertThat(mixed.dictionary()).isFalse();
    assertThat(mixed.dictionaryColumns()).isEqualTo(Map.of("origin", true));
  }

  @Test
  void should_refuse_bad_dictionary_values_with_an_example() {
    assertThatThrownBy(() -> D.withDictionary("maybe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DICTIONARY 'maybe': 'maybe' is neither true nor false;"
                + " e.g. DICTIONARY='false' or 'col1:false,col2:true'");
    assertThatThrownBy(() -> D.withDictionary("a:false,,b:true"))
        .hasMessageContaining("it has an empty item");
    assertThatThrownBy(() -> D.withDictionary("a:")).hasMessageContaining("it has an empty item");
    assertThatThrownBy(() -> D.withDictionary("a:false,a:true"))
        .hasMessageContaining("it names 'a' twice");
    assertThatThrownBy(() -> D.withDictionary("false,true"))
        .hasMessageContaining("it gives the default for all columns twice");
  }

  @Test
  void should_read_bloom_filter_columns_with_optional_ndv() {
    ParquetTuning t = D.withBloomFilters("id:100000, email");
    assertThat(t.bloomFilters()).isEqualTo(Map.of("id", 100_000L, "email", 0L));
    assertThatThrownBy(() -> D.withBloomFilters("id:lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid BLOOM_FILTER 'id:lots': 'lots' is no count of distinct values; e.g."
                + " BLOOM_FILTER='col1,col2:100000' (a column, optionally ':' and its distinct"
                + " values)");
    assertThatThrownBy(() -> D.withBloomFilters("id:0")).hasMessageContaining("'0' is no count");
    assertThatThrownBy(() -> D.withBloomFilters("id,id:5"))
        .hasMessageContaining("names 'id' twice");
    assertThatThrownBy(() -> D.withBloomFilters("")).hasMessageContaining("empty item");
  }

  @Test
  void should_read_metadata_as_a_json_object_of_strings_in_order() {
    ParquetTuning t = D.withMetadata("{\"team\": \"ops\", \"a\": \"\\u00e9\"}");
    assertThat(t.metadata()).containsExactly(Map.entry("team", "ops"), Map.entry("a", "é"));
    assertThatThrownBy(() -> D.withMetadata("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "METADATA must be a JSON object of strings, got '[1]';"
                + " e.g. METADATA='{\"team\": \"ops\", \"source\": \"prod\"}'");
    assertThatThrownBy(() -> D.withMetadata("{team: ops}"))
        .hasMessageStartingWith("METADATA must be");
    assertThatThrownBy(() -> D.withMetadata("{\"n\": 1}"))
        .hasMessageStartingWith("METADATA value of 'n' is 1, not a string");
  }

  @Test
  void should_keep_cqlps_own_footer_keys() {
    assertThatThrownBy(() -> D.withMetadata("{\"cqlp.schema\": \"x\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "METADATA key 'cqlp.schema' is one cqlp writes itself (cqlp.*, writer.model.name);"
                + " choose another key");
    assertThatThrownBy(() -> D.withMetadata("{\"writer.model.name\": \"x\"}"))
        .hasMessageContaining("one cqlp writes itself");
    assertThatThrownBy(() -> D.withMetadata("{\"\": \"x\"}")).hasMessageContaining("is empty");
  }

  @Test
  void should_check_the_page_size_range() {
    assertThat(D.withPageBytes(8192).pageBytes()).isEqualTo(8192);
    assertThatThrownBy(() -> D.withPageBytes(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PAGE_SIZE must be from 1KB to 1GB, got 100 bytes; e.g. PAGE_SIZE='256KB'");
  }

  @Test
  void should_resolve_column_names_exactly_else_in_another_case() {
    ParquetTuning t = D.withDictionary("CITY:false").withBloomFilters("Id");
    ParquetTuning resolved = t.forColumns(List.of("id", "city", "v"));
    assertThat(resolved.dictionaryColumns()).isEqualTo(Map.of("city", false));
    assertThat(resolved.bloomFilters()).isEqualTo(Map.of("id", 0L));
    assertThatThrownBy(() -> D.withBloomFilters("nope").forColumns(List.of("id", "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "BLOOM_FILTER names 'nope', which is not a column of the file; the columns are: id, v");
    assertThat(D.withDictionary("x:false").forColumns(List.of("X", "x2")).dictionaryColumns())
        .isEqualTo(Map.of("X", false));
    assertThatThrownBy(() -> D.withDictionary("ab:false").forColumns(List.of("AB", "Ab")))
        .hasMessage(
            "DICTIONARY names 'ab', which is ambiguous ([AB, Ab]); the columns are: AB, Ab");
  }
}
