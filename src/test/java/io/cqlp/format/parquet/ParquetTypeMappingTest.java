package io.cqlp.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

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
    List<String> described = schema.getFields().stream()
        .map(f -> f.getName() + ": " + ParquetColumn.describe(f))
        .collect(Collectors.toList());
    assertThat(described).containsExactly(
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
    assertThat(schema.getFields()).allMatch(f -> f.isRepetition(Type.Repetition.OPTIONAL));
  }

  @Test
  void should_keep_column_names_as_they_are() {
    MessageType schema = ParquetTypeMapping.schemaOf(List.of(
        ColumnSpec.regular("Mixed Case.and dots", com.datastax.oss.driver.api.core.type.DataTypes.INT)));
    assertThat(schema.getFieldName(0)).isEqualTo("Mixed Case.and dots");
  }
}
