package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.rows.TransferException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionFilterTest {

  @Test
  void should_accept_only_the_values_given_for_a_named_key_ignoring_the_key_case() {
    PartitionFilter filter = PartitionFilter.parse("Year=2024");
    assertThat(filter.accepts(new PathLevel("year", "2024"))).isTrue();
    assertThat(filter.accepts(new PathLevel("YEAR", "2023"))).isFalse();
    assertThat(filter.accepts(new PathLevel("month", "07"))).isTrue();
  }

  @Test
  void should_compare_whole_numbers_by_value() {
    PartitionFilter filter = PartitionFilter.parse("month=1");
    assertThat(filter.accepts(new PathLevel("month", "01"))).isTrue();
    assertThat(filter.accepts(new PathLevel("month", "10"))).isFalse();
    assertThat(PartitionFilter.parse("month=01").accepts(new PathLevel("month", "1"))).isTrue();
  }

  @Test
  void should_accept_any_of_the_values_of_a_key_named_twice() {
    PartitionFilter filter = PartitionFilter.parse("origin=ORD,origin=ATL");
    assertThat(filter.accepts(new PathLevel("origin", "ATL"))).isTrue();
    assertThat(filter.accepts(new PathLevel("origin", "ORD"))).isTrue();
    assertThat(filter.accepts(new PathLevel("origin", "LAX"))).isFalse();
  }

  @Test
  void should_compare_unescaped_values_and_match_null_by_the_default_partition_name() {
    assertThat(PartitionFilter.parse("k=a/b").accepts(new PathLevel("k", "a%2Fb"))).isTrue();
    assertThat(
            PartitionFilter.parse("k=__HIVE_DEFAULT_PARTITION__")
                .accepts(new PathLevel("k", "__HIVE_DEFAULT_PARTITION__")))
        .isTrue();
  }

  @Test
  void should_read_a_file_only_when_every_named_key_is_above_it_and_accepted() {
    PartitionFilter filter = PartitionFilter.parse("year=2024,month=01");
    assertThat(
            filter.acceptsAll(List.of(new PathLevel("year", "2024"), new PathLevel("month", "01"))))
        .isTrue();
    assertThat(filter.acceptsAll(List.of(new PathLevel("year", "2024")))).isFalse();
    assertThat(
            filter.acceptsAll(List.of(new PathLevel("year", "2024"), new PathLevel("month", "02"))))
        .isFalse();
    assertThat(PartitionFilter.none().acceptsAll(List.of())).isTrue();
  }

  @Test
  void should_refuse_an_entry_that_is_not_key_equals_value() {
    assertThatThrownBy(() -> PartitionFilter.parse("year"))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("'year' is not key=value");
    assertThatThrownBy(() -> PartitionFilter.parse("=1")).isInstanceOf(TransferException.class);
  }
}
