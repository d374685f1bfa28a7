package io.cqlp.transfer.dataset;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A time part taken from a timeuuid, timestamp or date column for a partition directory: {@code
 * col.year}, {@code col.month}, {@code col.day}, {@code col.hour}, {@code col.date}.
 *
 * <p>The time is read in UTC: a timestamp as its instant, a timeuuid as the instant embedded in it
 * (the 60-bit count of 100 ns since 1582-10-15 of a version 1 UUID, truncated to the millisecond),
 * a date as that day at midnight. The text is the year in decimal ({@code 2024}), the month, day
 * and hour as two digits ({@code 01}, {@code 09}, {@code 23}), and the date as ISO-8601 {@code
 * YYYY-MM-DD} ({@code 2024-01-31}). Virtual columns only name directories; they are never written
 * into the data files. Thread-safe.
 */
public enum VirtualColumn {
  /** The year, e.g. {@code 2024}. */
  YEAR,
  /** The month, {@code 01} to {@code 12}. */
  MONTH,
  /** The day of the month, {@code 01} to {@code 31}. */
  DAY,
  /** The hour of the day, {@code 00} to {@code 23}; not for date columns. */
  HOUR,
  /** The date, {@code YYYY-MM-DD}. */
  DATE;

  /** The suffix as written after the column name: {@code year}, {@code month}, ... */
  public String suffix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The virtual column of a suffix.
   *
   * @param suffix the text after the last dot, any case
   * @return the virtual column, or empty when the suffix names none
   */
  public static Optional<VirtualColumn> ofSuffix(String suffix) {
    for (VirtualColumn v : values()) {
      if (v.suffix().equalsIgnoreCase(suffix)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether this part can be taken from a column of the type: timestamp and timeuuid give every
   * part, date every part but {@link #HOUR}.
   */
  public boolean appliesTo(DataType type) {
    if (type.equals(DataTypes.TIMESTAMP) || type.equals(DataTypes.TIMEUUID)) {
      return true;
    }
    return type.equals(DataTypes.DATE) && this != HOUR;
  }

  /**
   * The text of this part of a value.
   *
   * @param value an {@link Instant} (timestamp), a version 1 {@link UUID} (timeuuid) or a {@link
   *     LocalDate} (date); not null
   * @return the text as described in the class comment
   * @throws IllegalArgumentException for a UUID that is not version 1, another Java type, or {@link
   *     #HOUR} of a date
   */
  public String apply(Object value) {
    if (value instanceof LocalDate date) {
      if (this == HOUR) {
        throw new IllegalArgumentException("a date has no hour");
      }
      return format(date, 0);
    }
    Instant instant;
    if (value instanceof Instant i) {
      instant = i;
    } else if (value instanceof UUID uuid) {
      if (uuid.version() != 1) {
        throw new IllegalArgumentException(
            "UUID " + uuid + " is not a time-based (version 1) UUID");
      }
      instant = Instant.ofEpochMilli(Uuids.unixTimestamp(uuid));
    } else {
      throw new IllegalArgumentException(
          "no "
              + suffix()
              + " in a value of "
              + (value == null ? "null" : value.getClass().getName()));
    }
    LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    return format(time.toLocalDate(), time.getHour());
  }

  private String format(LocalDate date, int hour) {
    return switch (this) {
      case YEAR -> Integer.toString(date.getYear());
      case MONTH -> twoDigits(date.getMonthValue());
      case DAY -> twoDigits(date.getDayOfMonth());
      case HOUR -> twoDigits(hour);
      case DATE -> date.toString();
    };
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
