package io.cqlp.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(
          new ColumnSpec("id", DataTypes.UUID, ColumnKind.PARTITION_KEY),
          new ColumnSpec("at", DataTypes.TIMEUUID, ColumnKind.CLUSTERING),
          new ColumnSpec("Owner \"x\"", DataTypes.TEXT, ColumnKind.STATIC),
          new ColumnSpec(
              "tags", DataTypes.frozenMapOf(DataTypes.TEXT, DataTypes.INT), ColumnKind.REGULAR));

  @Test
  void should_write_the_documented_compact_json() {
    assertThat(SchemaJson.write("ks", "t", COLUMNS))
        .isEqualTo(
            "{\"keyspace\":\"ks\",\"table\":\"t\",\"columns\":["
                + "{\"name\":\"id\",\"cql_type\":\"uuid\",\"kind\":\"partition_key\"},"
                + "{\"name\":\"at\",\"cql_type\":\"timeuuid\",\"kind\":\"clustering\"},{\"name\":\"Owner"
                + " \\\"x\\\"\",\"cql_type\":\"text\",\"kind\":\"static\"},{\"name\":\"tags\",\"cql_type\":\"frozen<map<text,"
                + " int>>\",\"kind\":\"regular\"}]}");
  }

  @Test
  void should_read_back_what_it_writes_with_unknown_table_as_null() {
    SchemaJson.Document doc = SchemaJson.parse(SchemaJson.write(null, null, COLUMNS));
    assertThat(doc.keyspace()).isNull();
    assertThat(doc.table()).isNull();
    assertThat(doc.columns())
        .containsExactly(
            new SchemaJson.Column("id", "uuid", ColumnKind.PARTITION_KEY),
            new SchemaJson.Column("at", "timeuuid", ColumnKind.CLUSTERING),
            new SchemaJson.Column("Owner \"x\"", "text", ColumnKind.STATIC),
            new SchemaJson.Column("tags", "frozen<map<text, int>>", ColumnKind.REGULAR));
    assertThat(doc.userTypes()).isEmpty();
  }

  @Test
  void should_list_the_user_types_the_columns_use_inner_ones_first() {
    UserDefinedType point =
        new UserDefinedTypeBuilder("ks", "point")
            .withField("x", DataTypes.DOUBLE)
            .withField("y", DataTypes.DOUBLE)
            .frozen()
            .build();
    UserDefinedType place =
        new UserDefinedTypeBuilder("ks", "place")
            .withField("name", DataTypes.TEXT)
            .withField("at", point)
            .frozen()
            .build();
    String json =
        SchemaJson.write(
            "ks",
            "t",
            List.of(
                new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
                ColumnSpec.regular(
                    "visits", DataTypes.mapOf(DataTypes.TEXT, DataTypes.frozenListOf(place))),
                ColumnSpec.regular("home", point)));
    SchemaJson.Document doc = SchemaJson.parse(json);
    assertThat(doc.columns().get(1).cqlType())
        .isEqualTo("map<text, frozen<list<frozen<ks.place>>>>");
    assertThat(doc.userTypes())
        .containsExactly(
            new SchemaJson.UserType(
                "ks",
                "point",
                List.of(new SchemaJson.Field("x", "double"), new SchemaJson.Field("y", "double"))),
            new SchemaJson.UserType(
                "ks",
                "place",
                List.of(
                    new SchemaJson.Field("name", "text"),
                    new SchemaJson.Field("at", "frozen<ks.point>"))));
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
    assertThatThrownBy(
            () ->
                SchemaJson.parse(
                    "{\"columns\":[{\"name\":\"a\",\"cql_type\":\"int\",\"kind\":\"primary\"}]}"))
        .hasMessage("column 'a' of the cqlp schema document has an unknown kind 'primary'");
  }
}
