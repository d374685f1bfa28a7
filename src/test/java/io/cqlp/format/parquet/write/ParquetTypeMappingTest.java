package io.cqlp.format.parquet.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.AllTypes;
import io.cqlp.format.parquet.Composites;
import io.cqlp.format.parquet.read.ImportTypes;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

class ParquetTypeMappingTest {

  @Test
  void should_map_every_scalar_to_the_documented_optional_parquet_type() {
    MessageType schema = ParquetTypeMapping.schemaOf(AllTypes.columns());
    List<String> described =
        schema.getFields().stream()
            .map(f -> f.getName() + ": " + ImportTypes.describe(f))
            .collect(Collectors.toList());
    assertThat(described)
        .containsExactly(
            "c_ascii: BINARY STRING",
            "c_text: BINARY STRING",
            "c_tinyint: INT32 INTEGER(8,true)",
            "c_smallint: INT32 INTEGER(16,true)",
            "c_int: INT32",
            "c_bigint: INT64",
            "c_counter: INT64",
            "c_float: FLOAT",
            "c_double: DOUBLE",
            "c_boolean: BOOLEAN",
            "c_timestamp: INT64 TIMESTAMP(MILLIS,true)",
            "c_date: INT32 DATE",
            "c_time: INT64 TIME(NANOS,false)",
            "c_uuid: BINARY STRING",
            "c_timeuuid: BINARY STRING",
            "c_blob: BINARY",
            "c_inet: BINARY STRING",
            "c_decimal: BINARY STRING",
            "c_varint: BINARY STRING");
    assertThat(schema.getFields())
        .allMatch(
            f ->
                f.isRepetition(
                    f.getName().equals("c_bigint")
                        ? Type.Repetition.REQUIRED
                        : Type.Repetition.OPTIONAL));
  }

  @Test
  void should_make_clustering_columns_required_only_when_asked() {
    List<ColumnSpec> cols =
        List.of(
            new ColumnSpec("pk", DataTypes.TEXT, io.cqlp.types.ColumnKind.PARTITION_KEY),
            new ColumnSpec("ck", DataTypes.INT, io.cqlp.types.ColumnKind.CLUSTERING),
            new ColumnSpec("st", DataTypes.INT, io.cqlp.types.ColumnKind.STATIC),
            ColumnSpec.regular("v", DataTypes.INT));
    MessageType withStatics = ParquetTypeMapping.schemaOf(cols, ParquetTypeOptions.DEFAULTS, false);
    assertThat(withStatics.getFields())
        .extracting(Type::getRepetition)
        .containsExactly(
            Type.Repetition.REQUIRED,
            Type.Repetition.OPTIONAL,
            Type.Repetition.OPTIONAL,
            Type.Repetition.OPTIONAL);
    MessageType noStatics = ParquetTypeMapping.schemaOf(cols, ParquetTypeOptions.DEFAULTS, true);
    assertThat(noStatics.getFields())
        .extracting(Type::getRepetition)
        .containsExactly(
            Type.Repetition.REQUIRED,
            Type.Repetition.REQUIRED,
            Type.Repetition.OPTIONAL,
            Type.Repetition.OPTIONAL);
  }

  @Test
  void should_keep_column_names_as_they_are() {
    MessageType schema =
        ParquetTypeMapping.schemaOf(
            List.of(ColumnSpec.regular("Mixed Case.and dots", DataTypes.INT)));
    assertThat(schema.getFieldName(0)).isEqualTo("Mixed Case.and dots");
  }

  @Test
  void should_map_composite_types_to_lists_maps_and_groups() {
    MessageType schema = ParquetTypeMapping.schemaOf(Composites.columns());
    List<String> described =
        schema.getFields().stream()
            .map(f -> f.getName() + ": " + ImportTypes.describe(f))
            .collect(Collectors.toList());
    assertThat(described)
        .containsExactly(
            "id: INT32",
            "l: LIST<INT32>",
            "s: LIST<BINARY STRING>",
            "m: MAP<BINARY STRING, INT64>",
            "fl: LIST<LIST<INT32>>",
            "t: STRUCT<f0: INT32, f1: BINARY STRING, f2: INT64 TIMESTAMP(MILLIS,true)>",
            "a: STRUCT<street: BINARY STRING, zip: INT32, tags: LIST<BINARY STRING>,"
                + " loc: STRUCT<f0: DOUBLE, f1: DOUBLE>>",
            "ma: MAP<BINARY STRING, LIST<STRUCT<street: BINARY STRING, zip: INT32,"
                + " tags: LIST<BINARY STRING>, loc: STRUCT<f0: DOUBLE, f1: DOUBLE>>>>",
            "v: LIST<FLOAT>",
            "vt: LIST<BINARY STRING>",
            "d: STRUCT<months: INT32, days: INT32, nanoseconds: INT64>");
  }

  @Test
  void should_write_three_level_lists_with_optional_elements_and_required_map_keys() {
    MessageType schema = ParquetTypeMapping.schemaOf(Composites.columns());
    assertThat(schema.getType("l").toString())
        .isEqualToIgnoringWhitespace(
            "optional group l (LIST) { repeated group list { optional int32 element; } }");
    assertThat(schema.getType("m").toString())
        .isEqualToIgnoringWhitespace(
            "optional group m (MAP) { repeated group key_value { required binary key (STRING);"
                + " optional int64 value; } }");
    assertThat(schema.getType("d").toString())
        .isEqualToIgnoringWhitespace(
            "optional group d { required int32 months; required int32 days;"
                + " required int64 nanoseconds; }");
  }

  @Test
  void should_apply_the_type_options_to_nested_values_too() {
    List<ColumnSpec> cols =
        List.of(
            ColumnSpec.regular("u", DataTypes.UUID),
            ColumnSpec.regular("tu", DataTypes.listOf(DataTypes.TIMEUUID)),
            ColumnSpec.regular("d9", DataTypes.DECIMAL),
            ColumnSpec.regular("tm", DataTypes.mapOf(DataTypes.TEXT, DataTypes.TIME)));
    assertThat(describe(cols, ParquetTypeOptions.parse("fixed", "DECIMAL(9, 2)", "micros")))
        .containsExactly(
            "u: FIXED_LEN_BYTE_ARRAY(16) UUID",
            "tu: LIST<FIXED_LEN_BYTE_ARRAY(16) UUID>",
            "d9: INT32 DECIMAL(9,2)",
            "tm: MAP<BINARY STRING, INT64 TIME(MICROS,false)>");
    assertThat(describe(cols.subList(2, 3), ParquetTypeOptions.parse(null, "decimal(18,0)", null)))
        .containsExactly("d9: INT64 DECIMAL(18,0)");
    assertThat(describe(cols.subList(2, 3), ParquetTypeOptions.parse(null, "DECIMAL(38,10)", null)))
        .containsExactly("d9: FIXED_LEN_BYTE_ARRAY(16) DECIMAL(38,10)");
  }

  @Test
  void should_refuse_custom_types_naming_the_column() {
    List<ColumnSpec> cols =
        List.of(ColumnSpec.regular("c", DataTypes.listOf(DataTypes.custom("org.example.Opaque"))));
    assertThatThrownBy(() -> ParquetTypeMapping.schemaOf(cols))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "column 'c' has CQL type list<'org.example.Opaque'>, which cqlp cannot write"
                + " to Parquet");
  }

  private static List<String> describe(List<ColumnSpec> cols, ParquetTypeOptions options) {
    return ParquetTypeMapping.schemaOf(cols, options).getFields().stream()
        .map(f -> f.getName() + ": " + ImportTypes.describe(f))
        .collect(Collectors.toList());
  }
}
