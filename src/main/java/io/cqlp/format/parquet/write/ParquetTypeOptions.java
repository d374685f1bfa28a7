package io.cqlp.format.parquet.write;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The choices of Parquet type that COPY TO leaves to the user, where no one type is both exact and
 * readable by every common reader (DuckDB, pyarrow, Spark; see docs/measurements.md). They apply to
 * every value of the type, nested ones included (a {@code list<uuid>} follows UUID_TYPE).
 *
 * <table>
 *   <caption>COPY TO options</caption>
 *   <tr><th>option</th><th>values</th><th>trade-off</th></tr>
 *   <tr><td>UUID_TYPE</td><td>{@code STRING} (default): 36 characters;
 *       {@code FIXED}: FIXED_LEN_BYTE_ARRAY(16) UUID</td>
 *       <td>FIXED is smaller and DuckDB reads it as UUID, but Spark 4.0 refuses the column</td></tr>
 *   <tr><td>DECIMAL_TYPE</td><td>{@code STRING} (default): {@code BigDecimal.toString()};
 *       {@code DECIMAL(p,s)}, 1 &le; p &le; 38, 0 &le; s &le; p</td>
 *       <td>DECIMAL is numeric in every reader, but holds one scale: each value is written with
 *       scale s (1.5 comes back as 1.50), and a value needing more than s fraction digits or
 *       more than p digits stops the export with an error</td></tr>
 *   <tr><td>TIME_UNIT</td><td>{@code NANOS} (default): TIME(NANOS);
 *       {@code MICROS}: TIME(MICROS)</td>
 *       <td>Spark (4.1 on) reads only TIME(MICROS); a time with sub-microsecond digits then
 *       stops the export with an error (never truncated)</td></tr>
 * </table>
 *
 * @param uuidFixed true: uuid and timeuuid as FIXED_LEN_BYTE_ARRAY(16) UUID; false: as STRING
 * @param decimalPrecision the precision p of DECIMAL(p,s) for decimal values, or 0 to write
 *     decimals as exact text
 * @param decimalScale the scale s of DECIMAL(p,s); 0 when decimals are text
 * @param timeMicros true: time as TIME(MICROS); false: TIME(NANOS)
 */
public record ParquetTypeOptions(
    boolean uuidFixed, int decimalPrecision, int decimalScale, boolean timeMicros) {

  /** The COPY TO option choosing how uuid and timeuuid are written. */
  public static final String UUID_TYPE = "UUID_TYPE";

  /** The COPY TO option choosing how decimal is written. */
  public static final String DECIMAL_TYPE = "DECIMAL_TYPE";

  /** The COPY TO option choosing the unit of time values. */
  public static final String TIME_UNIT = "TIME_UNIT";

  /** The three option names. */
  public static final Set<String> OPTION_NAMES = Set.of(UUID_TYPE, DECIMAL_TYPE, TIME_UNIT);

  /** The defaults: uuid as STRING, decimal as text, time in NANOS. */
  public static final ParquetTypeOptions DEFAULTS = new ParquetTypeOptions(false, 0, 0, false);

  /** The largest precision accepted: what DuckDB, pyarrow and Spark read as a decimal. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  private static final Pattern DECIMAL =
      Pattern.compile(
          "DECIMAL\\s*\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*\\)", Pattern.CASE_INSENSITIVE);

  /**
   * Checks the decimal precision and scale.
   *
   * @throws IllegalArgumentException if the precision is neither 0 (text) nor 1 to 38, or the scale
   *     is not 0 to the precision
   */
  public ParquetTypeOptions {
    if (decimalPrecision == 0
        ? decimalScale != 0
        : decimalPrecision < 1
            || decimalPrecision > MAX_DECIMAL_PRECISION
            || decimalScale < 0
            || decimalScale > decimalPrecision) {
      throw new IllegalArgumentException(
          DECIMAL_TYPE
              + " DECIMAL("
              + decimalPrecision
              + ","
              + decimalScale
              + ") is not valid: precision 1 to "
              + MAX_DECIMAL_PRECISION
              + " and scale 0 to the precision");
    }
  }

  /** Whether decimals are written as DECIMAL(p,s) rather than text. */
  public boolean decimalFixed() {
    return decimalPrecision > 0;
  }

  /**
   * Reads the three options' values, each case-insensitive and each null when not given.
   *
   * @param uuidType {@code STRING} or {@code FIXED}, or null
   * @param decimalType {@code STRING} or {@code DECIMAL(p,s)}, or null
   * @param timeUnit {@code NANOS} or {@code MICROS}, or null
   * @return the options; {@link #DEFAULTS} where a value is null
   * @throws IllegalArgumentException naming the option, the value and the accepted forms
   */
  public static ParquetTypeOptions parse(String uuidType, String decimalType, String timeUnit) {
    boolean fixed = choose(UUID_TYPE, uuidType, "STRING", "FIXED");
    boolean micros = choose(TIME_UNIT, timeUnit, "NANOS", "MICROS");
    int precision = 0;
    int scale = 0;
    if (decimalType != null && !decimalType.trim().equalsIgnoreCase("STRING")) {
      Matcher m = DECIMAL.matcher(decimalType.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            DECIMAL_TYPE
                + " must be STRING or DECIMAL(precision,scale),"
                + " e.g. DECIMAL(38,10), got '"
                + decimalType
                + "'");
      }
      precision = Integer.parseInt(m.group(1));
      scale = Integer.parseInt(m.group(2));
    }
    return new ParquetTypeOptions(fixed, precision, scale, micros);
  }

  /** False for the first (default) choice, true for the second. */
  private static boolean choose(String option, String value, String first, String second) {
    if (value == null) {
      return false;
    }
    String v = value.trim().toUpperCase(Locale.ROOT);
    if (v.equals(first)) {
      return false;
    }
    if (v.equals(second)) {
      return true;
    }
    throw new IllegalArgumentException(
        option + " must be " + first + " or " + second + ", got '" + value + "'");
  }
}
