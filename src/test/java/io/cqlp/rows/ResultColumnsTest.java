package io.cqlp.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultColumnsTest {
  private static final List<ColumnSpec> FIXED =
      List.of(ColumnSpec.regular("id", DataTypes.INT), ColumnSpec.regular("name", DataTypes.TEXT));

  @Test
  void should_take_the_same_columns() {
    assertThat(ResultColumns.difference(FIXED, List.copyOf(FIXED))).isNull();
    ResultColumns.requireSame(FIXED, List.copyOf(FIXED), "a Parquet file");
  }

  @Test
  void should_name_a_different_column_count_and_the_columns_kept() {
    assertThatThrownBy(
            () ->
                ResultColumns.requireSame(
                    FIXED, List.of(ColumnSpec.regular("id", DataTypes.INT)), "a Parquet file"))
        .isInstanceOf(TransferException.class)
        .hasMessage(
            "it has 1 columns (id int), not 2; a Parquet file keeps the columns it began with (id"
                + " int, name text)");
  }

  @Test
  void should_name_renamed_and_retyped_columns() {
    List<ColumnSpec> other =
        List.of(
            ColumnSpec.regular("id", DataTypes.BIGINT),
            ColumnSpec.regular("email", DataTypes.TEXT));
    assertThat(ResultColumns.difference(FIXED, other))
        .isEqualTo("column 'id' is bigint, not int, column 2 is 'email', not 'name'");
  }
}
