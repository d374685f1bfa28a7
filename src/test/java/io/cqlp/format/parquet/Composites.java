package io.cqlp.format.parquet;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One column per composite CQL type (collections, nested frozen collections, tuple, user types
 * nested, vectors, duration), and rows of values: full, null, empty and edge.
 */
public final class Composites {
  private Composites() {}

  /** tuple&lt;double, double&gt;. */
  public static final TupleType POINT = DataTypes.tupleOf(DataTypes.DOUBLE, DataTypes.DOUBLE);

  /** The frozen user type ks.address: street text, zip int, tags set&lt;text&gt;, loc POINT. */
  public static final UserDefinedType ADDRESS =
      new UserDefinedTypeBuilder("ks", "address")
          .withField("street", DataTypes.TEXT)
          .withField("zip", DataTypes.INT)
          .withField("tags", DataTypes.frozenSetOf(DataTypes.TEXT))
          .withField("loc", POINT)
          .frozen()
          .build();

  /** tuple&lt;int, text, timestamp&gt;. */
  public static final TupleType TRIPLE =
      DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT, DataTypes.TIMESTAMP);

  /** The columns: id int partition key, then one per composite type. */
  public static List<ColumnSpec> columns() {
    return List.of(
        new ColumnSpec("id", DataTypes.INT, ColumnKind.PARTITION_KEY),
        ColumnSpec.regular("l", DataTypes.listOf(DataTypes.INT)),
        ColumnSpec.regular("s", DataTypes.setOf(DataTypes.TEXT)),
        ColumnSpec.regular("m", DataTypes.mapOf(DataTypes.TEXT, DataTypes.BIGINT)),
        ColumnSpec.regular("fl", DataTypes.frozenListOf(DataTypes.frozenListOf(DataTypes.INT))),
        ColumnSpec.regular("t", TRIPLE),
        ColumnSpec.regular("a", ADDRESS),
        ColumnSpec.regular("ma", DataTypes.mapOf(DataTypes.TEXT, DataTypes.frozenListOf(ADDRESS))),
        ColumnSpec.regular("v", DataTypes.vectorOf(DataTypes.FLOAT, 3)),
        ColumnSpec.regular("vt", DataTypes.vectorOf(DataTypes.TEXT, 2)),
        ColumnSpec.regular("d", DataTypes.DURATION));
  }

  /** An ADDRESS value; each argument may be null (x null: no loc). */
  public static UdtValue address(
      String street, Integer zip, List<String> tags, Double x, Double y) {
    UdtValue a = ADDRESS.newValue();
    if (street != null) {
      a = a.setString("street", street);
    }
    if (zip != null) {
      a = a.setInt("zip", zip);
    }
    if (tags != null) {
      a = a.setSet("tags", new LinkedHashSet<>(tags), String.class);
    }
    if (x != null) {
      a = a.setTupleValue("loc", POINT.newValue(x, y));
    }
    return a;
  }

  /** A TRIPLE value; each argument may be null. */
  public static TupleValue triple(Integer i, String s, Instant ts) {
    return TRIPLE.newValue(i, s, ts);
  }

  /** Rows of {@link #columns()}: full, null, empty and edge values. */
  public static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("a", Long.MIN_VALUE);
    m.put("é 😀", Long.MAX_VALUE);
    Map<String, List<UdtValue>> ma = new LinkedHashMap<>();
    ma.put(
        "home",
        List.of(
            address("1 Main St", 12345, List.of("x", "y"), 1.5, -2.5),
            address(null, null, null, null, null)));
    ma.put("none", List.of());
    rows.add(
        new Object[] {
          1,
          List.of(1, -2, Integer.MAX_VALUE),
          new LinkedHashSet<>(List.of("a", "b c", "")),
          m,
          List.of(List.of(1, 2), List.of(), List.of(3)),
          triple(7, "seven", Instant.parse("1969-07-20T20:17:40.123Z")),
          address("Grüße 🚀", -1, List.of(), 0.0, -0.0),
          ma,
          CqlVector.newInstance(0.25f, Float.NaN, Float.NEGATIVE_INFINITY),
          CqlVector.newInstance("x", ""),
          CqlDuration.newInstance(14, 3, 4_000_000_007L)
        });
    rows.add(new Object[] {2, null, null, null, null, null, null, null, null, null, null});
    // Frozen empties, tuples and user types whose fields are all null: values, not nulls.
    rows.add(
        new Object[] {
          3,
          List.of(),
          new LinkedHashSet<>(),
          new LinkedHashMap<>(),
          List.of(),
          triple(null, null, null),
          address(null, null, null, null, null),
          new LinkedHashMap<>(),
          CqlVector.newInstance(-0.0f, Float.MAX_VALUE, Float.MIN_VALUE),
          CqlVector.newInstance("a", "b"),
          CqlDuration.newInstance(-1, -2, -3)
        });
    rows.add(
        new Object[] {
          4,
          Arrays.asList(0),
          new LinkedHashSet<>(List.of("only")),
          Map.of("k", 0L),
          List.of(List.of()),
          triple(null, "", null),
          address("", 0, List.of("t"), null, null),
          Map.of("k", List.of()),
          CqlVector.newInstance(1f, 2f, 3f),
          CqlVector.newInstance("😀", "\u0000"),
          CqlDuration.newInstance(0, 0, 0)
        });
    return rows;
  }
}
