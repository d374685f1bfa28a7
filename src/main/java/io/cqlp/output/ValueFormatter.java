package io.cqlp.output;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.GettableByIndex;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Formats CQL values for display the way cqlsh 6 prints them: timestamps as {@code
 * 2024-01-02 03:04:05.678000+0000}, booleans as {@code True}/{@code False}, blobs as {@code
 * 0x…}, floats with 5 and doubles with 12 significant digits ({@code float_precision} and {@code
 * double_precision} of cqlsh's {@code [ui]} section), NULL as {@code null}, strings inside
 * collections in single quotes; lists and vectors as {@code [1, 2]}, sets {@code {1, 2}}, maps
 * {@code {'k': 1}}, user types {@code {street: 'x', zip: null}}, tuples {@code (1, 'a')} and
 * durations {@code 1y2mo3d4h5m6s7ms8us9ns} (cqlsh's {@code formatting.py}). Stateless and
 * thread-safe.
 */
public final class ValueFormatter {

  /** cqlsh's default {@code time_format} {@code %Y-%m-%d %H:%M:%S.%f%z}, in UTC. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.UTC);

  /** cqlsh prints a time with all nine fractional digits. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.nnnnnnnnn");

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final int floatPrecision;
  private final int doublePrecision;

  /** A formatter with cqlsh's default precisions (float 5, double 12). */
  public ValueFormatter() {
    this(5, 12);
  }

  /**
   * @param floatPrecision significant digits for {@code float} values, at least 1
   * @param doublePrecision significant digits for {@code double} values, at least 1
   */
  public ValueFormatter(int floatPrecision, int doublePrecision) {
    this.floatPrecision = floatPrecision;
    this.doublePrecision = doublePrecision;
  }

  /**
   * Formats one top-level value.
   *
   * @param value a value in the driver's Java types, or {@code null}
   * @return the display text; {@code null} gives {@code "null"}
   */
  public String format(Object value) {
    return format(value, false);
  }

  private String format(Object value, boolean nested) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return nested ? quote(s) : s;
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Float f) {
      return formatFloating(f.doubleValue(), floatPrecision);
    }
    if (value instanceof Double d) {
      return formatFloating(d, doublePrecision);
    }
    if (value instanceof BigDecimal d) {
      return d.toString();
    }
    if (value instanceof Instant i) {
      return TIMESTAMP.format(i);
    }
    if (value instanceof LocalTime t) {
      return TIME.format(t);
    }
    if (value instanceof ByteBuffer b) {
      return hex(b);
    }
    if (value instanceof InetAddress a) {
      return a.getHostAddress();
    }
    if (value instanceof CqlDuration d) {
      return d.toString();
    }
    if (value instanceof List<?> list) {
      return join(list.iterator(), "[", "]");
    }
    if (value instanceof Set<?> set) {
      return join(set.iterator(), "{", "}");
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        out.append(format(e.getKey(), true)).append(": ").append(format(e.getValue(), true));
      }
      return out.append('}').toString();
    }
    if (value instanceof CqlVector<?> vector) {
      return join(vector.iterator(), "[", "]");
    }
    if (value instanceof UdtValue udt) {
      StringBuilder out = new StringBuilder("{");
      for (int i = 0; i < udt.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(udt.getType().getFieldNames().get(i).asInternal()).append(": ")
            .append(format(field(udt, i), true));
      }
      return out.append('}').toString();
    }
    if (value instanceof TupleValue tuple) {
      StringBuilder out = new StringBuilder("(");
      for (int i = 0; i < tuple.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(format(field(tuple, i), true));
      }
      return out.append(')').toString();
    }
    return value.toString();
  }

  /** A field's value, null when its bytes are (getObject gives an empty collection then). */
  private static Object field(GettableByIndex value, int i) {
    return value.isNull(i) ? null : value.getObject(i);
  }

  private String join(Iterator<?> it, String open, String close) {
    StringBuilder out = new StringBuilder(open);
    while (it.hasNext()) {
      out.append(format(it.next(), true));
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    return out.append(close).toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * Formats like Python's {@code '%.{p}g'} as cqlsh does, with {@code NaN}, {@code Infinity}
   * and {@code -Infinity} spelled as CQL literals.
   */
  static String formatFloating(double v, int precision) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    String text;
    BigDecimal rounded = new BigDecimal(v).round(new java.math.MathContext(precision));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= precision) {
      String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
      text = (rounded.signum() < 0 ? "-" : "") + mantissa + "e" + exp;
    } else {
      text = rounded.stripTrailingZeros().toPlainString();
    }
    return text;
  }

  /** Hex of a blob as CQL writes blob literals: {@code 0x} then two lower-case digits a byte. */
  public static String hex(ByteBuffer bytes) {
    StringBuilder out = new StringBuilder(2 + bytes.remaining() * 2).append("0x");
    for (int i = bytes.position(); i < bytes.limit(); i++) {
      int b = bytes.get(i) & 0xff;
      out.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
    }
    return out.toString();
  }
}
