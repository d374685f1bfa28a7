package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import io.cqlp.types.ColumnKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralWriteTest {
  @SuppressWarnings("unchecked")
  private static TypeCodec<Object>[] codecs(TypeCodec<?>... codecs) {
    return Arrays.copyOf(codecs, codecs.length, TypeCodec[].class);
  }

  @Test
  void should_write_values_as_cql_literals_and_leave_nulls_and_time_columns_out() {
    LiteralWrite write = new LiteralWrite("\"ks\".\"t\"", Arrays.asList("\"id\"", "\"name\"", "\"note\"", null),
        List.of(ColumnKind.PARTITION_KEY, ColumnKind.REGULAR, ColumnKind.REGULAR, ColumnKind.WRITETIME),
        codecs(TypeCodecs.BIGINT, TypeCodecs.TEXT, TypeCodecs.TEXT, TypeCodecs.TIMESTAMP), false);
    assertThat(write.text(new Object[] {7L, "it's", null, null}, " USING TIMESTAMP 5 AND TTL 60"))
        .isEqualTo("INSERT INTO \"ks\".\"t\" (\"id\", \"name\") VALUES (7, 'it''s') USING TIMESTAMP 5 AND TTL 60");
  }

  @Test
  void should_add_to_counters_by_key() {
    LiteralWrite write = new LiteralWrite("ks.c", List.of("k", "c1", "c2"),
        List.of(ColumnKind.PARTITION_KEY, ColumnKind.REGULAR, ColumnKind.REGULAR),
        codecs(TypeCodecs.TEXT, TypeCodecs.COUNTER, TypeCodecs.COUNTER), true);
    assertThat(write.text(new Object[] {"a", 3L, -2L}, "")).isEqualTo("UPDATE ks.c SET c1 = c1 + 3, c2 = c2 + -2 WHERE k = 'a'");
    assertThat(write.text(new Object[] {"a", null, null}, "")).isEqualTo("UPDATE ks.c SET c1 = c1 + 0 WHERE k = 'a'");
  }
}
