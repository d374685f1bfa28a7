package io.cqlp.types;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * How values are spelled on the screen, from cqlsh's {@code [ui]} settings ({@code cqlshmain.py}):
 * significant digits of floats and doubles ({@code float_precision}, {@code double_precision}, both
 * 5 by default; see {@link CqlshText}), the zone timestamps are shown in and the strftime pattern
 * of timestamps ({@code time_format}, default {@code %Y-%m-%d %H:%M:%S.%f%z}). cqlsh 6.2 reads
 * {@code date_format} and {@code nanotime_format} but never applies them to the screen (dates print
 * as {@code 2024-01-02}, times as {@code 03:04:05.123456789}), so neither does cqlp.
 *
 * @param floatPrecision digits of floats, and of doubles inside collections, tuples, user types and
 *     vectors; at least 1
 * @param doublePrecision digits of a double column's values; at least 1
 * @param zone the zone of timestamps; not null
 * @param timeFormat the strftime pattern of timestamps ({@link PyStrftime}); not null
 */
public record ScreenSettings(
    int floatPrecision, int doublePrecision, ZoneId zone, String timeFormat) {

  /** cqlsh's default {@code time_format}. */
  public static final String DEFAULT_TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f%z";

  /** cqlsh's defaults: 5 digits for both, UTC, {@link #DEFAULT_TIME_FORMAT}. */
  public static final ScreenSettings DEFAULT =
      new ScreenSettings(5, 5, ZoneId.of("UTC"), DEFAULT_TIME_FORMAT);

  /**
   * The settings as cqlsh derives them: the precisions (below 1 taken as 1), the zone from the
   * environment's {@code TZ}, else {@code [ui] timezone}, else UTC (cqlsh without the tzlocal
   * module). A zone name that is not a tz database name is warned about and skipped, with cqlsh's
   * words: {@code Warning: could not recognize timezone 'X' specified in cqlshrc} or {@code ...
   * from environment value TZ}, followed by a blank line.
   *
   * @param floatPrecision {@code [ui] float_precision}, if set
   * @param doublePrecision {@code [ui] double_precision}, if set
   * @param timezone {@code [ui] timezone}, if set (an empty value counts as not set)
   * @param timeFormat {@code [ui] time_format}, if set (read without interpolation)
   * @param env the environment, for {@code TZ}
   * @param warnings receives each warning line (with its trailing blank line, as cqlsh)
   * @return the settings, never null
   */
  public static ScreenSettings resolve(
      OptionalInt floatPrecision,
      OptionalInt doublePrecision,
      Optional<String> timezone,
      Optional<String> timeFormat,
      Map<String, String> env,
      Consumer<String> warnings) {
    ZoneId zone = null;
    if (timezone.isPresent() && !timezone.get().isEmpty()) {
      zone = zone(timezone.get());
      if (zone == null) {
        warnings.accept(
            "Warning: could not recognize timezone '"
                + timezone.get()
                + "' specified in cqlshrc\n");
      }
    }
    String tz = env.get("TZ");
    if (tz != null) {
      ZoneId fromEnv = zone(tz);
      if (fromEnv == null) {
        warnings.accept(
            "Warning: could not recognize timezone '" + tz + "' from environment value TZ\n");
      } else {
        zone = fromEnv;
      }
    }
    return new ScreenSettings(
        Math.max(1, floatPrecision.orElse(5)),
        Math.max(1, doublePrecision.orElse(5)),
        zone == null ? ZoneId.of("UTC") : zone,
        timeFormat.orElse(DEFAULT_TIME_FORMAT));
  }

  /**
   * A tz database zone (Python's zoneinfo.ZoneInfo), or null: offsets like +01:00 are not names.
   */
  private static ZoneId zone(String name) {
    if (name.isEmpty() || name.startsWith("+") || name.startsWith("-")) {
      return null;
    }
    try {
      return ZoneId.of(name);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
