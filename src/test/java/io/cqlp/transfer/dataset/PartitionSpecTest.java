package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.rows.TransferException;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSpecTest {
  private static final List<ColumnSpec> FLIGHTS =
      List.of(
          new ColumnSpec("origin", DataTypes.TEXT, ColumnKind.PARTITION_KEY),
          new ColumnSpec("date", DataTypes.TIMESTAMP, ColumnKind.CLUSTERING),
          ColumnSpec.regular("day", DataTypes.DATE),
          ColumnSpec.regular("delay", DataTypes.BIGINT),
          ColumnSpec.regular("payload", DataTypes.BLOB));

  private static Object[] row(String origin, String instant) {
    return new Object[] {origin, Instant.parse(instant), LocalDate.of(2001, 2, 3), 5L, null};
  }

  @Test
  void should_lay_out_a_column_then_a_virtual_column_in_the_order_given() {
    PartitionSpec spec = PartitionSpec.parse("origin, date.month", FLIGHTS);
    assertThat(spec.directory(row("ORD", "2001-01-31T23:30:00Z")))
        .isEqualTo("origin=ORD/date.month=01");
  }

  @Test
  void should_keep_a_partition_column_out_of_the_files_but_the_source_of_a_virtual_column_in() {
    PartitionSpec spec = PartitionSpec.parse("origin,date.month", FLIGHTS);
    assertThat(spec.fileColumns())
        .extracting(ColumnSpec::name)
        .containsExactly("date", "day", "delay", "payload");
    assertThat(spec.pathColumns()).extracting(ColumnSpec::name).containsExactly("origin");
    Object[] into = new Object[4];
    Object[] source = row("ORD", "2001-01-31T23:30:00Z");
    assertThat(spec.project(source, into)).containsExactly(source[1], source[2], 5L, null);
  }

  @Test
  void should_name_the_directory_key_of_a_virtual_column_as_typed() {
    PartitionSpec spec = PartitionSpec.parse("Date.Year,day.date", FLIGHTS);
    assertThat(spec.directory(row("X", "2024-05-06T07:08:09Z")))
        .isEqualTo("Date.Year=2024/day.date=2001-02-03");
  }

  @Test
  void should_match_a_column_name_ignoring_case_and_a_quoted_name_exactly() {
    assertThat(PartitionSpec.parse("ORIGIN", FLIGHTS).fields().get(0).key()).isEqualTo("origin");
    assertThatThrownBy(() -> PartitionSpec.parse("\"ORIGIN\"", FLIGHTS))
        .isInstanceOf(TransferException.class);
  }

  @Test
  void should_escape_values_so_they_stay_one_level_under_the_root() {
    PartitionSpec spec = PartitionSpec.parse("origin", FLIGHTS);
    Path root = Path.of("/data/out");
    for (String value : List.of("a/b", "..", ".", "../../etc", "x=y", "%2F", "\\", "")) {
      String dir = spec.directory(row(value, "2001-01-01T00:00:00Z"));
      Path resolved = root.resolve(dir).normalize();
      assertThat(resolved.getParent()).as(value).isEqualTo(root);
      assertThat(PathLevel.of(dir).rawValue())
          .as(value)
          .satisfies(raw -> assertThat(PathValues.parse(FLIGHTS.get(0), raw)).isEqualTo(value));
    }
  }

  @Test
  void should_put_a_null_value_in_the_hive_default_partition() {
    PartitionSpec spec = PartitionSpec.parse("origin,date.day", FLIGHTS);
    Object[] row = {null, null, null, null, null};
    assertThat(spec.directory(row))
        .isEqualTo("origin=__HIVE_DEFAULT_PARTITION__/date.day=__HIVE_DEFAULT_PARTITION__");
  }

  @Test
  void should_refuse_a_value_too_long_for_a_directory_name() {
    PartitionSpec spec = PartitionSpec.parse("origin", FLIGHTS);
    assertThatThrownBy(() -> spec.directory(row("é".repeat(200), "2001-01-01T00:00:00Z")))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("too long")
        .hasMessageContaining("255");
  }

  @Test
  void should_explain_each_bad_partition_name() {
    assertThatThrownBy(() -> PartitionSpec.parse("nope", FLIGHTS))
        .hasMessageContaining("'nope'")
        .hasMessageContaining("origin, date, day, delay, payload");
    assertThatThrownBy(() -> PartitionSpec.parse("date.week", FLIGHTS))
        .hasMessageContaining("'week' is not a time part");
    assertThatThrownBy(() -> PartitionSpec.parse("day.hour", FLIGHTS))
        .hasMessageContaining("'day' is date");
    assertThatThrownBy(() -> PartitionSpec.parse("delay.year", FLIGHTS))
        .hasMessageContaining("'delay' is bigint");
    assertThatThrownBy(() -> PartitionSpec.parse("payload", FLIGHTS)).hasMessageContaining("blob");
    assertThatThrownBy(() -> PartitionSpec.parse("origin,ORIGIN", FLIGHTS))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> PartitionSpec.parse("origin,,date", FLIGHTS))
        .hasMessageContaining("empty name");
    assertThatThrownBy(
            () ->
                PartitionSpec.parse(
                    "origin,date,day,delay,payload".replace(",payload", ""), FLIGHTS.subList(0, 4)))
        .hasMessageContaining("at least one column must stay in the files");
  }

  @Test
  void should_have_no_levels_without_the_option() {
    PartitionSpec spec = PartitionSpec.parse(null, FLIGHTS);
    assertThat(spec.isPartitioned()).isFalse();
    assertThat(spec.directory(row("ORD", "2001-01-01T00:00:00Z"))).isEmpty();
    assertThat(spec.fileColumns()).isEqualTo(FLIGHTS);
  }
}
