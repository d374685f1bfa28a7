package io.cqlp.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueFormatterTest {
  private final ValueFormatter formatter = new ValueFormatter();

  @Test
  void should_format_scalars_as_cqlsh_prints_them() throws Exception {
    assertThat(formatter.format(null)).isEqualTo("null");
    assertThat(formatter.format("héllo")).isEqualTo("héllo");
    assertThat(formatter.format(true)).isEqualTo("True");
    assertThat(formatter.format(false)).isEqualTo("False");
    assertThat(formatter.format(42L)).isEqualTo("42");
    assertThat(formatter.format((byte) -128)).isEqualTo("-128");
    assertThat(formatter.format(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
    assertThat(formatter.format(new BigDecimal("-0.000123"))).isEqualTo("-0.000123");
    assertThat(formatter.format(Instant.parse("2024-01-02T03:04:05.678Z")))
        .isEqualTo("2024-01-02 03:04:05.678000+0000");
    assertThat(formatter.format(Instant.parse("1969-12-31T23:59:59.999Z")))
        .isEqualTo("1969-12-31 23:59:59.999000+0000");
    assertThat(formatter.format(LocalDate.of(1900, 2, 28))).isEqualTo("1900-02-28");
    assertThat(formatter.format(LocalTime.of(12, 34, 56, 123456789)))
        .isEqualTo("12:34:56.123456789");
    assertThat(formatter.format(LocalTime.NOON)).isEqualTo("12:00:00.000000000");
    assertThat(formatter.format(UUID.fromString("123E4567-E89B-12D3-A456-426614174000")))
        .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(formatter.format(ByteBuffer.wrap(new byte[] {0, (byte) 0xff, 0x10})))
        .isEqualTo("0x00ff10");
    assertThat(formatter.format(ByteBuffer.allocate(0))).isEqualTo("0x");
    assertThat(formatter.format(InetAddress.getByName("::1"))).isEqualTo("0:0:0:0:0:0:0:1");
  }

  @Test
  void should_format_floats_with_cqlsh_precisions() {
    assertThat(formatter.format(1.5f)).isEqualTo("1.5");
    assertThat(formatter.format(3.14159265f)).isEqualTo("3.1416");
    assertThat(formatter.format(3.141592653589793d)).isEqualTo("3.14159265359");
    assertThat(formatter.format(100000.0f)).isEqualTo("1e+05");
    assertThat(formatter.format(1.0e-5d)).isEqualTo("1e-05");
    assertThat(formatter.format(0.0001d)).isEqualTo("0.0001");
    assertThat(formatter.format(-2.5e20d)).isEqualTo("-2.5e+20");
    assertThat(formatter.format(Double.NaN)).isEqualTo("NaN");
    assertThat(formatter.format(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(formatter.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(formatter.format(-0.0d)).isEqualTo("-0");
  }

  @Test
  void should_quote_strings_inside_collections() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a'b", 1);
    map.put("c", 2);
    assertThat(formatter.format(List.of("x", "y"))).isEqualTo("['x', 'y']");
    assertThat(formatter.format(map)).isEqualTo("{'a''b': 1, 'c': 2}");
    assertThat(formatter.format(java.util.Set.of(7))).isEqualTo("{7}");
  }

  @Test
  void should_format_vectors_as_lists_with_the_float_precision() {
    assertThat(formatter.format(CqlVector.newInstance(0.123456789f, -1f, Float.NaN)))
        .isEqualTo("[0.12346, -1, NaN]");
    assertThat(formatter.format(CqlVector.newInstance("a", "b'c"))).isEqualTo("['a', 'b''c']");
  }

  @Test
  void should_format_durations_as_cqlsh_does() {
    assertThat(formatter.format(CqlDuration.newInstance(14, 3, 4_000_000_007L)))
        .isEqualTo("1y2mo3d4s7ns");
    assertThat(formatter.format(CqlDuration.newInstance(-1, -2, -3_723_004_005_006L)))
        .isEqualTo("-1mo2d1h2m3s4ms5us6ns");
  }

  @Test
  void should_format_user_types_and_tuples_as_cqlsh_does_with_null_fields() {
    UserDefinedType address =
        new UserDefinedTypeBuilder("ks", "address")
            .withField("street", DataTypes.TEXT)
            .withField("zip", DataTypes.INT)
            .withField("tags", DataTypes.frozenListOf(DataTypes.TEXT))
            .build();
    UdtValue value = address.newValue().setString("street", "1 Main").setToNull("zip");
    assertThat(formatter.format(value)).isEqualTo("{street: '1 Main', zip: null, tags: null}");
    TupleType pair =
        DataTypes.tupleOf(DataTypes.DOUBLE, DataTypes.TEXT, DataTypes.frozenListOf(DataTypes.INT));
    assertThat(formatter.format(pair.newValue(0.5, null, List.of()))).isEqualTo("(0.5, null, [])");
    assertThat(formatter.format(List.of(pair.newValue(1.0, "x", List.of(1)))))
        .isEqualTo("[(1, 'x', [1])]");
  }
}
