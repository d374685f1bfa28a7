package io.cqlp.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.cqlp.types.JsonValues;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueReaderTest {
  private static final JsonFactory FACTORY = new JsonFactory();

  private static String write(Object value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      JsonValues.write(json, value);
    }
    return out.toString();
  }

  private static Object read(String json, DataType type) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.nextToken();
      return JsonValueReader.read(parser, type);
    }
  }

  @Test
  void should_read_back_every_value_that_json_values_writes() throws IOException {
    for (Object[] row : EveryType.rows()) {
      for (int i = 0; i < row.length; i++) {
        DataType type = EveryType.TYPES.get(i);
        String json = write(row[i]);
        assertThat(read(json, type)).as("%s from %s", type, json).isEqualTo(row[i]);
      }
    }
  }

  @Test
  void should_keep_a_null_collection_field_of_a_udt_null_not_empty() throws IOException {
    Object udt = EveryType.ADDRESS.newValue("x", null, null);
    assertThat(write(udt)).isEqualTo("{\"street\":\"x\",\"zip\":null,\"tags\":null}");
    assertThat(read(write(udt), EveryType.ADDRESS)).isEqualTo(udt);
    Object empty = EveryType.ADDRESS.newValue("x", null, java.util.List.of());
    assertThat(write(empty)).isEqualTo("{\"street\":\"x\",\"zip\":null,\"tags\":[]}");
  }

  @Test
  void should_keep_the_digits_and_scale_of_decimals_and_varints() throws IOException {
    assertThat(read("1.50", DataTypes.DECIMAL)).isEqualTo(new BigDecimal("1.50"));
    assertThat(read("12345678901234567890123.000000000000000000001", DataTypes.DECIMAL))
        .isEqualTo(new BigDecimal("12345678901234567890123.000000000000000000001"));
    assertThat(read("-98765432109876543210987654321", DataTypes.VARINT))
        .isEqualTo(new BigInteger("-98765432109876543210987654321"));
    assertThat(read("\"98765432109876543210\"", DataTypes.VARINT))
        .isEqualTo(new BigInteger("98765432109876543210"));
  }

  @Test
  void should_round_sub_millisecond_digits_down_with_precision_loss_truncate() throws IOException {
    try (JsonParser parser =
        FACTORY.createParser("{\"2024-01-02T03:04:05.6789Z\": [\"2024-01-02T03:04:05.0001Z\"]}")) {
      parser.nextToken();
      Object value =
          JsonValueReader.of(io.cqlp.format.PrecisionLoss.TRUNCATE)
              .value(
                  parser,
                  DataTypes.mapOf(DataTypes.TIMESTAMP, DataTypes.listOf(DataTypes.TIMESTAMP)));
      assertThat(value)
          .isEqualTo(
              Map.of(
                  java.time.Instant.parse("2024-01-02T03:04:05.678Z"),
                  List.of(java.time.Instant.parse("2024-01-02T03:04:05Z"))));
    }
  }

  @Test
  void should_refuse_values_out_of_range_or_of_another_type() {
    assertThatThrownBy(() -> read("128", DataTypes.TINYINT))
        .hasMessageContaining("out of range for tinyint");
    assertThatThrownBy(() -> read("1.5", DataTypes.INT)).hasMessage("'1.5' is not a int");
    assertThatThrownBy(() -> read("\"x\"", DataTypes.BOOLEAN))
        .hasMessageContaining("'x' is not true or false");
    assertThatThrownBy(() -> read("1", DataTypes.TEXT)).hasMessage("'1' is not a text");
    assertThatThrownBy(() -> read("[1]", DataTypes.INT)).hasMessage("an array is not a int");
    assertThatThrownBy(() -> read("\"2024-01-02T03:04:05.6789Z\"", DataTypes.TIMESTAMP))
        .hasMessageContaining("sub-millisecond");
    assertThatThrownBy(() -> read("\"0x0g\"", DataTypes.BLOB))
        .hasMessageContaining("is not a blob");
    assertThatThrownBy(() -> read("\"abc\"", DataTypes.BLOB)).hasMessageContaining("is not a blob");
    assertThatThrownBy(() -> read("\"1x\"", DataTypes.DURATION))
        .hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> read("\"c2f6e2a0-0000-4000-8000-000000000000\"", DataTypes.TIMEUUID))
        .hasMessageContaining("version 4 UUID");
  }

  @Test
  void should_refuse_what_a_cql_collection_cannot_hold() {
    assertThatThrownBy(() -> read("[1,null]", DataTypes.listOf(DataTypes.INT)))
        .hasMessage("a list cannot hold null (element 2)");
    assertThatThrownBy(() -> read("[\"a\",\"a\"]", DataTypes.setOf(DataTypes.TEXT)))
        .hasMessage("a set cannot hold 'a' twice");
    assertThatThrownBy(() -> read("[1,2]", DataTypes.vectorOf(DataTypes.FLOAT, 3)))
        .hasMessage("a vector<float, 3> needs 3 elements, found 2");
    assertThatThrownBy(
            () -> read("{\"1\":1,\"01\":2}", DataTypes.mapOf(DataTypes.INT, DataTypes.INT)))
        .hasMessage("map key '01' appears twice");
    assertThatThrownBy(() -> read("{\"x\":1}", DataTypes.mapOf(DataTypes.INT, DataTypes.INT)))
        .hasMessage("'x' is not an integer");
    assertThatThrownBy(() -> read("{\"street\":\"a\",\"city\":\"b\"}", EveryType.ADDRESS))
        .hasMessageContaining("has no field 'city'");
    assertThatThrownBy(() -> read("{\"zip\":\"a\"}", EveryType.ADDRESS))
        .hasMessage("field 'zip': 'a' is not an integer");
    assertThatThrownBy(() -> read("[1,\"a\",null,4]", EveryType.TRIPLE))
        .hasMessageContaining("has 3 fields");
  }

  @Test
  void should_write_map_keys_as_their_json_text_without_quotes() {
    assertThat(JsonValues.keyText("k")).isEqualTo("k");
    assertThat(JsonValues.keyText(0.1f)).isEqualTo("0.1");
    assertThat(JsonValues.keyText(Double.NaN)).isEqualTo("NaN");
    assertThat(JsonValues.keyText(java.time.Instant.parse("2024-01-02T03:04:05.678Z")))
        .isEqualTo("2024-01-02T03:04:05.678Z");
    assertThat(JsonValues.keyText(true)).isEqualTo("true");
    assertThat(JsonValues.keyText(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
    assertThat(JsonValues.keyText(Map.of(1, 2))).isEqualTo("{\"1\":2}");
  }
}
