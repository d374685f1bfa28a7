package io.cqlp.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParquetResultWriterTest {
  private static final List<ColumnSpec> FIXED =
      List.of(ColumnSpec.regular("id", DataTypes.INT), ColumnSpec.regular("name", DataTypes.TEXT));

  @Test
  void should_find_no_difference_in_the_same_columns() {
    assertThat(ParquetResultWriter.difference(FIXED, List.copyOf(FIXED))).isNull();
  }

  @Test
  void should_name_a_different_column_count() {
    assertThat(
            ParquetResultWriter.difference(FIXED, List.of(ColumnSpec.regular("id", DataTypes.INT))))
        .isEqualTo("it has 1 columns (id int), not 2");
  }

  @Test
  void should_name_renamed_and_retyped_columns() {
    List<ColumnSpec> other =
        List.of(
            ColumnSpec.regular("id", DataTypes.BIGINT),
            ColumnSpec.regular("email", DataTypes.TEXT));
    assertThat(ParquetResultWriter.difference(FIXED, other))
        .isEqualTo("column 'id' is bigint, not int, column 2 is 'email', not 'name'");
  }
}
