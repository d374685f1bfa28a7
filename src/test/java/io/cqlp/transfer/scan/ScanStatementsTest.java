package io.cqlp.transfer.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import io.cqlp.rows.TableSchema;
import io.cqlp.transfer.plan.ScanRange;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanStatementsTest {
  private static final TableSchema TABLE =
      new TableSchema(
          "ks",
          "Events",
          List.of(
              new ColumnSpec("day", DataTypes.DATE, ColumnKind.PARTITION_KEY),
              new ColumnSpec("Src", DataTypes.TEXT, ColumnKind.PARTITION_KEY),
              ColumnSpec.regular("n", DataTypes.INT)),
          List.of("day", "Src"));

  private final ScanStatements plain = new ScanStatements(null, TABLE, TABLE.columnList(), null);
  private final ScanStatements filtered =
      new ScanStatements(null, TABLE, TABLE.columnList(), "n > 3");

  @Test
  void should_bound_each_range_by_the_token_of_the_whole_partition_key() {
    String select = "SELECT \"day\", \"Src\", \"n\" FROM \"ks\".\"Events\"";
    String token = "token(\"day\", \"Src\")";
    assertThat(plain.text(new ScanRange(new Murmur3Token(-5), new Murmur3Token(7))))
        .isEqualTo(select + " WHERE " + token + " > ? AND " + token + " <= ?");
    assertThat(plain.text(new ScanRange(new Murmur3Token(7), null)))
        .isEqualTo(select + " WHERE " + token + " > ?");
    assertThat(plain.text(new ScanRange(null, new Murmur3Token(-5))))
        .isEqualTo(select + " WHERE " + token + " <= ?");
    assertThat(plain.text(ScanRange.all())).isEqualTo(select);
  }

  @Test
  void should_append_the_copys_where_with_allow_filtering_to_every_range() {
    assertThat(filtered.text(new ScanRange(new Murmur3Token(-5), new Murmur3Token(7))))
        .endsWith(" <= ? AND n > 3 ALLOW FILTERING");
    assertThat(filtered.text(ScanRange.all()))
        .isEqualTo(
            "SELECT \"day\", \"Src\", \"n\" FROM \"ks\".\"Events\" WHERE n > 3 ALLOW FILTERING");
  }
}
