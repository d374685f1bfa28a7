package io.cqlp.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CqlTextTest {

  @Test
  void should_parse_integers_within_each_types_range() {
    assertThat(CqlText.parse(CqlScalar.TINYINT, "-128")).isEqualTo((byte) -128);
    assertThat(CqlText.parse(CqlScalar.SMALLINT, "+32767")).isEqualTo((short) 32767);
    assertThat(CqlText.parse(CqlScalar.INT, "-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(CqlText.parse(CqlScalar.BIGINT, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(CqlText.parse(CqlScalar.COUNTER, "0")).isEqualTo(0L);
    assertThat(CqlText.parse(CqlScalar.VARINT, "-123456789012345678901234567890"))
        .isEqualTo(new BigInteger("-123456789012345678901234567890"));
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.TINYINT, "128"))
        .hasMessage("128 is out of range for tinyint (-128 to 127)");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.INT, "1.0"))
        .hasMessage("'1.0' is not an integer");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.VARINT, " 1"))
        .hasMessage("' 1' is not an integer");
  }

  @Test
  void should_parse_floating_point_and_decimal_keeping_the_scale() {
    assertThat(CqlText.parse(CqlScalar.FLOAT, "1.5")).isEqualTo(1.5f);
    assertThat(CqlText.parse(CqlScalar.DOUBLE, "NaN")).isEqualTo(Double.NaN);
    assertThat(CqlText.parse(CqlScalar.DOUBLE, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(CqlText.parse(CqlScalar.DOUBLE, "-0.0")).isEqualTo(-0.0d);
    assertThat(CqlText.parse(CqlScalar.DECIMAL, "1.50")).isEqualTo(new BigDecimal("1.50"));
    assertThat(CqlText.parse(CqlScalar.DECIMAL, "1E+10")).isEqualTo(new BigDecimal("1E+10"));
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.FLOAT, "1.5f"))
        .hasMessage("'1.5f' is not a float");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.DECIMAL, "NaN"))
        .hasMessage("'NaN' is not a decimal number");
  }

  @Test
  void should_parse_booleans_in_any_case_only() {
    assertThat(CqlText.parse(CqlScalar.BOOLEAN, "TRUE")).isEqualTo(true);
    assertThat(CqlText.parse(CqlScalar.BOOLEAN, "false")).isEqualTo(false);
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.BOOLEAN, "1"))
        .hasMessage("'1' is not true or false");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2001-02-03T04:05:06.789Z      | 2001-02-03T04:05:06.789Z",
        "2001-02-03 04:05:06.789       | 2001-02-03T04:05:06.789Z",
        "2001-02-03T04:05:06+01:00     | 2001-02-03T03:05:06Z",
        "2001-02-03 04:05:06.789000+0000 | 2001-02-03T04:05:06.789Z",
        "2001-02-03T04:05-02           | 2001-02-03T06:05:00Z",
        "2001-02-03                    | 2001-02-03T00:00:00Z",
        "1969-12-31T23:59:59.999Z      | 1969-12-31T23:59:59.999Z"
      })
  void should_parse_iso_timestamps_with_or_without_offset(String text, String instant) {
    assertThat(CqlText.parse(CqlScalar.TIMESTAMP, text.strip()))
        .isEqualTo(Instant.parse(instant.strip()));
  }

  @Test
  void should_refuse_timestamps_with_sub_millisecond_digits_or_another_form() {
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.TIMESTAMP, "2001-02-03T04:05:06.7891Z"))
        .hasMessage(
            "'2001-02-03T04:05:06.7891Z' has sub-millisecond digits;"
                + " a CQL timestamp holds milliseconds (PRECISION_LOSS='TRUNCATE' drops them)");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.TIMESTAMP, "03/02/2001"))
        .hasMessageStartingWith("'03/02/2001' is not an ISO-8601 timestamp");
  }

  @Test
  void should_parse_dates_and_times() {
    assertThat(CqlText.parse(CqlScalar.DATE, "-0044-03-15")).isEqualTo(LocalDate.of(-44, 3, 15));
    assertThat(CqlText.parse(CqlScalar.DATE, "+10000-01-01")).isEqualTo(LocalDate.of(10000, 1, 1));
    assertThat(CqlText.parse(CqlScalar.TIME, "23:59:59.999999999"))
        .isEqualTo(LocalTime.of(23, 59, 59, 999_999_999));
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.DATE, "2001-02-30"))
        .hasMessage("'2001-02-30' is not an ISO-8601 date (yyyy-MM-dd)");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.TIME, "24:00"))
        .hasMessageStartingWith("'24:00' is not an ISO-8601 time");
  }

  @Test
  void should_parse_uuids_strictly_and_timeuuids_of_version_1_only() {
    UUID v1 = UUID.fromString("fe2b4360-28c6-11e2-81c1-0800200c9a66");
    assertThat(CqlText.parse(CqlScalar.UUID, "FE2B4360-28C6-11E2-81C1-0800200C9A66")).isEqualTo(v1);
    assertThat(CqlText.parse(CqlScalar.TIMEUUID, v1.toString())).isEqualTo(v1);
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.UUID, "1-2-3-4-5"))
        .hasMessage("'1-2-3-4-5' is not a UUID");
    assertThatThrownBy(
            () -> CqlText.parse(CqlScalar.TIMEUUID, "123e4567-e89b-42d3-a456-426614174000"))
        .hasMessage(
            "123e4567-e89b-42d3-a456-426614174000 is a version 4 UUID;"
                + " a timeuuid must be version 1");
  }

  @Test
  void should_parse_ip_literals_and_never_host_names() throws Exception {
    assertThat(CqlText.parse(CqlScalar.INET, "192.168.0.1"))
        .isEqualTo(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 0, 1}));
    assertThat(CqlText.parse(CqlScalar.INET, "2001:db8::1"))
        .isEqualTo(InetAddress.getByName("2001:db8:0:0:0:0:0:1"));
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.INET, "localhost"))
        .hasMessage("'localhost' is not an IPv4 or IPv6 address");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.INET, "256.1.1.1"))
        .hasMessage("'256.1.1.1' is not an IPv4 or IPv6 address");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.INET, "1::2::3"))
        .hasMessage("'1::2::3' is not an IPv4 or IPv6 address");
  }

  @Test
  void should_check_ascii_and_keep_text_as_it_is() {
    assertThat(CqlText.parse(CqlScalar.TEXT, " ünï ")).isEqualTo(" ünï ");
    assertThat(CqlText.parse(CqlScalar.ASCII, "plain ~")).isEqualTo("plain ~");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.ASCII, "naïve"))
        .hasMessage("'naïve' has a non-ASCII character U+00EF at position 3");
    assertThatThrownBy(() -> CqlText.parse(CqlScalar.BLOB, "00ff"))
        .hasMessage("a blob cannot be read from text");
  }

  @Test
  void should_format_uuids_and_addresses_canonically() throws Exception {
    assertThat(CqlText.format(UUID.fromString("FE2B4360-28C6-11E2-81C1-0800200C9A66")))
        .isEqualTo("fe2b4360-28c6-11e2-81c1-0800200c9a66");
    assertThat(CqlText.format(InetAddress.getByName("::1"))).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(CqlText.quote("x".repeat(100))).hasSize(82).endsWith("...'");
  }
}
