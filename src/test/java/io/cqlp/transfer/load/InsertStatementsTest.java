package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.rows.TableSchema;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsertStatementsTest {
  private static final TableSchema TABLE =
      new TableSchema(
          "Ks",
          "t",
          List.of(
              new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
              new ColumnSpec("at", DataTypes.TIMESTAMP, ColumnKind.CLUSTERING),
              ColumnSpec.regular("Say \"hi\"", DataTypes.TEXT)),
          List.of("id"));

  @Test
  void should_insert_the_columns_with_every_name_quoted_and_one_marker_each() {
    assertThat(InsertStatements.insert(TABLE, TABLE.columns()))
        .isEqualTo(
            "INSERT INTO \"Ks\".\"t\" (\"id\", \"at\", \"Say \"\"hi\"\"\") VALUES (?, ?, ?)");
  }

  @Test
  void should_update_counters_by_adding_keyed_by_the_primary_key_in_column_order() {
    List<ColumnSpec> columns =
        List.of(
            ColumnSpec.regular("hits", DataTypes.COUNTER),
            new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
            ColumnSpec.regular("misses", DataTypes.COUNTER),
            new ColumnSpec("at", DataTypes.TIMESTAMP, ColumnKind.CLUSTERING));
    assertThat(InsertStatements.insert(TABLE, columns))
        .isEqualTo(
            "UPDATE \"Ks\".\"t\" SET \"hits\" = \"hits\" + ?, \"misses\" = \"misses\" + ?"
                + " WHERE \"id\" = ? AND \"at\" = ?");
  }

  @Test
  void should_spell_the_using_clauses_of_ttl_and_of_literal_cell_times() {
    assertThat(InsertStatements.usingTtl(60)).isEqualTo(" USING TTL 60");
    assertThat(InsertStatements.usingTtl(0)).isEmpty();
    assertThat(InsertStatements.usingTtl(-1)).isEmpty();
    assertThat(InsertStatements.usingLiteral(null, null)).isEmpty();
    assertThat(InsertStatements.usingLiteral(null, 30)).isEqualTo(" USING TTL 30");
    assertThat(InsertStatements.usingLiteral(1_700_000_000_000_000L, null))
        .isEqualTo(" USING TIMESTAMP 1700000000000000");
    assertThat(InsertStatements.usingLiteral(5L, 30)).isEqualTo(" USING TIMESTAMP 5 AND TTL 30");
  }
}
