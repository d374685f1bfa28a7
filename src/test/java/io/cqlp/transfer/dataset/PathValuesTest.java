package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PathValuesTest {

  private static ColumnSpec column(DataType type) {
    return ColumnSpec.regular("c", type);
  }

  private static void roundTrips(DataType type, Object value) {
    assertThat(PathValues.parse(column(type), PathValues.format(value))).isEqualTo(value);
  }

  @Test
  void should_read_back_the_value_it_writes_for_every_scalar_but_blob() throws Exception {
    roundTrips(DataTypes.TEXT, "a/b=c ..%");
    roundTrips(DataTypes.ASCII, "plain");
    roundTrips(DataTypes.TINYINT, (byte) -7);
    roundTrips(DataTypes.SMALLINT, (short) 300);
    roundTrips(DataTypes.INT, 42);
    roundTrips(DataTypes.BIGINT, Long.MIN_VALUE);
    roundTrips(DataTypes.VARINT, new BigInteger("123456789012345678901234567890"));
    roundTrips(DataTypes.DECIMAL, new BigDecimal("1.50"));
    roundTrips(DataTypes.DOUBLE, 0.1);
    roundTrips(DataTypes.FLOAT, 1.5f);
    roundTrips(DataTypes.BOOLEAN, true);
    roundTrips(DataTypes.TIMESTAMP, Instant.parse("2024-01-02T03:04:05.678Z"));
    roundTrips(DataTypes.TIMESTAMP, Instant.parse("2024-01-02T03:04:05Z"));
    roundTrips(DataTypes.DATE, LocalDate.of(2024, 2, 29));
    roundTrips(DataTypes.TIME, LocalTime.of(23, 59, 58, 123_456_789));
    roundTrips(DataTypes.UUID, UUID.fromString("123e4567-e89b-42d3-a456-426614174000"));
    roundTrips(DataTypes.INET, InetAddress.getByName("::1"));
    roundTrips(DataTypes.TEXT, "");
  }

  @Test
  void should_write_a_timestamp_as_spark_does_in_utc_with_its_colons_escaped() {
    assertThat(PathValues.format(Instant.parse("2024-01-02T03:04:05Z")))
        .isEqualTo("2024-01-02 03%3A04%3A05");
    assertThat(PathValues.format(Instant.parse("2024-01-02T03:04:05.007Z")))
        .isEqualTo("2024-01-02 03%3A04%3A05.007");
  }

  @Test
  void should_write_null_as_the_hive_default_partition_and_read_it_back_as_null() {
    assertThat(PathValues.format(null)).isEqualTo("__HIVE_DEFAULT_PARTITION__");
    assertThat(PathValues.parse(column(DataTypes.INT), "__HIVE_DEFAULT_PARTITION__")).isNull();
  }

  @Test
  void should_keep_a_text_that_spells_the_default_partition_apart_from_null() {
    String written = PathValues.format("__HIVE_DEFAULT_PARTITION__");
    assertThat(written).isEqualTo("%5F_HIVE_DEFAULT_PARTITION__");
    assertThat(PathValues.parse(column(DataTypes.TEXT), written))
        .isEqualTo("__HIVE_DEFAULT_PARTITION__");
  }

  @Test
  void should_refuse_blobs_and_collections_and_say_why_a_value_does_not_fit() {
    assertThat(PathValues.scalarOf(column(DataTypes.BLOB))).isEmpty();
    assertThat(PathValues.scalarOf(column(DataTypes.listOf(DataTypes.INT)))).isEmpty();
    assertThatThrownBy(() -> PathValues.parse(column(DataTypes.BLOB), "0x00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blob");
    assertThatThrownBy(() -> PathValues.parse(column(DataTypes.INT), "ORD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ORD");
  }
}
