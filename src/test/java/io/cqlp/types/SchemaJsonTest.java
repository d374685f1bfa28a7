package io.cqlp.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {
  private static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("id", DataTypes.UUID, ColumnKind.PARTITION_KEY),
      new ColumnSpec("at", DataTypes.TIMEUUID, ColumnKind.CLUSTERING),
      new ColumnSpec("Owner \"x\"", DataTypes.TEXT, ColumnKind.STATIC),
      new ColumnSpec("tags", DataTypes.frozenMapOf(DataTypes.TEXT, DataTypes.INT),
          ColumnKind.REGULAR));

  @Test
  void should_write_the_documented_compact_json() {
    assertThat(SchemaJson.write("ks", "t", COLUMNS)).isEqualTo("{\"keyspace\":\"ks\","
        + "\"table\":\"t\",\"columns\":["
        + "{\"name\":\"id\",\"cql_type\":\"uuid\",\"kind\":\"partition_key\"},"
        + "{\"name\":\"at\",\"cql_type\":\"timeuuid\",\"kind\":\"clustering\"},"
        + "{\"name\":\"Owner \\\"x\\\"\",\"cql_type\":\"text\",\"kind\":\"static\"},"
        + "{\"name\":\"tags\",\"cql_type\":\"map<text, int>\",\"kind\":\"regular\"}]}");
  }

  @Test
  void should_read_back_what_it_writes_with_unknown_table_as_null() {
    SchemaJson.Document doc = SchemaJson.parse(SchemaJson.write(null, null, COLUMNS));
    assertThat(doc.keyspace()).isNull();
    assertThat(doc.table()).isNull();
    assertThat(doc.columns()).containsExactly(
        new SchemaJson.Column("id", "uuid", ColumnKind.PARTITION_KEY),
        new SchemaJson.Column("at", "timeuuid", ColumnKind.CLUSTERING),
        new SchemaJson.Column("Owner \"x\"", "text", ColumnKind.STATIC),
        new SchemaJson.Column("tags", "map<text, int>", ColumnKind.REGULAR));
  }

  @Test
  void should_refuse_documents_of_another_shape() {
    assertThatThrownBy(() -> SchemaJson.parse("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the cqlp schema document is not valid JSON");
    assertThatThrownBy(() -> SchemaJson.parse("{\"table\":\"t\"}"))
        .hasMessage("the cqlp schema document has no \"columns\" array");
    assertThatThrownBy(() -> SchemaJson.parse("{\"columns\":[{\"name\":\"a\"}]}"))
        .hasMessage("a column of the cqlp schema document lacks \"name\" or \"cql_type\"");
    assertThatThrownBy(() -> SchemaJson.parse(
        "{\"columns\":[{\"name\":\"a\",\"cql_type\":\"int\",\"kind\":\"primary\"}]}"))
        .hasMessage("column 'a' of the cqlp schema document has an unknown kind 'primary'");
  }
}
