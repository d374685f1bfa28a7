package io.cqlp.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import io.cqlp.output.DisplayWidth;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Golden values: every expected string was copied from cqlsh 6.2.0's output (pure-Python driver
 * 3.29.0) for the same value selected from a Cassandra 5.0 node.
 */
class CqlshTextTest {
  private final CqlshText cqlsh = new CqlshText(ScreenSettings.DEFAULT);

  /**
   * [ui] float_precision = 3, double_precision = 8, timezone = Europe/Paris, time_format = %d/%m/%Y
   * %H:%M:%S %Z
   */
  private final CqlshText paris =
      new CqlshText(new ScreenSettings(3, 8, ZoneId.of("Europe/Paris"), "%d/%m/%Y %H:%M:%S %Z"));

  @Test
  void should_print_doubles_and_floats_with_cqlsh_default_precision_5() {
    assertThat(cqlsh.format(2.718281828459045)).isEqualTo("2.71828");
    assertThat(cqlsh.format(3.1415927f)).isEqualTo("3.14159");
    assertThat(cqlsh.format(Double.NaN)).isEqualTo("NaN");
    assertThat(cqlsh.format(Float.NaN)).isEqualTo("NaN");
    assertThat(cqlsh.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(cqlsh.format(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(cqlsh.format(-0.0)).isEqualTo("-0");
    assertThat(cqlsh.format(-0.0f)).isEqualTo("-0");
    assertThat(cqlsh.format(Double.MIN_VALUE)).isEqualTo("4.9407e-324");
    assertThat(cqlsh.format(Float.MIN_VALUE)).isEqualTo("1.4013e-45");
    assertThat(cqlsh.format(Double.MAX_VALUE)).isEqualTo("1.7977e+308");
    assertThat(cqlsh.format(Float.MAX_VALUE)).isEqualTo("3.4028e+38");
    assertThat(cqlsh.format(123456.789)).isEqualTo("1.2346e+05");
    assertThat(cqlsh.format(0.000123456f)).isEqualTo("0.000123");
    assertThat(cqlsh.format(1.5)).isEqualTo("1.5");
  }

  @Test
  void should_follow_float_precision_and_double_precision_of_the_cqlshrc() {
    assertThat(paris.format(2.718281828459045)).isEqualTo("2.71828183");
    assertThat(paris.format(3.1415927f)).isEqualTo("3.142");
    assertThat(paris.format(Double.MIN_VALUE)).isEqualTo("4.9406565e-324");
    assertThat(paris.format(Float.MIN_VALUE)).isEqualTo("1.4e-45");
    assertThat(paris.format(Double.MAX_VALUE)).isEqualTo("1.7976931e+308");
    assertThat(paris.format(Float.MAX_VALUE)).isEqualTo("3.4e+38");
    assertThat(paris.format(123456.789)).isEqualTo("123456.789");
    assertThat(paris.format(0.000123456f)).isEqualTo("0.0001");
  }

  @Test
  void should_print_doubles_inside_collections_with_float_precision() {
    // [ui] double_precision = 10, float_precision = 2: list<double> and vector<double, 2>
    CqlshText text =
        new CqlshText(
            new ScreenSettings(2, 10, ZoneId.of("UTC"), ScreenSettings.DEFAULT_TIME_FORMAT));
    assertThat(text.format(List.of(1.23456789, 1e20))).isEqualTo("[1.23, 1e+20]");
    assertThat(text.format(CqlVector.newInstance(3.333333333, -2.5e-5)))
        .isEqualTo("[3.33, -3e-05]");
    assertThat(cqlsh.format(CqlVector.newInstance(1.5f, -0.0f, 3.3f))).isEqualTo("[1.5, -0, 3.3]");
    assertThat(cqlsh.format(map("a", 0.1, "b", 1.5))).isEqualTo("{'a': 0.1, 'b': 1.5}");
    assertThat(cqlsh.format(map("k\nk", 1.0))).isEqualTo("{'k\\nk': 1}");
  }

  @Test
  void should_escape_control_characters_and_backslashes_of_text() {
    assertThat(cqlsh.format("tab\tx")).isEqualTo("tab\\tx");
    assertThat(cqlsh.format("tab\tnl\nx\\y\u0001z\u007f\u0085é😀中"))
        .isEqualTo("tab\\tnl\\nx\\\\y\\x01z\\x7f\\x85é😀中");
    assertThat(cqlsh.format("cr\r nbsp\u00a0 ¡")).isEqualTo("cr\\r nbsp\\xa0 ¡");
    assertThat(cqlsh.format("it's")).isEqualTo("it's");
    assertThat(cqlsh.format("")).isEmpty();
    assertThat(cqlsh.format(List.of("x", "it's", "b\\c"))).isEqualTo("['x', 'it''s', 'b\\\\c']");
    assertThat(cqlsh.format(List.of("a\tb", "中文"))).isEqualTo("['a\\tb', '中文']");
    assertThat(cqlsh.format(new LinkedHashSet<>(List.of("", "a b")))).isEqualTo("{'', 'a b'}");
    assertThat(DisplayWidth.of(cqlsh.format("tab\tnl\nx\\y\u0001z\u007f\u0085é😀中"))).isEqualTo(31);
  }

  @Test
  void should_print_inet_as_glibc_inet_ntop() throws Exception {
    assertThat(cqlsh.format(InetAddress.getByName("::1"))).isEqualTo("::1");
    assertThat(cqlsh.format(InetAddress.getByName("2001:db8:0:0:0:ff00:42:8329")))
        .isEqualTo("2001:db8::ff00:42:8329");
    assertThat(cqlsh.format(InetAddress.getByName("10.0.0.1"))).isEqualTo("10.0.0.1");
    assertThat(
            cqlsh.format(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"))))
        .isEqualTo("['127.0.0.1', '::1']");
    // Python's socket.inet_ntop on Linux
    assertThat(CqlshText.inet(InetAddress.getByName("::"))).isEqualTo("::");
    assertThat(CqlshText.inet(InetAddress.getByName("1::"))).isEqualTo("1::");
    assertThat(CqlshText.inet(InetAddress.getByName("::102:304"))).isEqualTo("::1.2.3.4");
    assertThat(CqlshText.inet(InetAddress.getByName("1:0:0:1:0:0:0:1"))).isEqualTo("1:0:0:1::1");
    assertThat(CqlshText.inet(InetAddress.getByName("1:0:1:0:1:0:1:0")))
        .isEqualTo("1:0:1:0:1:0:1:0");
    assertThat(CqlshText.inet(InetAddress.getByName("0:0:1::"))).isEqualTo("0:0:1::");
    assertThat(CqlshText.inet(InetAddress.getByName("fe80::1:0:0:1"))).isEqualTo("fe80::1:0:0:1");
  }

  @Test
  void should_print_timestamps_in_utc_by_default_and_quoted_inside_collections() {
    Instant ts = Instant.parse("2024-01-02T03:04:05.678Z");
    assertThat(cqlsh.format(ts)).isEqualTo("2024-01-02 03:04:05.678000+0000");
    assertThat(cqlsh.format(List.of(Instant.parse("2024-01-02T03:04:05Z"))))
        .isEqualTo("['2024-01-02 03:04:05.000000+0000']");
    assertThat(cqlsh.format(Instant.parse("1850-03-04T05:06:07.089Z")))
        .isEqualTo("1850-03-04 05:06:07.089000+0000");
    // beyond Python's datetime: milliseconds since the epoch
    assertThat(cqlsh.format(Instant.ofEpochMilli(253402300800000L))).isEqualTo("253402300800000");
  }

  @Test
  void should_print_timestamps_in_the_cqlshrc_zone_and_time_format_or_tz() {
    assertThat(paris.format(Instant.parse("2024-01-02T03:04:05.678Z")))
        .isEqualTo("02/01/2024 04:04:05 CET");
    assertThat(paris.format(List.of(Instant.parse("2024-01-02T03:04:05Z"))))
        .isEqualTo("['02/01/2024 04:04:05 CET']");
    CqlshText newYork =
        new CqlshText(
            ScreenSettings.resolve(
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of("TZ", "America/New_York"),
                w -> {}));
    assertThat(newYork.format(Instant.parse("2024-01-02T03:04:05.678Z")))
        .isEqualTo("2024-01-01 22:04:05.678000-0500");
    CqlshText tokyo =
        new CqlshText(
            new ScreenSettings(
                5, 5, ZoneId.of("Asia/Tokyo"), "%Y|%y|%e|%I|%p|%c|%j|%a|%B|%Z|%z|%Q|%%"));
    assertThat(tokyo.format(Instant.parse("2024-01-02T03:04:05.678Z")))
        .isEqualTo("2024|24| 2|12|PM|Tue Jan  2 12:04:05 2024|002|Tue|January|JST|+0900|%Q|%");
  }

  @Test
  void should_print_the_other_types_as_cqlsh() {
    assertThat(cqlsh.format(null)).isEqualTo("null");
    assertThat(cqlsh.format(true)).isEqualTo("True");
    assertThat(cqlsh.format(List.of(true, false))).isEqualTo("[True, False]");
    assertThat(cqlsh.format(LocalDate.of(2024, 1, 2))).isEqualTo("2024-01-02");
    assertThat(cqlsh.format(List.of(LocalDate.of(2024, 1, 2)))).isEqualTo("[2024-01-02]");
    assertThat(cqlsh.format(LocalDate.of(1, 1, 1))).isEqualTo("0001-01-01");
    assertThat(cqlsh.format(LocalDate.ofEpochDay(Integer.MIN_VALUE))).isEqualTo("-2147483648");
    assertThat(cqlsh.format(LocalTime.parse("03:04:05.123456789"))).isEqualTo("03:04:05.123456789");
    assertThat(cqlsh.format(List.of(LocalTime.parse("01:02:03"))))
        .isEqualTo("[01:02:03.000000000]");
    assertThat(cqlsh.format(CqlDuration.from("1y2mo3d4h5m6s7ms8us9ns")))
        .isEqualTo("1y2mo3d4h5m6s7ms8us9ns");
    assertThat(cqlsh.format(CqlDuration.from("0s"))).isEmpty();
    assertThat(cqlsh.format(CqlDuration.from("-1d2h"))).isEqualTo("-1d2h");
    assertThat(cqlsh.format(new BigDecimal("1.50"))).isEqualTo("1.50");
    assertThat(cqlsh.format(new BigDecimal("1E+10"))).isEqualTo("1E+10");
    assertThat(cqlsh.format(new BigDecimal("0.00000001"))).isEqualTo("1E-8");
    assertThat(cqlsh.format(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
    assertThat(cqlsh.format(9223372036854775807L)).isEqualTo("9223372036854775807");
    assertThat(cqlsh.format((short) -32768)).isEqualTo("-32768");
    assertThat(cqlsh.format((byte) 127)).isEqualTo("127");
    assertThat(cqlsh.format(ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe})))
        .isEqualTo("0xcafe");
    assertThat(cqlsh.format(List.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.allocate(0))))
        .isEqualTo("[0x01, 0x]");
    assertThat(cqlsh.format(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
        .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(cqlsh.format(new LinkedHashSet<>(List.of(1, 2, 3)))).isEqualTo("{1, 2, 3}");
    assertThat(cqlsh.format(List.of(map(1, "one"), map(2, "two"))))
        .isEqualTo("[{1: 'one'}, {2: 'two'}]");
    assertThat(cqlsh.format(map(1, new LinkedHashSet<>(List.of("x")), 2, new LinkedHashSet<>())))
        .isEqualTo("{1: {'x'}, 2: {}}");
  }

  @Test
  void should_print_tuples_and_user_types_with_quoted_text_inet_and_timestamps() throws Exception {
    TupleValue tuple =
        DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT, DataTypes.INET, DataTypes.TIMESTAMP)
            .newValue(
                1,
                "a'b",
                InetAddress.getByName("2001:db8::ff00:42:8329"),
                Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(cqlsh.format(tuple))
        .isEqualTo("(1, 'a''b', '2001:db8::ff00:42:8329', '2024-01-02 03:04:05.000000+0000')");
    TupleValue nested =
        DataTypes.tupleOf(DataTypes.DURATION, DataTypes.DECIMAL, DataTypes.VARINT, DataTypes.FLOAT)
            .newValue(CqlDuration.from("1h"), new BigDecimal("1.5"), BigInteger.valueOf(12), 0.1f);
    assertThat(cqlsh.format(List.of(nested))).isEqualTo("[(1h, 1.5, 12, 0.1)]");
    UserDefinedType addr =
        new UserDefinedTypeBuilder(
                CqlIdentifier.fromInternal("ks"), CqlIdentifier.fromInternal("addr"))
            .withField(CqlIdentifier.fromInternal("street"), DataTypes.TEXT)
            .withField(CqlIdentifier.fromInternal("zip"), DataTypes.INT)
            .withField(CqlIdentifier.fromInternal("at"), DataTypes.TIMESTAMP)
            .build();
    UdtValue value = addr.newValue("Main", null, Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(cqlsh.format(value))
        .isEqualTo("{street: 'Main', zip: null, at: '2024-01-02 03:04:05.000000+0000'}");
  }

  @Test
  void should_count_empty_collections_short_as_cqlsh_measures_them() {
    // cqlsh 6.2.0: a frozen<list<int>> [] is padded as 0 wide, {1: {'x'}, 2: {}} as 15
    assertThat(CqlshText.uncounted(List.of())).isEqualTo(2);
    assertThat(
            CqlshText.uncounted(
                map(1, new LinkedHashSet<>(List.of("x")), 2, new LinkedHashSet<>())))
        .isEqualTo(2);
    assertThat(CqlshText.uncounted(List.of(map(), List.of()))).isEqualTo(4);
    assertThat(CqlshText.uncounted("[]")).isZero();
    assertThat(CqlshText.uncounted(null)).isZero();
  }

  @Test
  void should_escape_column_names_as_text() {
    assertThat(CqlshText.escape("writetime(a)")).isEqualTo("writetime(a)");
    assertThat(CqlshText.escape("[json]")).isEqualTo("[json]");
    assertThat(CqlshText.escape("Mixed Col")).isEqualTo("Mixed Col");
    assertThat(CqlshText.escape("a\\b\tc")).isEqualTo("a\\\\b\\tc");
  }

  @Test
  void should_warn_as_cqlsh_about_an_unknown_zone_and_let_tz_win() {
    List<String> warnings = new java.util.ArrayList<>();
    ScreenSettings both =
        ScreenSettings.resolve(
            OptionalInt.of(3),
            OptionalInt.empty(),
            Optional.of("Europe/Paris"),
            Optional.of("%H"),
            Map.of("TZ", "Nowhere/X"),
            warnings::add);
    assertThat(warnings)
        .containsExactly(
            "Warning: could not recognize timezone 'Nowhere/X' from environment value TZ\n");
    assertThat(both).isEqualTo(new ScreenSettings(3, 5, ZoneId.of("Europe/Paris"), "%H"));
    warnings.clear();
    ScreenSettings env =
        ScreenSettings.resolve(
            OptionalInt.empty(),
            OptionalInt.of(0),
            Optional.of("Mars/Base"),
            Optional.empty(),
            Map.of("TZ", "Asia/Tokyo"),
            warnings::add);
    assertThat(warnings)
        .containsExactly(
            "Warning: could not recognize timezone 'Mars/Base' specified in cqlshrc\n");
    assertThat(env)
        .isEqualTo(
            new ScreenSettings(5, 1, ZoneId.of("Asia/Tokyo"), ScreenSettings.DEFAULT_TIME_FORMAT));
    assertThat(
            ScreenSettings.resolve(
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.of(""),
                Optional.empty(),
                Map.of(),
                warnings::add))
        .isEqualTo(ScreenSettings.DEFAULT);
  }

  private static <K, V> Map<K, V> map(Object... kv) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    @SuppressWarnings("unchecked")
    Map<K, V> typed = (Map<K, V>) map;
    return typed;
  }
}
