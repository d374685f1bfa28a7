package io.cqlp.transfer.dataset;

import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlScalar;
import io.cqlp.types.CqlText;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The text of a column value in a partition directory name ({@code key=value}), before Hive
 * escaping, and back.
 *
 * <p>NULL is {@link HiveEscaping#DEFAULT_PARTITION}. A timestamp is {@code yyyy-MM-dd HH:mm:ss} in
 * UTC, with {@code .SSS} when it has milliseconds (the form Spark writes and DuckDB reads as a
 * timestamp); a date is ISO-8601 {@code yyyy-MM-dd}; uuids and inets are their canonical text;
 * every other scalar is its Java {@code toString()} (a decimal keeps its scale). An empty text is
 * the directory {@code key=}, as DuckDB writes it, distinct from NULL. A text value that is
 * literally {@code __HIVE_DEFAULT_PARTITION__} is written with its first character as {@code %5F},
 * so it reads back as that text and not as NULL. Reading goes through {@link CqlText#parse}, typed
 * by the target column. Blobs and non-scalar types (collections, user types, tuples, vectors,
 * durations) cannot name a directory. Thread-safe.
 */
public final class PathValues {
  private PathValues() {}

  /**
   * Whether values of the column can name a directory.
   *
   * @return the scalar type when they can, else empty (blob and non-scalar types)
   */
  public static Optional<CqlScalar> scalarOf(ColumnSpec column) {
    return CqlScalar.of(column.type()).filter(s -> s != CqlScalar.BLOB);
  }

  /**
   * The escaped directory value of a column value.
   *
   * @param value a driver Java value of a scalar column, or null for NULL
   * @return the value as it appears after {@code key=}, Hive-escaped
   */
  public static String format(Object value) {
    if (value == null) {
      return HiveEscaping.DEFAULT_PARTITION;
    }
    String text;
    if (value instanceof String s) {
      if (s.equals(HiveEscaping.DEFAULT_PARTITION)) {
        return "%5F" + HiveEscaping.escape(s.substring(1));
      }
      text = s;
    } else if (value instanceof Instant instant) {
      text = timestamp(instant);
    } else if (value instanceof UUID uuid) {
      text = CqlText.format(uuid);
    } else if (value instanceof InetAddress inet) {
      text = CqlText.format(inet);
    } else {
      text = value.toString();
    }
    return HiveEscaping.escape(text);
  }

  /**
   * Reads a directory value as a value of a column.
   *
   * @param column the target column
   * @param raw the value as found after {@code key=} in the directory name (still escaped)
   * @return the driver Java value, or null for {@link HiveEscaping#DEFAULT_PARTITION}
   * @throws IllegalArgumentException if the text is not a value of the column's type, or the type
   *     cannot be read from a directory name; the message is a short reason
   */
  public static Object parse(ColumnSpec column, String raw) {
    if (raw.equals(HiveEscaping.DEFAULT_PARTITION)) {
      return null;
    }
    CqlScalar scalar =
        scalarOf(column)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "a "
                            + column.type().asCql(false, true)
                            + " cannot be read from a directory name"));
    return CqlText.parse(scalar, HiveEscaping.unescape(raw));
  }

  private static String timestamp(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(23).append(t.toLocalDate()).append(' ');
    two(b, t.getHour()).append(':');
    two(b, t.getMinute()).append(':');
    two(b, t.getSecond());
    int millis = t.getNano() / 1_000_000;
    if (millis != 0) {
      b.append('.')
          .append((char) ('0' + millis / 100))
          .append((char) ('0' + millis / 10 % 10))
          .append((char) ('0' + millis % 10));
    }
    return b.toString();
  }

  private static StringBuilder two(StringBuilder b, int n) {
    return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }
}
