package io.cqlp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellTimesTest {
  private static final List<ColumnSpec> TABLE =
      List.of(
          new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
          ColumnSpec.regular("a", DataTypes.TEXT),
          ColumnSpec.regular("b", DataTypes.INT),
          ColumnSpec.regular("c", DataTypes.frozenListOf(DataTypes.INT)));

  @Test
  void should_add_a_writetime_and_a_ttl_column_for_each_regular_column() {
    assertThat(CellTimes.exportColumns(TABLE))
        .extracting(ColumnSpec::name)
        .containsExactly(
            "id",
            "a",
            "b",
            "c",
            "writetime(a)",
            "ttl(a)",
            "writetime(b)",
            "ttl(b)",
            "writetime(c)",
            "ttl(c)");
    assertThat(CellTimes.selectList(TABLE))
        .isEqualTo(
            "\"id\", \"a\", \"b\", \"c\", WRITETIME(\"a\"), TTL(\"a\"), WRITETIME(\"b\"),"
                + " TTL(\"b\"), WRITETIME(\"c\"), TTL(\"c\")");
    assertThat(CellTimes.tableColumns(CellTimes.exportColumns(TABLE))).isEqualTo(TABLE);
  }

  @Test
  void should_refuse_counters_and_read_multi_cell_collections_as_lists_of_element_times() {
    assertThatThrownBy(
            () -> CellTimes.exportColumns(List.of(ColumnSpec.regular("n", DataTypes.COUNTER))))
        .hasMessageStartingWith("Column n is a counter, which has no write time");
    assertThat(CellTimes.importColumns(List.of(ColumnSpec.regular("n", DataTypes.COUNTER))))
        .extracting(ColumnSpec::name)
        .containsExactly("n");
    List<ColumnSpec> table =
        List.of(
            new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
            ColumnSpec.regular("s", DataTypes.setOf(DataTypes.TEXT)),
            ColumnSpec.regular("v", DataTypes.INT));
    assertThat(CellTimes.exportColumns(table))
        .extracting(ColumnSpec::type)
        .containsExactly(
            DataTypes.INT,
            DataTypes.setOf(DataTypes.TEXT),
            DataTypes.INT,
            DataTypes.BIGINT,
            DataTypes.INT,
            DataTypes.BIGINT,
            DataTypes.INT);
    assertThat(CellTimes.exportColumns(table))
        .extracting(ColumnSpec::kind)
        .endsWith(ColumnKind.WRITETIME, ColumnKind.TTL, ColumnKind.WRITETIME, ColumnKind.TTL);
    assertThat(CellTimes.scanColumns(table).subList(3, 5))
        .extracting(ColumnSpec::type)
        .containsExactly(DataTypes.listOf(DataTypes.BIGINT), DataTypes.listOf(DataTypes.INT));

    Object[] same = {
      1,
      java.util.Set.of("a", "b"),
      7,
      List.of(10L, 10L),
      java.util.Arrays.asList(null, null),
      5L,
      null
    };
    assertThat(CellTimes.collapse(table, same))
        .containsExactly(1, java.util.Set.of("a", "b"), 7, 10L, null, 5L, null);
    Object[] empty = {2, null, 7, null, List.of(), 5L, null};
    assertThat(CellTimes.collapse(table, empty)).containsExactly(2, null, 7, null, null, 5L, null);
    Object[] mixed = {
      3,
      java.util.Set.of("a", "b"),
      7,
      List.of(10L, 20L),
      java.util.Arrays.asList(null, null),
      5L,
      null
    };
    assertThatThrownBy(() -> CellTimes.collapse(table, mixed))
        .hasMessage(
            "Column s (set<text>) of the row (id=3) holds elements written at different times [10,"
                + " 20]; one INSERT restores a single write time and TTL per value. Export without"
                + " WRITETIME and TTL, or name the other columns.");
    Object[] ttls = {
      4,
      java.util.Set.of("a", "b"),
      7,
      List.of(10L, 10L),
      java.util.Arrays.asList(null, 60),
      5L,
      null
    };
    assertThatThrownBy(() -> CellTimes.collapse(table, ttls))
        .hasMessageContaining("holds elements with different TTLs");
  }

  @Test
  void should_split_a_row_by_write_time_and_ttl_skipping_null_cells() {
    CellTimes times = CellTimes.forRows(CellTimes.exportColumns(TABLE));
    List<CellTimes.Write> writes =
        times.split(new Object[] {1, "x", 2, null, 10L, null, 20L, 60, null, null});
    assertThat(writes).hasSize(2);
    assertThat(writes.get(0).values())
        .containsExactly(1, "x", null, null, null, null, null, null, null, null);
    assertThat(writes.get(0).writetime()).isEqualTo(10L);
    assertThat(writes.get(0).ttl()).isNull();
    assertThat(writes.get(1).values())
        .containsExactly(1, null, 2, null, null, null, null, null, null, null);
    assertThat(writes.get(1).writetime()).isEqualTo(20L);
    assertThat(writes.get(1).ttl()).isEqualTo(60);
    List<CellTimes.Write> same =
        times.split(new Object[] {1, "x", 2, List.of(1), 10L, 5, 10L, 5, 10L, 5});
    assertThat(same).hasSize(1);
    assertThat(same.get(0).values())
        .containsExactly(1, "x", 2, List.of(1), null, null, null, null, null, null);
    List<CellTimes.Write> keysOnly =
        times.split(new Object[] {1, null, null, null, null, null, null, null, null, null});
    assertThat(keysOnly).singleElement().satisfies(w -> assertThat(w.writetime()).isNull());
  }
}
