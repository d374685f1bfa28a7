package io.cqlp.types;

import java.math.BigDecimal;

/**
 * The exact text of a float or double: the digits of {@link Float#toString} or {@link
 * Double#toString} (the fewest that read back as the same value, up to the JDK 17 rule that may
 * keep one digit more), laid out as cqlsh's {@code %g} lays out its rounded digits, so that cqlsh
 * reads it too: plain for decimal exponents from -4 to 15 ({@code 2.718281828459045}, {@code
 * 0.0001}, {@code 100}), otherwise one digit, the fraction and a signed exponent of at least two
 * digits ({@code 1.7976931348623157e+308}, {@code 1.4e-45}). NaN, Infinity and -Infinity are
 * spelled as CQL literals; negative zero is {@code -0}. Parsing the text with {@link
 * Float#parseFloat} or {@link Double#parseDouble} gives the same bits (NaN: a NaN).
 */
public final class ExactFloating {

  private ExactFloating() {}

  /**
   * @param v the value
   * @param isFloat whether v is a CQL float (its digits are those of {@link Float#toString})
   * @param decimalSeparator the decimal separator to write
   * @param thousandsSeparator inserted between groups of three integer digits of the plain form;
   *     {@code ""} for none
   * @return the text, never null
   */
  public static String format(
      double v, boolean isFloat, char decimalSeparator, String thousandsSeparator) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0" : "0";
    }
    BigDecimal digits =
        new BigDecimal(isFloat ? Float.toString((float) v) : Double.toString(v))
            .stripTrailingZeros();
    int exponent = digits.precision() - digits.scale() - 1;
    String text;
    if (exponent >= -4 && exponent < 16) {
      String plain = digits.toPlainString();
      int dot = plain.indexOf('.');
      String whole = dot < 0 ? plain : plain.substring(0, dot);
      if (!thousandsSeparator.isEmpty()) {
        whole = group(whole, thousandsSeparator);
      }
      text = dot < 0 ? whole : whole + decimalSeparator + plain.substring(dot + 1);
    } else {
      String all = digits.unscaledValue().abs().toString();
      StringBuilder out = new StringBuilder(all.length() + 8);
      if (digits.signum() < 0) {
        out.append('-');
      }
      out.append(all.charAt(0));
      if (all.length() > 1) {
        out.append(decimalSeparator).append(all, 1, all.length());
      }
      int abs = Math.abs(exponent);
      out.append('e').append(exponent < 0 ? '-' : '+').append(abs < 10 ? "0" : "").append(abs);
      text = out.toString();
    }
    return text;
  }

  /** Integer digits (optionally signed) with a separator between groups of three. */
  public static String group(String digits, String separator) {
    int start = digits.startsWith("-") ? 1 : 0;
    StringBuilder out = new StringBuilder(digits.substring(0, start));
    int n = digits.length() - start;
    for (int i = 0; i < n; i++) {
      if (i > 0 && (n - i) % 3 == 0) {
        out.append(separator);
      }
      out.append(digits.charAt(start + i));
    }
    return out.toString();
  }
}
