package io.cqlp.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class CqlTypeTextTest {

  @Test
  void reads_back_every_type_text_schema_json_writes() {
    UserDefinedType point =
        new UserDefinedTypeBuilder(
                CqlIdentifier.fromInternal("ks"), CqlIdentifier.fromInternal("point"))
            .withField(CqlIdentifier.fromInternal("x"), DataTypes.DOUBLE)
            .build();
    UserDefinedType place =
        new UserDefinedTypeBuilder(
                CqlIdentifier.fromInternal("ks"), CqlIdentifier.fromInternal("Place"))
            .withField(CqlIdentifier.fromInternal("at"), point.copy(true))
            .withField(CqlIdentifier.fromInternal("tags"), DataTypes.setOf(DataTypes.TEXT))
            .build();
    List<DataType> types =
        List.of(
            DataTypes.TIMEUUID,
            DataTypes.VARINT,
            DataTypes.DECIMAL,
            DataTypes.DURATION,
            DataTypes.frozenMapOf(DataTypes.INT, DataTypes.frozenListOf(DataTypes.TEXT)),
            DataTypes.setOf(DataTypes.BLOB),
            DataTypes.tupleOf(DataTypes.INT, DataTypes.TIMESTAMP),
            DataTypes.vectorOf(DataTypes.FLOAT, 3),
            point.copy(true),
            DataTypes.listOf(place.copy(true)));
    List<ColumnSpec> columns = new java.util.ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      columns.add(ColumnSpec.regular("c" + i, types.get(i)));
    }
    SchemaJson.Document doc = SchemaJson.parse(SchemaJson.write("ks", "t", columns));
    CqlTypeText parser = new CqlTypeText(doc.userTypes());
    for (int i = 0; i < types.size(); i++) {
      DataType parsed = parser.parse(doc.columns().get(i).cqlType());
      assertThat(parsed.asCql(true, true)).isEqualTo(types.get(i).asCql(true, true));
    }
    // Usable without a session: values of a parsed tuple are made with the default codecs.
    TupleType tuple = (TupleType) parser.parse("frozen<tuple<int, timestamp>>");
    assertThat(tuple.newValue(1, java.time.Instant.EPOCH).getInt(0)).isEqualTo(1);
  }

  @Test
  void refuses_what_is_not_a_type() {
    CqlTypeText parser = new CqlTypeText(List.of());
    assertThatThrownBy(() -> parser.parse("ks.nosuchtype"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ks.nosuchtype");
  }
}
