package io.cqlp.format.json;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Columns of every CQL type the JSON format moves, and rows of edge values for them. */
final class EveryType {
  private EveryType() {}

  static final UserDefinedType ADDRESS =
      new UserDefinedTypeBuilder("ks", "address")
          .withField("street", DataTypes.TEXT)
          .withField("zip", DataTypes.INT)
          .withField("tags", DataTypes.frozenListOf(DataTypes.TEXT))
          .build();
  static final TupleType TRIPLE =
      DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT, DataTypes.TIMESTAMP);

  static final List<DataType> TYPES =
      List.of(
          DataTypes.BIGINT,
          DataTypes.ASCII,
          DataTypes.TEXT,
          DataTypes.TINYINT,
          DataTypes.SMALLINT,
          DataTypes.INT,
          DataTypes.VARINT,
          DataTypes.FLOAT,
          DataTypes.DOUBLE,
          DataTypes.DECIMAL,
          DataTypes.BOOLEAN,
          DataTypes.TIMESTAMP,
          DataTypes.DATE,
          DataTypes.TIME,
          DataTypes.UUID,
          DataTypes.TIMEUUID,
          DataTypes.INET,
          DataTypes.BLOB,
          DataTypes.DURATION,
          DataTypes.listOf(DataTypes.INT),
          DataTypes.setOf(DataTypes.TEXT),
          DataTypes.mapOf(DataTypes.TEXT, DataTypes.BIGINT),
          DataTypes.mapOf(DataTypes.TIMESTAMP, DataTypes.FLOAT),
          DataTypes.mapOf(DataTypes.DOUBLE, DataTypes.BLOB),
          DataTypes.mapOf(DataTypes.frozenListOf(DataTypes.INT), DataTypes.TEXT),
          ADDRESS,
          TRIPLE,
          DataTypes.vectorOf(DataTypes.FLOAT, 3),
          DataTypes.listOf(DataTypes.frozenMapOf(DataTypes.UUID, DataTypes.DATE)));

  static List<ColumnSpec> columns() {
    List<ColumnSpec> columns = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      columns.add(
          new ColumnSpec(
              "c" + i, TYPES.get(i), i == 0 ? ColumnKind.PARTITION_KEY : ColumnKind.REGULAR));
    }
    return columns;
  }

  static List<Object[]> rows() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    UUID timeuuid = UUID.fromString("fe2b4360-28c6-11e2-81c1-0800200c9a66");
    List<Object[]> rows = new ArrayList<>();
    rows.add(
        new Object[] {
          Long.MIN_VALUE,
          "",
          "",
          Byte.MIN_VALUE,
          Short.MIN_VALUE,
          Integer.MIN_VALUE,
          BigInteger.TWO.pow(200).negate(),
          Float.NaN,
          Double.NEGATIVE_INFINITY,
          new BigDecimal("0.000"),
          false,
          Instant.ofEpochMilli(Long.MIN_VALUE),
          LocalDate.ofEpochDay(Integer.MIN_VALUE),
          LocalTime.MIDNIGHT,
          new UUID(0, 0),
          timeuuid,
          inet("127.0.0.1"),
          ByteBuffer.wrap(new byte[0]),
          CqlDuration.newInstance(0, 0, 0),
          List.of(),
          Set.of(),
          Map.of(),
          Map.of(),
          Map.of(),
          Map.of(),
          ADDRESS.newValue(),
          TRIPLE.newValue(),
          CqlVector.newInstance(0f, -0f, Float.MIN_VALUE),
          List.of()
        });
    rows.add(
        new Object[] {
          Long.MAX_VALUE,
          "~ascii \" \\ \n",
          "héllo ✓ 😀 日本 \u0000 \t",
          Byte.MAX_VALUE,
          Short.MAX_VALUE,
          Integer.MAX_VALUE,
          new BigInteger("123456789012345678901234567890"),
          Float.POSITIVE_INFINITY,
          0.1d,
          new BigDecimal("-123456789012345678901234567890.1234567890123456789"),
          true,
          Instant.ofEpochMilli(Long.MAX_VALUE),
          LocalDate.ofEpochDay(Integer.MAX_VALUE),
          LocalTime.of(23, 59, 59, 999_999_999),
          UUID.fromString("123e4567-e89b-42d3-a456-426614174000"),
          timeuuid,
          inet("2001:db8:85a3::8a2e:370:7334"),
          ByteBuffer.wrap(all),
          CqlDuration.newInstance(-14, -3, -4_000_000_001L),
          List.of(1, -1, 1, Integer.MAX_VALUE),
          new LinkedHashSet<>(List.of("b", "a", "")),
          ordered("k", 1L, "K", -1L, "", Long.MAX_VALUE),
          ordered(Instant.parse("2024-01-02T03:04:05.678Z"), 1.5f, Instant.EPOCH, Float.NaN),
          ordered(
              0.1d,
              ByteBuffer.wrap(new byte[] {1}),
              Double.NaN,
              ByteBuffer.wrap(new byte[0]),
              -0.0d,
              ByteBuffer.wrap(new byte[] {2})),
          ordered(List.of(1, 2), "one-two", List.of(), "none"),
          ADDRESS.newValue("Main St. 1", 12345, List.of("home", "work")),
          TRIPLE.newValue(7, "seven", Instant.parse("2001-01-01T00:00:00.001Z")),
          CqlVector.newInstance(1.5f, Float.MAX_VALUE, -3f),
          List.of(ordered(timeuuid, LocalDate.of(2024, 2, 29)), Map.of())
        });
    rows.add(
        new Object[] {
          0L,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          ADDRESS.newValue(null, 1, null),
          TRIPLE.newValue(null, "x", null),
          null,
          null
        });
    rows.add(
        new Object[] {
          1L,
          "a",
          "b",
          (byte) 0,
          (short) 0,
          0,
          BigInteger.ZERO,
          3.4028235E38f,
          Double.MIN_VALUE,
          new BigDecimal("1E+10"),
          true,
          Instant.parse("1900-01-01T00:00:00Z"),
          LocalDate.of(1, 1, 1),
          LocalTime.of(0, 0, 0, 1),
          UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"),
          timeuuid,
          inet("::1"),
          ByteBuffer.wrap(new byte[] {(byte) 0xff}),
          CqlDuration.from("1y2mo3d4h5m6s7ms8us9ns"),
          List.of(0),
          Set.of("only"),
          Map.of("x", 0L),
          Map.of(),
          Map.of(),
          Map.of(),
          ADDRESS.newValue(),
          TRIPLE.newValue(),
          CqlVector.newInstance(1f, 2f, 3f),
          List.of()
        });
    return rows;
  }

  @SafeVarargs
  static <K, V> Map<K, V> ordered(Object... keysAndValues) {
    Map<K, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      K k = (K) keysAndValues[i];
      @SuppressWarnings("unchecked")
      V v = (V) keysAndValues[i + 1];
      map.put(k, v);
    }
    return map;
  }

  static InetAddress inet(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
