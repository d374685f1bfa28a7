package io.cqlp.types;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.CustomType;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * CQL literals of values: the text a value has inside a CQL statement ({@code INSERT ... VALUES (1,
 * 'it''s', [1.5, -0.0])}), for every CQL type, nested ones included. Written for COPY FROM's {@code
 * PREPAREDSTATEMENTS=false}, where each row goes to the server as CQL text.
 *
 * <p>Every literal reads back as exactly the value written, following the literal rules of
 * Cassandra's CQL grammar ({@code Cql.g}, {@code Lexer.g}):
 *
 * <ul>
 *   <li>text, ascii: single quotes, a quote doubled ({@code 'it''s'}); any other character as is.
 *   <li>integers, counter, varint: decimal digits with a leading {@code -} when negative.
 *   <li>float, double: Java's shortest round-trip decimal ({@code 1.0E-30}, {@code -0.0}), or
 *       {@code NaN}, {@code Infinity}, {@code -Infinity}.
 *   <li>decimal: {@link BigDecimal#toString()}, which keeps the scale ({@code 1.50}, {@code
 *       1.0E-30}); a plain integer is a decimal of scale 0.
 *   <li>timestamp: milliseconds since the epoch as an integer (no time zone to interpret).
 *   <li>date: the unsigned day number with the epoch at 2<sup>31</sup>, as an integer (Cassandra's
 *       {@code SimpleDateSerializer}); it covers every date, years beyond 9999 included.
 *   <li>time: nanoseconds since midnight as an integer.
 *   <li>uuid, timeuuid: the bare 36-character form; boolean: {@code true} / {@code false}.
 *   <li>inet: the address in quotes ({@code '::1'}); blob: {@code 0x} and hex digits ({@code 0x}
 *       alone for an empty blob).
 *   <li>duration: CQL's unit form, {@code 1y2mo3d4h5m6s7ms8us9ns}, signed as a whole ({@code -3d});
 *       zero is {@code 0d}.
 *   <li>list and vector: {@code [a, b]}; set: {@code {a, b}}; map: {@code {k: v}}; tuple: {@code
 *       (a, null)}; user type: {@code {field: value}} with fields quoted as CQL needs.
 *   <li>a null (a tuple or user-type field): {@code null}.
 * </ul>
 */
public final class CqlLiteral {
  /** Cassandra's date epoch in the unsigned day encoding: day 0 of 1970 is 2^31. */
  private static final long DATE_EPOCH = 1L << 31;

  private static final Set<DataType> INTEGERS =
      Set.of(
          DataTypes.TINYINT,
          DataTypes.SMALLINT,
          DataTypes.INT,
          DataTypes.BIGINT,
          DataTypes.COUNTER,
          DataTypes.VARINT);

  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;
  private static final long NANOS_PER_MINUTE = 60_000_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long NANOS_PER_MICRO = 1_000L;

  private CqlLiteral() {}

  /**
   * The CQL literal of a value.
   *
   * @param type the value's CQL type; not null
   * @param value a value of the driver's default Java type for {@code type} ({@code Instant},
   *     {@code LocalDate}, {@code List}, {@code UdtValue}, {@code CqlVector}, ...), or null
   * @return the literal; {@code "null"} for a null value
   * @throws IllegalArgumentException if {@code type} is a custom type, or the value is not of the
   *     Java type the driver uses for {@code type}
   */
  public static String of(DataType type, Object value) {
    StringBuilder out = new StringBuilder();
    append(out, type, value);
    return out.toString();
  }

  /**
   * Appends the CQL literal of a value, as {@link #of} returns it.
   *
   * @param out where to append; not null
   * @param type as for {@link #of}
   * @param value as for {@link #of}
   * @throws IllegalArgumentException as {@link #of} does
   */
  public static void append(StringBuilder out, DataType type, Object value) {
    if (value == null) {
      out.append("null");
      return;
    }
    try {
      if (type instanceof ListType list) {
        elements(out, '[', list.getElementType(), (Collection<?>) value, ']');
      } else if (type instanceof SetType set) {
        elements(out, '{', set.getElementType(), (Collection<?>) value, '}');
      } else if (type instanceof VectorType vector) {
        vector(out, vector, (CqlVector<?>) value);
      } else if (type instanceof MapType map) {
        map(out, map, (Map<?, ?>) value);
      } else if (type instanceof TupleType tuple) {
        tuple(out, tuple, (TupleValue) value);
      } else if (type instanceof UserDefinedType udt) {
        udt(out, udt, (UdtValue) value);
      } else if (type instanceof CustomType) {
        throw new IllegalArgumentException(
            "a value of the custom type " + type.asCql(false, true) + " has no CQL literal");
      } else {
        scalar(out, type, value);
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "a " + value.getClass().getSimpleName() + " is not a value of " + type.asCql(false, true),
          e);
    }
  }

  private static void scalar(StringBuilder out, DataType type, Object value) {
    if (type.equals(DataTypes.TEXT) || type.equals(DataTypes.ASCII)) {
      quoted(out, (String) value);
    } else if (type.equals(DataTypes.TIMESTAMP)) {
      out.append(((Instant) value).toEpochMilli());
    } else if (type.equals(DataTypes.DATE)) {
      out.append(DATE_EPOCH + ((LocalDate) value).toEpochDay());
    } else if (type.equals(DataTypes.TIME)) {
      out.append(((LocalTime) value).toNanoOfDay());
    } else if (type.equals(DataTypes.INET)) {
      quoted(out, ((InetAddress) value).getHostAddress());
    } else if (type.equals(DataTypes.BLOB)) {
      blob(out, (ByteBuffer) value);
    } else if (type.equals(DataTypes.DURATION)) {
      duration(out, (CqlDuration) value);
    } else if (type.equals(DataTypes.DECIMAL)) {
      out.append(((BigDecimal) value).toString());
    } else if (type.equals(DataTypes.FLOAT)) {
      out.append(((Float) value).floatValue());
    } else if (type.equals(DataTypes.DOUBLE)) {
      out.append(((Double) value).doubleValue());
    } else if (type.equals(DataTypes.UUID) || type.equals(DataTypes.TIMEUUID)) {
      out.append((java.util.UUID) value);
    } else if (type.equals(DataTypes.BOOLEAN)) {
      out.append(((Boolean) value).booleanValue());
    } else if (INTEGERS.contains(type)) {
      // Java's decimal text of Byte, Short, Integer, Long and BigInteger is CQL's
      out.append((Number) value);
    } else {
      throw new IllegalArgumentException(
          "no CQL literal for a value of type " + type.asCql(false, true));
    }
  }

  private static void quoted(StringBuilder out, String text) {
    out.append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        out.append('\'');
      }
      out.append(c);
    }
    out.append('\'');
  }

  private static void blob(StringBuilder out, ByteBuffer bytes) {
    final String hex = "0123456789abcdef";
    out.append("0x");
    for (int i = bytes.position(); i < bytes.limit(); i++) {
      int b = bytes.get(i) & 0xff;
      out.append(hex.charAt(b >>> 4)).append(hex.charAt(b & 0xf));
    }
  }

  /** CQL's duration units; every component of a duration has one sign (CqlDuration's rule). */
  private static void duration(StringBuilder out, CqlDuration d) {
    boolean negative = d.getMonths() < 0 || d.getDays() < 0 || d.getNanoseconds() < 0;
    long months = Math.abs((long) d.getMonths());
    long days = Math.abs((long) d.getDays());
    long nanos = Math.abs(d.getNanoseconds());
    if (months == 0 && days == 0 && nanos == 0) {
      out.append("0d");
      return;
    }
    if (negative) {
      out.append('-');
    }
    unit(out, months / 12, "y");
    unit(out, months % 12, "mo");
    unit(out, days, "d");
    unit(out, nanos / NANOS_PER_HOUR, "h");
    unit(out, nanos % NANOS_PER_HOUR / NANOS_PER_MINUTE, "m");
    unit(out, nanos % NANOS_PER_MINUTE / NANOS_PER_SECOND, "s");
    unit(out, nanos % NANOS_PER_SECOND / NANOS_PER_MILLI, "ms");
    unit(out, nanos % NANOS_PER_MILLI / NANOS_PER_MICRO, "us");
    unit(out, nanos % NANOS_PER_MICRO, "ns");
  }

  private static void unit(StringBuilder out, long amount, String unit) {
    if (amount != 0) {
      out.append(amount).append(unit);
    }
  }

  private static void elements(
      StringBuilder out, char open, DataType element, Collection<?> values, char close) {
    out.append(open);
    boolean first = true;
    for (Object v : values) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      append(out, element, v);
    }
    out.append(close);
  }

  private static void vector(StringBuilder out, VectorType type, CqlVector<?> vector) {
    out.append('[');
    for (int i = 0; i < vector.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      append(out, type.getElementType(), vector.get(i));
    }
    out.append(']');
  }

  private static void map(StringBuilder out, MapType type, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      append(out, type.getKeyType(), e.getKey());
      out.append(": ");
      append(out, type.getValueType(), e.getValue());
    }
    out.append('}');
  }

  private static void tuple(StringBuilder out, TupleType type, TupleValue tuple) {
    out.append('(');
    for (int i = 0; i < type.getComponentTypes().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      append(out, type.getComponentTypes().get(i), tuple.getObject(i));
    }
    out.append(')');
  }

  private static void udt(StringBuilder out, UserDefinedType type, UdtValue udt) {
    out.append('{');
    for (int i = 0; i < type.getFieldNames().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(type.getFieldNames().get(i).asCql(true)).append(": ");
      append(out, type.getFieldTypes().get(i), udt.getObject(i));
    }
    out.append('}');
  }
}
