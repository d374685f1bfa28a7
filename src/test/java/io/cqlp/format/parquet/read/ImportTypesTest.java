package io.cqlp.format.parquet.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.write.ParquetTypeMapping;
import io.cqlp.types.ColumnSpec;
import java.util.Optional;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

class ImportTypesTest {

  @Test
  void should_name_the_natural_cql_type_of_foreign_primitives() {
    assertThat(ImportTypes.of(Types.optional(PrimitiveTypeName.INT64).named("a")))
        .contains(DataTypes.BIGINT);
    assertThat(
            ImportTypes.of(
                Types.optional(PrimitiveTypeName.INT32)
                    .as(LogicalTypeAnnotation.intType(8, true))
                    .named("a")))
        .contains(DataTypes.TINYINT);
    assertThat(
            ImportTypes.of(
                Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.intType(64, false))
                    .named("a")))
        .contains(DataTypes.VARINT);
    assertThat(
            ImportTypes.of(
                Types.optional(PrimitiveTypeName.INT64)
                    .as(
                        LogicalTypeAnnotation.timestampType(
                            false, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named("a")))
        .contains(DataTypes.TIMESTAMP);
    assertThat(
            ImportTypes.of(
                Types.optional(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType())
                    .named("a")))
        .contains(DataTypes.TEXT);
    assertThat(ImportTypes.of(Types.optional(PrimitiveTypeName.BINARY).named("a")))
        .contains(DataTypes.BLOB);
    assertThat(
            ImportTypes.of(
                Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                    .length(2)
                    .as(LogicalTypeAnnotation.float16Type())
                    .named("a")))
        .isEmpty();
    assertThat(ImportTypes.of(Types.repeated(PrimitiveTypeName.INT32).named("a"))).isEmpty();
  }

  @Test
  void should_name_collections_tuples_and_durations_as_cqlp_writes_them() {
    for (var cql :
        new com.datastax.oss.driver.api.core.type.DataType[] {
          DataTypes.listOf(DataTypes.INT),
          DataTypes.mapOf(DataTypes.TEXT, DataTypes.DOUBLE),
          DataTypes.DURATION,
          DataTypes.tupleOf(DataTypes.INT, DataTypes.listOf(DataTypes.BOOLEAN))
        }) {
      Type field = ParquetTypeMapping.parquetType(ColumnSpec.regular("c", cql));
      assertThat(ImportTypes.of(field)).as(cql.toString()).isEqualTo(Optional.of(cql));
    }
    Type set =
        ParquetTypeMapping.parquetType(ColumnSpec.regular("c", DataTypes.setOf(DataTypes.BIGINT)));
    assertThat(ImportTypes.of(set)).contains(DataTypes.listOf(DataTypes.BIGINT));
    assertThat(ImportTypes.describe(set)).isEqualTo("LIST<INT64>");
  }
}
