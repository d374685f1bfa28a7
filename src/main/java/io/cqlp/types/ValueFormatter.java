package io.cqlp.types;

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
 * Formats CQL values for display the way cqlsh 6 prints them: timestamps as {@code 2024-01-02
 * 03:04:05.678000+0000}, booleans as {@code True}/{@code False}, blobs as {@code 0x…}, floats with
 * 5 and doubles with 12 significant digits ({@code float_precision} and {@code double_precision} of
 * cqlsh's {@code [ui]} section), NULL as {@code null}, strings inside collections in single quotes;
 * lists and vectors as {@code [1, 2]}, sets {@code {1, 2}}, maps {@code {'k': 1}}, user types
 * {@code {street: 'x', zip: null}}, tuples {@code (1, 'a')} and durations {@code
 * 1y2mo3d4h5m6s7ms8us9ns} (cqlsh's {@code formatting.py}). Stateless and thread-safe.
 *
 * <p>These rules give the text of values in files (COPY TO, CAPTURE, the text cells of JSON and
 * XLSX), which keeps digits and characters as they are. The shell's screen uses {@link #screen},
 * which spells every value exactly as cqlsh 6.2 shows it ({@link CqlshText}).
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
  private final Style style;
  private final CqlshText screen;

  /**
   * How values are spelled beyond the display defaults: the settings of cqlsh's COPY TO
   * (FLOATPRECISION, DOUBLEPRECISION, BOOLSTYLE, DATETIMEFORMAT, DECIMALSEP, THOUSANDSSEP).
   *
   * @param floatPrecision digits for {@code float} values, at least 1; 0 for the exact text of
   *     {@link ExactFloating} (COPY TO's default)
   * @param doublePrecision digits for {@code double} values, at least 1; 0 for the exact text
   * @param trueText text of {@code true} (cqlsh: {@code True}); not null
   * @param falseText text of {@code false} (cqlsh: {@code False}); not null
   * @param timestamps the format of timestamps; not null
   * @param decimalSeparator the decimal separator of float, double and decimal values
   * @param thousandsSeparator inserted between groups of three integer digits of numbers; {@code
   *     ""} for none
   * @param copyRules {@code true} for cqlsh COPY's rules ({@code formatting.py}
   *     format_floating_point_type): a float or double whose decimal exponent e is from -4 to
   *     precision-1 is printed with precision+e+1 significant digits (so precision counts digits
   *     after the point), and timestamps and inet addresses inside collections, user types and
   *     tuples are quoted; {@code false} for the display's {@code %.{p}g} with unquoted nested
   *     timestamps
   */
  public record Style(
      int floatPrecision,
      int doublePrecision,
      String trueText,
      String falseText,
      DateTimeFormatter timestamps,
      char decimalSeparator,
      String thousandsSeparator,
      boolean copyRules) {

    /** The display style: cqlsh's {@code [ui]} defaults with the given precisions. */
    public static Style display(int floatPrecision, int doublePrecision) {
      return new Style(floatPrecision, doublePrecision, "True", "False", TIMESTAMP, '.', "", false);
    }
  }

  /**
   * A formatter for file text with precisions float 5, double 12 (not the screen's; see {@link
   * #screen}).
   */
  public ValueFormatter() {
    this(5, 12);
  }

  /**
   * @param floatPrecision significant digits for {@code float} values, at least 1
   * @param doublePrecision significant digits for {@code double} values, at least 1
   */
  public ValueFormatter(int floatPrecision, int doublePrecision) {
    this(Style.display(floatPrecision, doublePrecision));
  }

  /**
   * @param style how values are spelled; not null
   */
  public ValueFormatter(Style style) {
    this(style, null);
  }

  private ValueFormatter(Style style, CqlshText screen) {
    this.style = style;
    this.screen = screen;
    this.floatPrecision = style.floatPrecision();
    this.doublePrecision = style.doublePrecision();
  }

  /**
   * The formatter of the shell's screen: every value spelled byte for byte as cqlsh 6.2 shows it
   * ({@link CqlshText}), which differs from the other constructors' text kept for files (exact
   * digits in CAPTURE and COPY files, IPv6 and control characters as they are).
   *
   * @param settings the {@code [ui]} settings; not null
   * @return the formatter
   */
  public static ValueFormatter screen(ScreenSettings settings) {
    return new ValueFormatter(
        Style.display(settings.floatPrecision(), settings.doublePrecision()),
        new CqlshText(settings));
  }

  /** The screen's rules when made by {@link #screen}, else null. */
  public CqlshText screenText() {
    return screen;
  }

  /**
   * Formats one top-level value.
   *
   * @param value a value in the driver's Java types, or {@code null}
   * @return the display text; {@code null} gives {@code "null"}
   */
  public String format(Object value) {
    if (screen != null) {
      return screen.format(value);
    }
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
      return b ? style.trueText() : style.falseText();
    }
    if (value instanceof Float f) {
      return floatPrecision == 0 ? exact(f, true) : floating(f.doubleValue(), floatPrecision);
    }
    if (value instanceof Double d) {
      return doublePrecision == 0 ? exact(d, false) : floating(d, doublePrecision);
    }
    if (value instanceof BigDecimal d) {
      if (style.decimalSeparator() == '.' && style.thousandsSeparator().isEmpty()) {
        return d.toString();
      }
      // A negative scale (1E+10) keeps its exponent form, so that the scale survives.
      return style.thousandsSeparator().isEmpty() || d.scale() < 0
          ? d.toString().replace('.', style.decimalSeparator())
          : groupedDecimal(d.toPlainString());
    }
    if (!style.thousandsSeparator().isEmpty()
        && (value instanceof Long
            || value instanceof Integer
            || value instanceof Short
            || value instanceof Byte
            || value instanceof java.math.BigInteger)) {
      return groupedDecimal(value.toString());
    }
    if (value instanceof Instant i) {
      String text = style.timestamps().format(i);
      return nested && style.copyRules() ? quote(text) : text;
    }
    if (value instanceof LocalTime t) {
      return TIME.format(t);
    }
    if (value instanceof ByteBuffer b) {
      return hex(b);
    }
    if (value instanceof InetAddress a) {
      return nested && style.copyRules() ? quote(a.getHostAddress()) : a.getHostAddress();
    }
    if (value instanceof CqlDuration d) {
      String text = d.toString();
      // cqlsh spells a zero duration as nothing, which cannot be read back; COPY writes 0s.
      return text.isEmpty() && style.copyRules() ? "0s" : text;
    }
    String composite = composite(value, v -> format(v, true), name -> name);
    return composite != null ? composite : value.toString();
  }

  /**
   * Lists and vectors {@code [a, b]}, sets {@code {a, b}}, maps {@code {k: v}}, user types {@code
   * {field: v}} and tuples {@code (a, b)}, as cqlsh lays them out; null for any other value.
   *
   * @param nested spells each element, key, value and field (a null field as null)
   * @param fieldName spells a user type's field name
   */
  public static String composite(
      Object value,
      java.util.function.Function<Object, String> nested,
      java.util.function.UnaryOperator<String> fieldName) {
    if (value instanceof List<?> list) {
      return join(list.iterator(), "[", "]", nested);
    }
    if (value instanceof Set<?> set) {
      return join(set.iterator(), "{", "}", nested);
    }
    if (value instanceof CqlVector<?> vector) {
      return join(vector.iterator(), "[", "]", nested);
    }
    StringBuilder out = new StringBuilder();
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(out.length() == 0 ? "{" : ", ")
            .append(nested.apply(e.getKey()))
            .append(": ")
            .append(nested.apply(e.getValue()));
      }
      return out.length() == 0 ? "{}" : out.append('}').toString();
    }
    if (value instanceof UdtValue udt) {
      for (int i = 0; i < udt.size(); i++) {
        out.append(i == 0 ? "{" : ", ")
            .append(fieldName.apply(udt.getType().getFieldNames().get(i).asInternal()))
            .append(": ")
            .append(nested.apply(field(udt, i)));
      }
      return out.length() == 0 ? "{}" : out.append('}').toString();
    }
    if (value instanceof TupleValue tuple) {
      for (int i = 0; i < tuple.size(); i++) {
        out.append(i == 0 ? "(" : ", ").append(nested.apply(field(tuple, i)));
      }
      return out.length() == 0 ? "()" : out.append(')').toString();
    }
    return null;
  }

  /** A field's value, null when its bytes are (getObject gives an empty collection then). */
  public static Object field(GettableByIndex value, int i) {
    return value.isNull(i) ? null : value.getObject(i);
  }

  private static String join(
      Iterator<?> it,
      String open,
      String close,
      java.util.function.Function<Object, String> nested) {
    StringBuilder out = new StringBuilder(open);
    while (it.hasNext()) {
      out.append(nested.apply(it.next()));
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    return out.append(close).toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private String exact(double v, boolean isFloat) {
    return ExactFloating.format(v, isFloat, style.decimalSeparator(), style.thousandsSeparator());
  }

  private String floating(double v, int precision) {
    if (!style.copyRules()) {
      return formatFloating(v, precision);
    }
    return copyFloating(v, precision, style.decimalSeparator(), style.thousandsSeparator());
  }

  /**
   * A float or double as cqlsh's COPY TO writes it ({@code formatting.py}
   * format_floating_point_type): without a thousands separator, {@code '%.{q}g'} where q is
   * precision+e+1 when the decimal exponent e is from -4 to precision-1, else precision, then the
   * decimal separator; with one, the integer part grouped by threes and the fraction as {@code
   * '%.{precision}f'} without its trailing zeros.
   *
   * @param thousandsSeparator {@code ""} for none
   */
  public static String copyFloating(
      double v, int precision, char decimalSeparator, String thousandsSeparator) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return formatFloating(v, precision);
    }
    if (!thousandsSeparator.isEmpty()) {
      BigDecimal whole = new BigDecimal(v).setScale(0, java.math.RoundingMode.DOWN);
      String fraction =
          new BigDecimal(Math.abs(v))
              .subtract(whole.abs())
              .setScale(precision, java.math.RoundingMode.HALF_EVEN)
              .toPlainString();
      // '%.{p}f' of the fraction: "0.xxxx", or "1.000" when it rounds up
      String digits =
          fraction.startsWith("0.") ? fraction.substring(2).replaceFirst("0+$", "") : "";
      if (fraction.startsWith("1")) {
        whole = whole.add(BigDecimal.valueOf(v < 0 ? -1 : 1));
      }
      String sign = v < 0 && whole.signum() == 0 && !digits.isEmpty() ? "-" : "";
      String text = sign + ExactFloating.group(whole.toPlainString(), thousandsSeparator);
      return digits.isEmpty() ? text : text + decimalSeparator + digits;
    }
    int q = precision;
    if (v != 0) {
      int exponent = (int) Math.log10(Math.abs(v));
      if (exponent >= -4 && exponent < precision) {
        q = precision + exponent + 1;
      }
    }
    // '%.*g' with a precision below 1 (a small precision and exponent) prints one digit
    String text = formatFloating(v, Math.max(1, q));
    return decimalSeparator == '.' ? text : text.replace('.', decimalSeparator);
  }

  /** A plain decimal number text with the style's separators. */
  private String groupedDecimal(String plain) {
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String text =
        style.thousandsSeparator().isEmpty()
            ? whole
            : ExactFloating.group(whole, style.thousandsSeparator());
    return dot < 0 ? text : text + style.decimalSeparator() + plain.substring(dot + 1);
  }

  /**
   * Formats like Python's {@code '%.{p}g'} as cqlsh does, with {@code NaN}, {@code Infinity} and
   * {@code -Infinity} spelled as CQL literals.
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
    BigDecimal rounded = round(v, precision);
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= precision) {
      String all = rounded.unscaledValue().abs().toString();
      int end = all.length();
      while (end > 1 && all.charAt(end - 1) == '0') {
        end--;
      }
      StringBuilder out = new StringBuilder(end + 8);
      if (rounded.signum() < 0) {
        out.append('-');
      }
      out.append(all.charAt(0));
      if (end > 1) {
        out.append('.').append(all, 1, end);
      }
      int abs = Math.abs(exponent);
      out.append('e').append(exponent < 0 ? '-' : '+').append(abs < 10 ? "0" : "").append(abs);
      text = out.toString();
    } else {
      text = rounded.stripTrailingZeros().toPlainString();
    }
    return text;
  }

  /**
   * v rounded to {@code precision} significant digits from its exact binary value (half to even, as
   * C's printf). The exact expansion of a double can run to hundreds of digits, so the shortest
   * decimal that reads back as v ({@link Double#toString}) is rounded instead whenever that gives
   * the same digits: when it has more digits than kept and is not a tie. No decimal of the kept
   * length lies between it and v, as it would then be the shortest itself.
   */
  private static BigDecimal round(double v, int precision) {
    java.math.MathContext context = new java.math.MathContext(precision);
    BigDecimal shortest = new BigDecimal(Double.toString(v));
    int extra = shortest.precision() - precision;
    boolean tie =
        extra == 1 && shortest.unscaledValue().abs().mod(java.math.BigInteger.TEN).intValue() == 5;
    // printf rounds the exact binary value half to even (0.125 as %.2g is 0.12)
    return extra > 0 && !tie
        ? shortest.round(context)
        : new BigDecimal(v)
            .round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
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
