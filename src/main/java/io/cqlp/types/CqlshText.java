package io.cqlp.types;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.GettableByIndex;
import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Spells values on the screen byte for byte as cqlsh 6.2 does ({@code formatting.py}, with the
 * Python driver's types):
 *
 * <ul>
 *   <li>text: a backslash doubled, the control characters U+0000-U+001F and U+007F-U+00A0 as
 *       Python's repr writes them ({@code \t}, {@code \n}, {@code \r}, else {@code \xNN}); other
 *       characters (accents, emoji, CJK) as they are; inside collections, tuples and user types in
 *       single quotes with {@code '} doubled;
 *   <li>float and double: {@code %.{q}g} where q is the precision p plus e+1 when the decimal
 *       exponent e ({@code int(log10|v|)}) is from -4 to p-1, else p ({@code 2.71828}, {@code
 *       3.14159}, {@code 1.2346e+05}, {@code 4.9407e-324}, {@code -0}); {@code NaN}, {@code
 *       Infinity}, {@code -Infinity}. A double column's values use {@code double_precision}; floats
 *       and every number inside a collection, tuple, user type or vector use {@code
 *       float_precision} (cqlsh picks the precision by the column's type);
 *   <li>inet as glibc's inet_ntop: {@code ::1}, {@code 2001:db8::ff00:42:8329}, quoted inside
 *       collections;
 *   <li>timestamps by {@code time_format} in the settings' zone, quoted inside collections; a
 *       timestamp outside the years 1 to 9999 as milliseconds since the epoch;
 *   <li>dates {@code 2024-01-02} (outside the years 1 to 9999: days since the epoch), times {@code
 *       03:04:05.123456789}, blobs {@code 0x…}, booleans {@code True}/{@code False}, decimals and
 *       varints as written, durations {@code 1y2mo3d4h5m6s7ms8us9ns} (zero: nothing), null {@code
 *       null}; lists and vectors {@code [a, b]}, sets {@code {a, b}}, maps {@code {k: v}}, tuples
 *       {@code (a, b)}, user types {@code {field: v}}.
 * </ul>
 *
 * Stateless apart from its settings; thread-safe.
 */
public final class CqlshText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.nnnnnnnnn");

  private final ScreenSettings settings;

  /**
   * @param settings the {@code [ui]} settings; not null
   */
  public CqlshText(ScreenSettings settings) {
    this.settings = settings;
  }

  /** The settings this formatter spells values with. */
  public ScreenSettings settings() {
    return settings;
  }

  /**
   * @param value a top-level value in the driver's Java types, or null
   * @return its screen text; null gives {@code null}
   */
  public String format(Object value) {
    if (value instanceof Double d) {
      return floating(d, settings.doublePrecision());
    }
    return format(value, false);
  }

  private String format(Object value, boolean nested) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return nested ? "'" + escape(s.replace("'", "''")) + "'" : escape(s);
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Float || value instanceof Double) {
      return floating(((Number) value).doubleValue(), settings.floatPrecision());
    }
    if (value instanceof BigDecimal d) {
      return d.toString();
    }
    if (value instanceof Instant i) {
      String text = timestamp(i);
      return nested ? "'" + text + "'" : text;
    }
    if (value instanceof LocalDate d) {
      return d.getYear() >= 1 && d.getYear() <= 9999
          ? d.toString()
          : String.valueOf(d.toEpochDay());
    }
    if (value instanceof LocalTime t) {
      return TIME.format(t);
    }
    if (value instanceof ByteBuffer b) {
      return ValueFormatter.hex(b);
    }
    if (value instanceof InetAddress a) {
      String text = inet(a);
      return nested ? "'" + text + "'" : text;
    }
    if (value instanceof CqlDuration d) {
      return d.toString();
    }
    String composite = ValueFormatter.composite(value, v -> format(v, true), CqlshText::escape);
    return composite != null ? composite : value.toString();
  }

  /**
   * Text as cqlsh shows it: {@code \} doubled, U+0000-U+001F and U+007F-U+00A0 escaped as Python's
   * repr does ({@code \t \n \r}, else {@code \xNN}). Column names are shown this way too.
   *
   * @param s the text; not null
   * @return the escaped text
   */
  public static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement =
          switch (c) {
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default ->
                c <= 0x1f || (c >= 0x7f && c <= 0xa0) ? String.format("\\x%02x", (int) c) : null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * The cells cqlsh leaves out when it measures a value's width: it counts a collection as its
   * elements plus two cells a element ({@code formatting.py} format_simple_collection,
   * format_value_map: four a map entry), so each empty list, set or map, at any depth, counts two
   * cells short ({@code []} is 0 wide, {@code {1: {'x'}, 2: {}}} 15). Columns and padding follow
   * that count.
   *
   * @param value a top-level value, or null
   * @return cells to subtract from the value's display width, 0 or more
   */
  public static int uncounted(Object value) {
    if (value instanceof Map<?, ?> map) {
      int n = map.isEmpty() ? 2 : 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        n += uncounted(e.getKey()) + uncounted(e.getValue());
      }
      return n;
    }
    if (value instanceof java.util.Collection<?> list) {
      int n = list.isEmpty() ? 2 : 0;
      for (Object element : list) {
        n += uncounted(element);
      }
      return n;
    }
    if (value instanceof GettableByIndex fields) {
      int n = 0;
      for (int i = 0; i < fields.size(); i++) {
        n += uncounted(ValueFormatter.field(fields, i));
      }
      return n;
    }
    return 0;
  }

  /** cqlsh's format_floating_point_type without separators: the display rule of this class. */
  static String floating(double v, int precision) {
    return ValueFormatter.copyFloating(v, precision, '.', "");
  }

  private String timestamp(Instant i) {
    java.time.ZonedDateTime t = i.atZone(settings.zone());
    if (t.getYear() < 1 || t.getYear() > 9999) {
      // cqlsh (DateOverFlowWarning, CASSANDRA-13185): milliseconds since the epoch
      return String.valueOf(i.toEpochMilli());
    }
    return PyStrftime.format(settings.timeFormat(), t);
  }

  /**
   * An address as the Python driver gives it (glibc's inet_ntop): IPv4 dotted; IPv6 in lower-case
   * hex groups without leading zeros, the first longest run of two or more zero groups written
   * {@code ::}, and the last 32 bits dotted after {@code ::} for IPv4-compatible and IPv4-mapped
   * addresses ({@code ::1.2.3.4}, {@code ::ffff:1.2.3.4}).
   *
   * @param address the address; not null
   * @return its text
   */
  public static String inet(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] b = address.getAddress();
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestBase = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (words[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && words[i] == 0) {
        i++;
      }
      if (i - start > bestLen) {
        bestBase = start;
        bestLen = i - start;
      }
    }
    if (bestLen < 2) {
      bestBase = -1;
    }
    StringBuilder out = new StringBuilder(40);
    for (int i = 0; i < 8; i++) {
      if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) {
          out.append(':');
        }
        continue;
      }
      if (i != 0) {
        out.append(':');
      }
      if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
        out.append(b[12] & 0xff)
            .append('.')
            .append(b[13] & 0xff)
            .append('.')
            .append(b[14] & 0xff)
            .append('.')
            .append(b[15] & 0xff);
        return out.toString();
      }
      out.append(Integer.toHexString(words[i]));
    }
    if (bestBase >= 0 && bestBase + bestLen == 8) {
      out.append(':');
    }
    return out.toString();
  }
}
