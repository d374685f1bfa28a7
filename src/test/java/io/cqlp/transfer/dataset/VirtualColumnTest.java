package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VirtualColumnTest {
  private static final Instant LATE_EVENING = Instant.parse("2024-03-09T23:59:59.999Z");

  @Test
  void should_take_the_parts_of_a_timestamp_in_utc_with_two_digit_month_day_and_hour() {
    assertThat(VirtualColumn.YEAR.apply(LATE_EVENING)).isEqualTo("2024");
    assertThat(VirtualColumn.MONTH.apply(LATE_EVENING)).isEqualTo("03");
    assertThat(VirtualColumn.DAY.apply(LATE_EVENING)).isEqualTo("09");
    assertThat(VirtualColumn.HOUR.apply(LATE_EVENING)).isEqualTo("23");
    assertThat(VirtualColumn.DATE.apply(LATE_EVENING)).isEqualTo("2024-03-09");
  }

  @Test
  void should_take_the_parts_of_the_time_embedded_in_a_timeuuid() {
    UUID id = Uuids.startOf(LATE_EVENING.toEpochMilli());
    assertThat(VirtualColumn.DATE.apply(id)).isEqualTo("2024-03-09");
    assertThat(VirtualColumn.HOUR.apply(id)).isEqualTo("23");
    UUID nextDay = Uuids.startOf(LATE_EVENING.toEpochMilli() + 1);
    assertThat(VirtualColumn.DATE.apply(nextDay)).isEqualTo("2024-03-10");
    assertThat(VirtualColumn.HOUR.apply(nextDay)).isEqualTo("00");
  }

  @Test
  void should_take_the_parts_of_a_date() {
    LocalDate date = LocalDate.of(1999, 12, 1);
    assertThat(VirtualColumn.YEAR.apply(date)).isEqualTo("1999");
    assertThat(VirtualColumn.MONTH.apply(date)).isEqualTo("12");
    assertThat(VirtualColumn.DAY.apply(date)).isEqualTo("01");
    assertThat(VirtualColumn.DATE.apply(date)).isEqualTo("1999-12-01");
  }

  @Test
  void should_give_a_timestamp_before_1970_its_own_date() {
    Instant before = Instant.parse("1969-12-31T23:00:00.500Z");
    assertThat(VirtualColumn.DATE.apply(before)).isEqualTo("1969-12-31");
    assertThat(VirtualColumn.DATE.apply(Uuids.startOf(before.toEpochMilli())))
        .isEqualTo("1969-12-31");
  }

  @Test
  void should_refuse_an_hour_of_a_date_and_a_uuid_that_is_not_time_based() {
    assertThatThrownBy(() -> VirtualColumn.HOUR.apply(LocalDate.of(2024, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hour");
    assertThatThrownBy(() -> VirtualColumn.YEAR.apply(UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 1");
  }

  @Test
  void should_apply_to_timestamp_timeuuid_and_date_only() {
    assertThat(VirtualColumn.HOUR.appliesTo(DataTypes.TIMESTAMP)).isTrue();
    assertThat(VirtualColumn.HOUR.appliesTo(DataTypes.TIMEUUID)).isTrue();
    assertThat(VirtualColumn.HOUR.appliesTo(DataTypes.DATE)).isFalse();
    assertThat(VirtualColumn.MONTH.appliesTo(DataTypes.DATE)).isTrue();
    assertThat(VirtualColumn.MONTH.appliesTo(DataTypes.UUID)).isFalse();
    assertThat(VirtualColumn.MONTH.appliesTo(DataTypes.TEXT)).isFalse();
  }

  @Test
  void should_find_a_part_by_its_suffix_in_any_case() {
    assertThat(VirtualColumn.ofSuffix("Month")).contains(VirtualColumn.MONTH);
    assertThat(VirtualColumn.ofSuffix("week")).isEmpty();
  }
}
