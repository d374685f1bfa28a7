package io.cqlp.format;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import java.util.Locale;

/**
 * COPY FROM's PRECISION_LOSS option: what to do with a value that holds more precision than its CQL
 * column, today a timestamp with digits below the millisecond (Parquet TIMESTAMP(MICROS) or
 * TIMESTAMP(NANOS), INT96, as pandas, Spark and DuckDB write them; CSV and JSON text such as {@code
 * 2024-05-06 07:08:09.123456}) loaded into a CQL timestamp. {@link #REJECT}, the default, refuses
 * the row (the message names this option); {@link #TRUNCATE} drops the extra digits, rounding down
 * to the millisecond (towards the past, also before 1970). DSBulk refuses such precision loss by
 * default too and offers {@code codec.overflowStrategy=TRUNCATE}, whose name this follows.
 */
public enum PrecisionLoss {
  /** Refuse the row (the default). */
  REJECT,
  /** Drop the digits the CQL type cannot hold, rounding down. */
  TRUNCATE;

  /** The option's name. */
  public static final String OPTION = "PRECISION_LOSS";

  /** The end of a refusal message: how to accept the loss instead. */
  public static final String HINT = io.cqlp.types.CqlText.SUB_MILLIS_HINT;

  /**
   * The option's value.
   *
   * @param options COPY FROM's options; not null
   * @return {@link #REJECT} when absent
   * @throws TransferException for a value other than REJECT or TRUNCATE (any case), one line
   */
  public static PrecisionLoss from(Options options) {
    String value = options.getString(OPTION, "REJECT");
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TransferException(
          "Invalid " + OPTION + " '" + value + "': use REJECT (the default) or TRUNCATE.");
    }
  }
}
