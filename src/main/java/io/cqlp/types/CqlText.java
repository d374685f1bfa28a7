package io.cqlp.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict conversions between text and the values of CQL scalar types: for files that carry a value
 * as a string (a Parquet STRING column holding uuids, decimals, timestamps, ...).
 *
 * <p>Parsing never guesses and never rounds away information the text states, except where a
 * decimal text is read into {@code float} or {@code double} (as CQL itself does for float
 * literals). Accepted forms, per target type:
 *
 * <ul>
 *   <li>ascii, text: any text; ascii only 7-bit characters.
 *   <li>tinyint, smallint, int, bigint, counter, varint: an optional sign and decimal digits,
 *       within the type's range.
 *   <li>float, double: a Java decimal floating-point literal, {@code NaN}, {@code Infinity}, {@code
 *       -Infinity} (no {@code f}/{@code d} suffix).
 *   <li>decimal: {@link BigDecimal#BigDecimal(String)} syntax ({@code 1.50}, {@code 1E+10}); the
 *       scale of the text is kept.
 *   <li>boolean: {@code true} or {@code false}, any case.
 *   <li>timestamp: ISO-8601 {@code yyyy-MM-dd}, or {@code yyyy-MM-dd(T| )HH:mm[:ss[.fff]]} with an
 *       optional offset {@code Z}, {@code +HH}, {@code +HHmm} or {@code +HH:mm}. Text without an
 *       offset is read as UTC (Cassandra would use the coordinator's zone, which a file cannot
 *       know). Fraction digits beyond milliseconds must be zeros: CQL timestamps hold milliseconds
 *       and cqlp does not truncate.
 *   <li>date: ISO-8601 {@code yyyy-MM-dd} (years beyond 9999 with a sign, {@code +10000-01-01}).
 *   <li>time: ISO-8601 {@code HH:mm[:ss[.fffffffff]]}.
 *   <li>uuid, timeuuid: the 36-character 8-4-4-4-12 hexadecimal form, any case; timeuuid must be a
 *       version 1 UUID (CQL's rule).
 *   <li>inet: an IPv4 dotted quad or an IPv6 literal; host names are refused (no DNS lookups).
 *   <li>blob: not parsed from text (a text has no single byte form); see the formats.
 * </ul>
 */
public final class CqlText {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  /** An offset after a time: Z, +HH, +HHmm, +HH:mm. */
  private static final Pattern OFFSET = Pattern.compile("Z|[+-]\\d{2}(:?\\d{2})?");

  private CqlText() {}

  /**
   * Parses a text as a value of a CQL scalar type.
   *
   * @param type the target type; not null
   * @param text the text, not trimmed; not null
   * @return the value as the driver's Java type ({@link CqlScalar#javaType()})
   * @throws IllegalArgumentException if the text is not a value of the type; the message is a short
   *     reason that quotes the value, to be prefixed with its location by the caller
   */
  public static Object parse(CqlScalar type, String text) {
    switch (type) {
      case ASCII:
        return checkAscii(text);
      case TEXT:
        return text;
      case TINYINT:
        return (byte) parseInteger(text, Byte.MIN_VALUE, Byte.MAX_VALUE, type);
      case SMALLINT:
        return (short) parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, type);
      case INT:
        return (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
      case BIGINT:
      case COUNTER:
        return parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, type);
      case VARINT:
        return parseVarint(text);
      case FLOAT:
        return (float) parseFloating(text, type, true);
      case DOUBLE:
        return parseFloating(text, type, false);
      case DECIMAL:
        return parseDecimal(text);
      case BOOLEAN:
        return parseBoolean(text);
      case TIMESTAMP:
        return parseTimestamp(text);
      case DATE:
        return parseDate(text);
      case TIME:
        return parseTime(text);
      case UUID:
        return parseUuid(text);
      case TIMEUUID:
        return checkTimeuuid(parseUuid(text));
      case INET:
        return parseInet(text);
      case BLOB:
      default:
        throw new IllegalArgumentException("a " + type.cqlName() + " cannot be read from text");
    }
  }

  /**
   * Returns the text if all its characters are 7-bit ASCII (CQL ascii's rule).
   *
   * @throws IllegalArgumentException naming the first offending character otherwise
   */
  public static String checkAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 127) {
        throw new IllegalArgumentException(
            String.format(
                "%s has a non-ASCII character U+%04X at position %d", quote(text), (int) c, i + 1));
      }
    }
    return text;
  }

  /**
   * Returns the UUID if it is a version 1 (time-based) UUID, as CQL timeuuid requires.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static UUID checkTimeuuid(UUID uuid) {
    if (uuid.version() != 1) {
      throw new IllegalArgumentException(
          uuid + " is a version " + uuid.version() + " UUID; a timeuuid must be version 1");
    }
    return uuid;
  }

  /**
   * The canonical text of a UUID: 36 lower-case characters, {@code 8-4-4-4-12}.
   *
   * @param uuid not null
   */
  public static String format(UUID uuid) {
    return uuid.toString();
  }

  /** The text of an address, as {@link InetAddress#getHostAddress()} gives it; not null. */
  public static String format(InetAddress address) {
    return address.getHostAddress();
  }

  private static long parseInteger(String text, long min, long max, CqlScalar type) {
    if (!INTEGER.matcher(text).matches()) {
      throw new IllegalArgumentException(quote(text) + " is not an integer");
    }
    BigInteger v = new BigInteger(text);
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new IllegalArgumentException(
          text + " is out of range for " + type.cqlName() + " (" + min + " to " + max + ")");
    }
    return v.longValue();
  }

  private static BigInteger parseVarint(String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw new IllegalArgumentException(quote(text) + " is not an integer");
    }
    return new BigInteger(text);
  }

  private static double parseFloating(String text, CqlScalar type, boolean single) {
    char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
    if (last == 'f' || last == 'F' || last == 'd' || last == 'D' || text.isBlank()) {
      throw new IllegalArgumentException(quote(text) + " is not a " + type.cqlName());
    }
    try {
      return single ? Float.parseFloat(text) : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(quote(text) + " is not a " + type.cqlName());
    }
  }

  private static BigDecimal parseDecimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(quote(text) + " is not a decimal number");
    }
  }

  private static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException(quote(text) + " is not true or false");
  }

  private static Instant parseTimestamp(String text) {
    return parseTimestamp(text, false);
  }

  /**
   * A timestamp from ISO-8601 text (as {@link #parse} reads it), whose digits below the millisecond
   * are refused or, with {@code truncate}, rounded down (towards the past).
   *
   * @param text the text; not null
   * @param truncate whether to drop sub-millisecond digits (COPY FROM's PRECISION_LOSS='TRUNCATE')
   * @return the instant, whole milliseconds
   * @throws IllegalArgumentException if the text is not a timestamp, or has sub-millisecond digits
   *     and {@code truncate} is false (the message names PRECISION_LOSS)
   */
  public static Instant parseTimestamp(String text, boolean truncate) {
    Instant instant;
    try {
      int sep = Math.max(text.indexOf('T'), text.indexOf(' '));
      if (sep < 0) {
        instant = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        String date = text.substring(0, sep);
        String time = text.substring(sep + 1);
        int zone = firstOf(time, 'Z', '+', '-');
        String dateTime = date + 'T' + (zone < 0 ? time : time.substring(0, zone));
        if (zone < 0) {
          instant = LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
        } else {
          String offset = normalizeOffset(time.substring(zone));
          instant = OffsetDateTime.parse(dateTime + offset).toInstant();
        }
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          quote(text) + " is not an ISO-8601 timestamp (yyyy-MM-dd'T'HH:mm:ss.SSSZ)");
    }
    if (instant.getNano() % 1_000_000 != 0) {
      if (truncate) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      }
      throw new IllegalArgumentException(
          quote(text)
              + " has sub-millisecond digits; a CQL timestamp holds"
              + " milliseconds ("
              + SUB_MILLIS_HINT
              + ")");
    }
    return instant;
  }

  /** How COPY FROM accepts the loss of sub-millisecond digits instead. */
  public static final String SUB_MILLIS_HINT = "PRECISION_LOSS='TRUNCATE' drops them";

  private static int firstOf(String s, char a, char b, char c) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == a || ch == b || ch == c) {
        return i;
      }
    }
    return -1;
  }

  /** Z, +HH, +HHmm or +HH:mm as +HH:mm (or Z); anything else is left to fail the parse. */
  private static String normalizeOffset(String offset) {
    Matcher m = OFFSET.matcher(offset);
    if (!m.matches() || offset.equals("Z")) {
      return offset;
    }
    String digits = offset.substring(1).replace(":", "");
    return offset.charAt(0)
        + digits.substring(0, 2)
        + ":"
        + (digits.length() > 2 ? digits.substring(2) : "00");
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(quote(text) + " is not an ISO-8601 date (yyyy-MM-dd)");
    }
  }

  private static LocalTime parseTime(String text) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          quote(text) + " is not an ISO-8601 time (HH:mm:ss.fffffffff)");
    }
  }

  private static UUID parseUuid(String text) {
    if (text.length() != 36) {
      throw new IllegalArgumentException(quote(text) + " is not a UUID");
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean ok = dash ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
      if (!ok) {
        throw new IllegalArgumentException(quote(text) + " is not a UUID");
      }
    }
    return UUID.fromString(text);
  }

  private static InetAddress parseInet(String text) {
    try {
      if (IPV4.matcher(text).matches()) {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) {
            throw new UnknownHostException();
          }
          bytes[i] = (byte) octet;
        }
        return InetAddress.getByAddress(bytes);
      }
      if (IPV6.matcher(text).matches()) {
        // Starts with a hex digit or ':' and holds a ':': parsed as an IPv6 literal, never
        // looked up in the name service.
        return InetAddress.getByName(text);
      }
    } catch (UnknownHostException e) {
      // reported below
    }
    throw new IllegalArgumentException(quote(text) + " is not an IPv4 or IPv6 address");
  }

  /** The text in single quotes for a message, cut to 80 characters. */
  public static String quote(String text) {
    String t = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "'" + t + "'";
  }
}
