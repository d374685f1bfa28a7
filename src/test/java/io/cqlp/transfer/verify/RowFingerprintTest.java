package io.cqlp.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFingerprintTest {
  private static final List<ColumnSpec> KEYS =
      List.of(
          new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
          new ColumnSpec("ck", DataTypes.TEXT, ColumnKind.CLUSTERING));
  private static final List<ColumnSpec> CELLS =
      List.of(
          ColumnSpec.regular("s", DataTypes.setOf(DataTypes.TEXT)),
          ColumnSpec.regular("m", DataTypes.mapOf(DataTypes.INT, DataTypes.TEXT)),
          ColumnSpec.regular("l", DataTypes.listOf(DataTypes.INT)),
          ColumnSpec.regular("fl", DataTypes.frozenListOf(DataTypes.INT)),
          ColumnSpec.regular("d", DataTypes.DECIMAL));

  private final RowFingerprint fingerprint =
      new RowFingerprint(KEYS, CELLS, CodecRegistry.DEFAULT, ProtocolVersion.DEFAULT);

  private static Object[] row(Object... values) {
    return values;
  }

  @Test
  void should_write_the_key_as_cql_literals() {
    assertThat(fingerprint.key(row(5, "it's", null, null, null, null, null)))
        .isEqualTo("id=5, ck='it''s'");
  }

  @Test
  void should_hash_sets_and_maps_alike_whatever_their_order() {
    LinkedHashSet<String> ab = new LinkedHashSet<>(List.of("a", "b"));
    LinkedHashSet<String> ba = new LinkedHashSet<>(List.of("b", "a"));
    Map<Integer, String> m12 = new LinkedHashMap<>(Map.of(1, "x"));
    m12.put(2, "y");
    Map<Integer, String> m21 = new LinkedHashMap<>(Map.of(2, "y"));
    m21.put(1, "x");
    long[] one =
        fingerprint.hashes(row(1, "a", ab, m12, List.of(1, 2), List.of(1), new BigDecimal("1.5")));
    long[] other =
        fingerprint.hashes(row(1, "a", ba, m21, List.of(1, 2), List.of(1), new BigDecimal("1.5")));
    assertThat(other).isEqualTo(one);
    long[] listOrder =
        fingerprint.hashes(row(1, "a", ab, m12, List.of(2, 1), List.of(1), new BigDecimal("1.5")));
    assertThat(listOrder[2]).isNotEqualTo(one[2]);
    assertThat(listOrder[0]).isEqualTo(one[0]);
  }

  @Test
  void should_take_an_empty_non_frozen_collection_for_null_but_not_a_frozen_one() {
    long[] empty =
        fingerprint.hashes(
            row(1, "a", new LinkedHashSet<>(), Map.of(), List.of(), List.of(), null));
    long[] nulls = fingerprint.hashes(row(1, "a", null, null, null, null, null));
    assertThat(empty[0]).isEqualTo(nulls[0]);
    assertThat(empty[1]).isEqualTo(nulls[1]);
    assertThat(empty[2]).isEqualTo(nulls[2]);
    assertThat(empty[3]).isNotEqualTo(nulls[3]);
  }

  @Test
  void should_tell_decimals_of_another_scale_apart_as_cassandra_does() {
    long[] a = fingerprint.hashes(row(1, "a", null, null, null, null, new BigDecimal("1.5")));
    long[] b = fingerprint.hashes(row(1, "a", null, null, null, null, new BigDecimal("1.50")));
    assertThat(a[4]).isNotEqualTo(b[4]);
  }
}
