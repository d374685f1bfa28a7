package io.cqlp.types;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} on Linux (glibc), as cqlsh applies its {@code [ui]
 * time_format} to timestamps on the screen ({@code formatting.py} strftime). Directives: {@code %Y}
 * (the year without padding, glibc's rule: {@code 850}), {@code %y %m %d %e %H %I %k %l %p %M %S
 * %f} (six digits of microseconds) {@code %z} ({@code +HHMM}) {@code %Z} (the zone's abbreviation,
 * {@code UTC} for UTC) {@code %j %a %A %b %h %B %c %x %X %D %F %T %R %C %G %V %u %w %U %W %s %n %t
 * %%}; any other {@code %x} is kept as written, as glibc does. English names (the C locale).
 */
public final class PyStrftime {
  private static final DateTimeFormatter ZONE_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private PyStrftime() {}

  /**
   * @param pattern a strftime pattern; not null
   * @param t the moment in the zone it is shown in; not null
   * @return the text
   */
  public static String format(String pattern, ZonedDateTime t) {
    StringBuilder out = new StringBuilder(pattern.length() + 16);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%' || i + 1 >= pattern.length()) {
        out.append(c);
        continue;
      }
      char d = pattern.charAt(++i);
      switch (d) {
        case 'Y' -> out.append(t.getYear());
        case 'y' -> two(out, Math.floorMod(t.getYear(), 100));
        case 'C' -> out.append(two(Math.floorDiv(t.getYear(), 100)));
        case 'G' -> out.append(t.get(IsoFields.WEEK_BASED_YEAR));
        case 'V' -> two(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        case 'm' -> two(out, t.getMonthValue());
        case 'd' -> two(out, t.getDayOfMonth());
        case 'e' -> spaced(out, t.getDayOfMonth());
        case 'H' -> two(out, t.getHour());
        case 'k' -> spaced(out, t.getHour());
        case 'I' -> two(out, hour12(t));
        case 'l' -> spaced(out, hour12(t));
        case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
        case 'M' -> two(out, t.getMinute());
        case 'S' -> two(out, t.getSecond());
        case 'f' -> out.append(String.format("%06d", t.getNano() / 1000));
        case 'z' -> offset(out, t.getOffset().getTotalSeconds());
        case 'Z' -> out.append(zoneName(t));
        case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
        case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'c' -> out.append(format("%a %b %e %H:%M:%S %Y", t));
        case 'x', 'D' -> out.append(format("%m/%d/%y", t));
        case 'X', 'T' -> out.append(format("%H:%M:%S", t));
        case 'F' -> out.append(format("%Y-%m-%d", t));
        case 'R' -> out.append(format("%H:%M", t));
        case 'u' -> out.append(t.getDayOfWeek().getValue());
        case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
        case 'U' -> two(out, (t.getDayOfYear() - 1 + 7 - t.getDayOfWeek().getValue() % 7) / 7);
        case 'W' ->
            two(out, (t.getDayOfYear() - 1 + 7 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
        case 's' -> out.append(t.toEpochSecond());
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case '%' -> out.append('%');
        default -> out.append('%').append(d);
      }
    }
    return out.toString();
  }

  private static int hour12(ZonedDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static String two(int n) {
    return n >= 0 && n < 10 ? "0" + n : String.valueOf(n);
  }

  private static void two(StringBuilder out, int n) {
    out.append(two(n));
  }

  private static void spaced(StringBuilder out, int n) {
    out.append(n < 10 ? " " : "").append(n);
  }

  private static void offset(StringBuilder out, int seconds) {
    out.append(seconds < 0 ? '-' : '+');
    int abs = Math.abs(seconds);
    two(out, abs / 3600);
    two(out, abs / 60 % 60);
    if (abs % 60 != 0) {
      two(out, abs % 60);
    }
  }

  /** Python's tzname: {@code UTC} for UTC (cqlsh's own UTC zone), else the zone's abbreviation. */
  private static String zoneName(ZonedDateTime t) {
    String id = t.getZone().getId();
    if (id.equals("Z") || id.equals("UTC")) {
      return "UTC";
    }
    return ZONE_NAME.format(t);
  }
}
