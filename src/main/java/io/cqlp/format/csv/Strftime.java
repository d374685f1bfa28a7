package io.cqlp.format.csv;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Translates a C/Python {@code strftime} pattern, as cqlsh's DATETIMEFORMAT option and {@code
 * time_format} setting take it, into a {@link DateTimeFormatter} that formats and parses timestamps
 * in UTC.
 *
 * <p>Directives: {@code %Y} year, {@code %y} two-digit year, {@code %m} month, {@code %d} day,
 * {@code %H} hour (00-23), {@code %I} hour (01-12), {@code %p} AM/PM, {@code %M} minute, {@code %S}
 * second, {@code %f} fraction of the second, {@code %z} offset {@code +HHMM}, {@code %Z} zone name,
 * {@code %j} day of the year, {@code %a}/{@code %A} weekday, {@code %b}/{@code %B} month name,
 * {@code %%} a percent sign. cqlsh's COPY TO rounds {@code %f} to milliseconds ({@code
 * formatting.py} round_microseconds, CASSANDRA-11631), so {@code %f} is three digits here (a CQL
 * timestamp holds milliseconds); on input it takes 1 to 9 digits. Other characters are literal
 * text.
 */
public final class Strftime {
  /** cqlsh's default {@code time_format}. */
  public static final String CQLSH_DEFAULT = "%Y-%m-%d %H:%M:%S.%f%z";

  private Strftime() {}

  /**
   * @param pattern a strftime pattern; not null
   * @return a formatter in UTC, English names, strict resolution
   * @throws IllegalArgumentException naming the directive when the pattern uses one not listed
   *     above, or ends with a lone {@code %}
   */
  public static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        literal.append(c);
        continue;
      }
      if (i + 1 >= pattern.length()) {
        throw new IllegalArgumentException("DATETIMEFORMAT '" + pattern + "' ends with a lone %");
      }
      char d = pattern.charAt(++i);
      if (d == '%') {
        literal.append('%');
        continue;
      }
      if (literal.length() > 0) {
        b.appendLiteral(literal.toString());
        literal.setLength(0);
      }
      switch (d) {
        case 'Y' -> b.appendValue(ChronoField.YEAR, 4, 10, java.time.format.SignStyle.EXCEEDS_PAD);
        case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
        case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
        case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
        case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
        case 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
        case 'p' -> b.appendText(ChronoField.AMPM_OF_DAY);
        case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
        case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
        case 'f' -> b.appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, false);
        case 'z' -> b.appendOffset("+HHMM", "+0000");
        case 'Z' -> b.appendZoneOrOffsetId();
        case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
        case 'a' -> b.appendText(ChronoField.DAY_OF_WEEK, java.time.format.TextStyle.SHORT);
        case 'A' -> b.appendText(ChronoField.DAY_OF_WEEK, java.time.format.TextStyle.FULL);
        case 'b' -> b.appendText(ChronoField.MONTH_OF_YEAR, java.time.format.TextStyle.SHORT);
        case 'B' -> b.appendText(ChronoField.MONTH_OF_YEAR, java.time.format.TextStyle.FULL);
        default ->
            throw new IllegalArgumentException(
                "DATETIMEFORMAT '"
                    + pattern
                    + "' uses %"
                    + d
                    + ", which cqlp does not support; use %Y %m %d"
                    + " %H %I %p %M %S %f %z %Z %j %a %A %b %B %y or %%");
      }
    }
    if (literal.length() > 0) {
      b.appendLiteral(literal.toString());
    }
    if (!pattern.contains("%H") && !pattern.contains("%I")) {
      b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
    }
    return b.toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);
  }
}
