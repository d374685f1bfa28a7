package io.cqlp.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowFilterTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(
          ColumnSpec.regular("Origin", DataTypes.TEXT),
          ColumnSpec.regular("delay", DataTypes.BIGINT),
          ColumnSpec.regular("at", DataTypes.TIMESTAMP),
          ColumnSpec.regular("id", DataTypes.UUID),
          ColumnSpec.regular("tags", DataTypes.setOf(DataTypes.TEXT)));
  private static final UUID ID = UUID.fromString("123e4567-e89b-42d3-a456-556642440000");

  private static Object[] row(String origin, Long delay, String at) {
    return new Object[] {origin, delay, at == null ? null : Instant.parse(at), ID, null};
  }

  @Test
  void keeps_rows_that_meet_every_comparison() {
    RowFilter f =
        RowFilter.parse(
            "origin = 'it''s AND' and delay > 5 AND \"at\" <= '2024-01-01T00:00:00Z'"
                + " AND id = 123e4567-e89b-42d3-a456-556642440000",
            COLUMNS);
    assertThat(f.test(row("it's AND", 6L, "2024-01-01T00:00:00Z"))).isTrue();
    assertThat(f.test(row("it's AND", 5L, "2023-01-01T00:00:00Z"))).isFalse();
    assertThat(f.test(row("it's AND", 6L, "2024-01-01T00:00:00.001Z"))).isFalse();
    assertThat(f.test(row("other", 6L, "2023-01-01T00:00:00Z"))).isFalse();
    assertThat(f.test(row("it's AND", null, "2023-01-01T00:00:00Z"))).isFalse();
    assertThat(RowFilter.parse("delay >= 5 AND delay < 7", COLUMNS).test(row("x", 5L, null)))
        .isTrue();
  }

  @Test
  void refuses_what_it_cannot_apply_in_one_line() {
    assertThatThrownBy(() -> RowFilter.parse("nope = 1", COLUMNS))
        .hasMessageContaining("no column nope");
    assertThatThrownBy(() -> RowFilter.parse("\"origin\" = 'x'", COLUMNS))
        .hasMessageContaining("no column");
    assertThatThrownBy(() -> RowFilter.parse("id < 123e4567-e89b-42d3-a456-556642440000", COLUMNS))
        .hasMessageContaining("no order");
    assertThatThrownBy(() -> RowFilter.parse("tags = 'a'", COLUMNS)).hasMessageContaining("scalar");
    assertThatThrownBy(() -> RowFilter.parse("delay = 'x'", COLUMNS))
        .hasMessageContaining("not a bigint");
    assertThatThrownBy(() -> RowFilter.parse("origin LIKE 'a%'", COLUMNS))
        .hasMessageContaining("Cannot read");
    assertThatThrownBy(() -> RowFilter.parse("origin = a", COLUMNS))
        .hasMessageContaining("single quotes");
  }
}
