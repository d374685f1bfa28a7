package io.cqlp.format.parquet;

import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One column per in-scope CQL type, named c_&lt;type&gt;, and rows of edge values. */
public final class AllTypes {
  private AllTypes() {}

  /** The version 1 UUID of the rows' timeuuid column. */
  public static final UUID TIMEUUID = UUID.fromString("fe2b4360-28c6-11e2-81c1-0800200c9a66");

  /** The columns, in {@link CqlScalar} order; c_bigint is the partition key. */
  public static List<ColumnSpec> columns() {
    List<ColumnSpec> cols = new ArrayList<>();
    for (CqlScalar s : CqlScalar.values()) {
      ColumnKind kind = s == CqlScalar.BIGINT ? ColumnKind.PARTITION_KEY : ColumnKind.REGULAR;
      cols.add(new ColumnSpec("c_" + s.name().toLowerCase(Locale.ROOT), s.dataType(), kind));
    }
    return cols;
  }

  /** Index of a scalar's column in {@link #columns()}. */
  public static int col(CqlScalar s) {
    return s.ordinal();
  }

  private static Object[] row(Object... values) {
    if (values.length != CqlScalar.values().length) {
      throw new IllegalArgumentException("wrong row width " + values.length);
    }
    return values;
  }

  /** Rows that every reader can hold (DuckDB's date and timestamp ranges included). */
  public static List<Object[]> rows() {
    byte[] allBytes = new byte[256];
    for (int i = 0; i < 256; i++) {
      allBytes[i] = (byte) i;
    }
    List<Object[]> rows = new ArrayList<>();
    // ascii, text, tinyint, smallint, int, bigint, counter, float, double, boolean,
    // timestamp, date, time, uuid, timeuuid, blob, inet, decimal, varint
    rows.add(
        row(
            "",
            "",
            Byte.MIN_VALUE,
            Short.MIN_VALUE,
            Integer.MIN_VALUE,
            Long.MIN_VALUE,
            Long.MIN_VALUE,
            Float.NaN,
            Double.NaN,
            false,
            Instant.parse("1969-12-31T23:59:59.999Z"),
            LocalDate.of(1, 1, 1),
            LocalTime.MIDNIGHT,
            UUID.fromString("00000000-0000-0000-0000-000000000000"),
            TIMEUUID,
            ByteBuffer.wrap(new byte[0]),
            inet("127.0.0.1"),
            new BigDecimal("0.000"),
            BigInteger.ZERO));
    rows.add(
        row(
            "~ascii!",
            "héllo wörld ✓ 😀 日本",
            Byte.MAX_VALUE,
            Short.MAX_VALUE,
            Integer.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Float.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            true,
            Instant.parse("9999-12-31T23:59:59.999Z"),
            LocalDate.of(9999, 12, 31),
            LocalTime.of(23, 59, 59, 999_999_999),
            UUID.fromString("123e4567-e89b-42d3-a456-426614174000"),
            TIMEUUID,
            ByteBuffer.wrap(allBytes),
            inet("2001:db8:85a3::8a2e:370:7334"),
            new BigDecimal("-123456789012345678901234567890.123456789012345678901234567890"),
            BigInteger.TWO.pow(200).negate().add(BigInteger.ONE)));
    rows.add(
        row(
            "a",
            "plain",
            (byte) 0,
            (short) -1,
            1,
            0L,
            42L,
            -0.0f,
            -0.0d,
            true,
            Instant.parse("1900-01-01T00:00:00.001Z"),
            LocalDate.of(1969, 7, 20),
            LocalTime.of(0, 0, 0, 1),
            UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"),
            TIMEUUID,
            ByteBuffer.wrap(new byte[] {0}),
            inet("::1"),
            new BigDecimal("1E+10"),
            new BigInteger("123456789012345678901234567890123456789012345678901234567890")));
    rows.add(
        row(
            "z",
            "x",
            (byte) 1,
            (short) 1,
            -1,
            -1L,
            0L,
            Float.MIN_VALUE,
            Double.MAX_VALUE,
            false,
            Instant.parse("2001-01-01T00:01:00.123Z"),
            LocalDate.of(2024, 2, 29),
            LocalTime.of(12, 34, 56, 789_000_000),
            UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            TIMEUUID,
            ByteBuffer.wrap("bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            inet("10.0.0.255"),
            new BigDecimal("3.14159265358979323846264338327950288419716939937510"),
            BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)));
    // Every column null but the partition key (c_bigint), which CQL never leaves null.
    Object[] nulls = new Object[CqlScalar.values().length];
    nulls[col(CqlScalar.BIGINT)] = 7L;
    rows.add(nulls);
    return rows;
  }

  /** Values beyond what DuckDB holds, but within CQL's ranges. */
  public static List<Object[]> extremeRows() {
    List<Object[]> rows = new ArrayList<>();
    Object[] min = rows().get(0).clone();
    min[col(CqlScalar.DATE)] = LocalDate.ofEpochDay(Integer.MIN_VALUE);
    min[col(CqlScalar.TIMESTAMP)] = Instant.ofEpochMilli(Long.MIN_VALUE);
    Object[] max = rows().get(1).clone();
    max[col(CqlScalar.DATE)] = LocalDate.ofEpochDay(Integer.MAX_VALUE);
    max[col(CqlScalar.TIMESTAMP)] = Instant.ofEpochMilli(Long.MAX_VALUE);
    rows.add(min);
    rows.add(max);
    return rows;
  }

  /** The address of an IP literal (no name lookup). */
  public static InetAddress inet(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
