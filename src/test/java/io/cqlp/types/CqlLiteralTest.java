package io.cqlp.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CqlLiteralTest {
  @Test
  void should_quote_text_and_double_single_quotes_only() {
    assertThat(CqlLiteral.of(DataTypes.TEXT, "it's \\ \"x\"\n\t$$"))
        .isEqualTo("'it''s \\ \"x\"\n\t$$'");
    assertThat(CqlLiteral.of(DataTypes.ASCII, "")).isEqualTo("''");
    assertThat(CqlLiteral.of(DataTypes.TEXT, null)).isEqualTo("null");
  }

  @Test
  void should_write_numbers_exactly() {
    assertThat(CqlLiteral.of(DataTypes.TINYINT, (byte) -128)).isEqualTo("-128");
    assertThat(CqlLiteral.of(DataTypes.BIGINT, Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(CqlLiteral.of(DataTypes.VARINT, new BigInteger("-123456789012345678901234567890")))
        .isEqualTo("-123456789012345678901234567890");
    assertThat(CqlLiteral.of(DataTypes.DOUBLE, Double.MIN_VALUE)).isEqualTo("4.9E-324");
    assertThat(CqlLiteral.of(DataTypes.DOUBLE, -0.0)).isEqualTo("-0.0");
    assertThat(CqlLiteral.of(DataTypes.DOUBLE, Double.NaN)).isEqualTo("NaN");
    assertThat(CqlLiteral.of(DataTypes.FLOAT, Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(CqlLiteral.of(DataTypes.FLOAT, 3.14159f)).isEqualTo("3.14159");
    assertThat(CqlLiteral.of(DataTypes.DECIMAL, new BigDecimal("1.50"))).isEqualTo("1.50");
    assertThat(CqlLiteral.of(DataTypes.DECIMAL, new BigDecimal("-1E+10"))).isEqualTo("-1E+10");
  }

  @Test
  void should_write_times_as_integers_that_need_no_time_zone() {
    assertThat(CqlLiteral.of(DataTypes.TIMESTAMP, Instant.parse("1969-12-31T23:59:59.999Z")))
        .isEqualTo("-1");
    assertThat(CqlLiteral.of(DataTypes.DATE, LocalDate.of(1970, 1, 2))).isEqualTo("2147483649");
    assertThat(CqlLiteral.of(DataTypes.DATE, LocalDate.of(-5877641, 6, 23))).isEqualTo("0");
    assertThat(CqlLiteral.of(DataTypes.TIME, LocalTime.of(23, 59, 59, 123_456_789)))
        .isEqualTo("86399123456789");
  }

  @Test
  void should_write_uuid_inet_blob_and_boolean() {
    UUID id = UUID.fromString("5b6962dd-3f90-4c93-8f61-eabfa4a803e2");
    assertThat(CqlLiteral.of(DataTypes.UUID, id)).isEqualTo("5b6962dd-3f90-4c93-8f61-eabfa4a803e2");
    assertThat(CqlLiteral.of(DataTypes.INET, InetAddress.getLoopbackAddress()))
        .isEqualTo("'127.0.0.1'");
    assertThat(
            CqlLiteral.of(
                DataTypes.BLOB, ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe, 1})))
        .isEqualTo("0xcafe01");
    ByteBuffer slice = ByteBuffer.wrap(new byte[] {9, 10, 11});
    slice.position(1);
    assertThat(CqlLiteral.of(DataTypes.BLOB, slice)).isEqualTo("0x0a0b");
    assertThat(slice.position()).isEqualTo(1);
    assertThat(CqlLiteral.of(DataTypes.BLOB, ByteBuffer.allocate(0))).isEqualTo("0x");
    assertThat(CqlLiteral.of(DataTypes.BOOLEAN, false)).isEqualTo("false");
  }

  @Test
  void should_write_durations_in_cql_units_with_one_sign() {
    assertThat(CqlLiteral.of(DataTypes.DURATION, CqlDuration.from("1y2mo3d4h5m6s7ms8us9ns")))
        .isEqualTo("1y2mo3d4h5m6s7ms8us9ns");
    assertThat(CqlLiteral.of(DataTypes.DURATION, CqlDuration.newInstance(0, -3, 0)))
        .isEqualTo("-3d");
    assertThat(
            CqlLiteral.of(
                DataTypes.DURATION,
                CqlDuration.newInstance(Integer.MIN_VALUE, 0, Long.MIN_VALUE + 1)))
        .isEqualTo("-178956970y8mo2562047h47m16s854ms775us807ns");
    assertThat(CqlLiteral.of(DataTypes.DURATION, CqlDuration.newInstance(0, 0, 0))).isEqualTo("0d");
  }

  @Test
  void should_nest_collections_vectors_tuples_and_user_types() {
    assertThat(
            CqlLiteral.of(
                DataTypes.listOf(DataTypes.listOf(DataTypes.INT)),
                List.of(List.of(1, 2), List.of())))
        .isEqualTo("[[1, 2], []]");
    assertThat(
            CqlLiteral.of(DataTypes.setOf(DataTypes.TEXT), new LinkedHashSet<>(List.of("a", "b'"))))
        .isEqualTo("{'a', 'b'''}");
    Map<String, List<Double>> map = new LinkedHashMap<>();
    map.put("k", List.of(-0.0));
    map.put("e", List.of());
    assertThat(
            CqlLiteral.of(DataTypes.mapOf(DataTypes.TEXT, DataTypes.listOf(DataTypes.DOUBLE)), map))
        .isEqualTo("{'k': [-0.0], 'e': []}");
    assertThat(
            CqlLiteral.of(
                DataTypes.vectorOf(DataTypes.DURATION, 2),
                CqlVector.newInstance(CqlDuration.from("57y4mo"), CqlDuration.from("1ns"))))
        .isEqualTo("[57y4mo, 1ns]");
    assertThat(
            CqlLiteral.of(
                DataTypes.vectorOf(DataTypes.listOf(DataTypes.INT), 2),
                CqlVector.newInstance(Arrays.asList(List.of(3), List.of()))))
        .isEqualTo("[[3], []]");
    TupleType tupleType = DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT);
    TupleValue tuple = tupleType.newValue(7, null);
    assertThat(CqlLiteral.of(tupleType, tuple)).isEqualTo("(7, null)");
    UserDefinedType udtType =
        new UserDefinedTypeBuilder(CqlIdentifier.fromCql("ks"), CqlIdentifier.fromCql("u"))
            .withField(CqlIdentifier.fromInternal("Span"), DataTypes.vectorOf(DataTypes.FLOAT, 2))
            .withField(CqlIdentifier.fromInternal("n"), DataTypes.INT)
            .build();
    UdtValue udt = udtType.newValue(CqlVector.newInstance(1.5f, -2f), null);
    assertThat(CqlLiteral.of(udtType, udt)).isEqualTo("{\"Span\": [1.5, -2.0], n: null}");
  }

  @Test
  void should_refuse_a_value_of_another_type_with_one_line() {
    assertThatThrownBy(() -> CqlLiteral.of(DataTypes.INT, "7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a String is not a value of int");
  }
}
