package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralWriteTest {
  private static ColumnSpec c(DataType type, ColumnKind kind) {
    return new ColumnSpec("x", type, kind);
  }

  @Test
  void should_write_values_as_cql_literals_and_leave_nulls_and_time_columns_out() {
    LiteralWrite write =
        new LiteralWrite(
            "\"ks\".\"t\"",
            Arrays.asList("\"id\"", "\"name\"", "\"note\"", null),
            List.of(
                c(DataTypes.BIGINT, ColumnKind.PARTITION_KEY),
                c(DataTypes.TEXT, ColumnKind.REGULAR),
                c(DataTypes.TEXT, ColumnKind.REGULAR),
                c(DataTypes.BIGINT, ColumnKind.WRITETIME)),
            false);
    assertThat(write.text(new Object[] {7L, "it's", null, null}, " USING TIMESTAMP 5 AND TTL 60"))
        .isEqualTo(
            "INSERT INTO \"ks\".\"t\" (\"id\", \"name\") VALUES (7, 'it''s') USING TIMESTAMP 5 AND"
                + " TTL 60");
  }

  @Test
  void should_add_to_counters_by_key() {
    LiteralWrite write =
        new LiteralWrite(
            "ks.c",
            List.of("k", "c1", "c2"),
            List.of(
                c(DataTypes.TEXT, ColumnKind.PARTITION_KEY),
                c(DataTypes.COUNTER, ColumnKind.REGULAR),
                c(DataTypes.COUNTER, ColumnKind.REGULAR)),
            true);
    assertThat(write.text(new Object[] {"a", 3L, -2L}, ""))
        .isEqualTo("UPDATE ks.c SET c1 = c1 + 3, c2 = c2 + -2 WHERE k = 'a'");
    assertThat(write.text(new Object[] {"a", null, null}, ""))
        .isEqualTo("UPDATE ks.c SET c1 = c1 + 0 WHERE k = 'a'");
  }
}
