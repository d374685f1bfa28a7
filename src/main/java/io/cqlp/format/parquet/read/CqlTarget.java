package io.cqlp.format.parquet.read;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import io.cqlp.types.CqlScalar;
import io.cqlp.types.CqlText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Converts values of Parquet columns, by {@link SourceKind}, to the Java values of one CQL scalar
 * type. Only exact conversions exist: a value that would change (out of range, a fraction into an
 * integer, sub-millisecond digits into a timestamp, a non-ASCII character into ascii) is refused
 * with {@link Rejected}. Which kinds a target takes at all is {@link #accepts}; the reader checks
 * that once per column when it opens a file.
 */
abstract class CqlTarget {
  /** The scalar type; null for {@link #duration()}. */
  final CqlScalar scalar;

  private final Set<SourceKind> kinds;

  CqlTarget(CqlScalar scalar, Set<SourceKind> kinds) {
    this.scalar = scalar;
    this.kinds = kinds;
  }

  /** Whether values of this kind can be converted (some may still be refused one by one). */
  final boolean accepts(SourceKind kind) {
    return kinds.contains(kind);
  }

  Object fromLong(long v) {
    throw new IllegalStateException();
  }

  Object fromBigInteger(BigInteger v) {
    throw new IllegalStateException();
  }

  Object fromFloat(float v) {
    throw new IllegalStateException();
  }

  Object fromDouble(double v) {
    throw new IllegalStateException();
  }

  Object fromBoolean(boolean v) {
    throw new IllegalStateException();
  }

  /** An instant as milliseconds since the epoch plus the nanoseconds beyond them (0 to 999,999). */
  Object fromTimestamp(long epochMillis, int subMilliNanos) {
    throw new IllegalStateException();
  }

  Object fromDate(int epochDays) {
    throw new IllegalStateException();
  }

  Object fromTimeNanos(long nanosOfDay) {
    throw new IllegalStateException();
  }

  Object fromDecimal(BigDecimal v) {
    throw new IllegalStateException();
  }

  Object fromString(String v) {
    return parse(v);
  }

  /**
   * @param v a fresh array the target may keep
   */
  Object fromBytes(byte[] v) {
    throw new IllegalStateException();
  }

  Object fromUuid(UUID v) {
    throw new IllegalStateException();
  }

  /** A Parquet INTERVAL: unsigned months, days and milliseconds. */
  Object fromInterval(long months, long days, long millis) {
    throw new IllegalStateException();
  }

  final Object parse(String text) {
    try {
      return CqlText.parse(scalar, text);
    } catch (IllegalArgumentException e) {
      throw new Rejected(e.getMessage());
    }
  }

  /** The target of a CQL scalar type. */
  static CqlTarget of(CqlScalar scalar) {
    switch (scalar) {
      case TINYINT:
        return new IntegerTarget(scalar, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT:
        return new IntegerTarget(scalar, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT:
        return new IntegerTarget(scalar, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT:
      case COUNTER:
        return new IntegerTarget(scalar, Long.MIN_VALUE, Long.MAX_VALUE);
      case VARINT:
        return new VarintTarget();
      case FLOAT:
      case DOUBLE:
        return new FloatingTarget(scalar);
      case DECIMAL:
        return new DecimalTarget();
      case BOOLEAN:
        return new SimpleTarget(scalar, SourceKind.BOOLEAN) {
          @Override
          Object fromBoolean(boolean v) {
            return v;
          }
        };
      case TIMESTAMP:
        return new TimestampTarget();
      case DATE:
        return new SimpleTarget(scalar, SourceKind.DATE) {
          @Override
          Object fromDate(int days) {
            return LocalDate.ofEpochDay(days);
          }
        };
      case TIME:
        return new SimpleTarget(scalar, SourceKind.TIME) {
          @Override
          Object fromTimeNanos(long nanos) {
            if (nanos < 0 || nanos >= 86_400_000_000_000L) {
              throw new Rejected(nanos + " ns is not a time of day (0 to 24 h)");
            }
            return LocalTime.ofNanoOfDay(nanos);
          }
        };
      case UUID:
      case TIMEUUID:
        return new SimpleTarget(scalar, SourceKind.UUID) {
          @Override
          Object fromUuid(UUID v) {
            if (scalar == CqlScalar.TIMEUUID) {
              try {
                CqlText.checkTimeuuid(v);
              } catch (IllegalArgumentException e) {
                throw new Rejected(e.getMessage());
              }
            }
            return v;
          }
        };
      case INET:
        return new SimpleTarget(scalar, SourceKind.STRING) {};
      case ASCII:
      case TEXT:
        return new TextTarget(scalar);
      case BLOB:
        return new SimpleTarget(scalar, SourceKind.BYTES) {
          @Override
          Object fromBytes(byte[] v) {
            return ByteBuffer.wrap(v);
          }
        };
      default:
        throw new IllegalArgumentException("no target for " + scalar);
    }
  }

  /**
   * The target of CQL duration for a single Parquet value: an INTERVAL (months, days and
   * milliseconds) or a text in one of the forms of {@link CqlDuration#from(String)} ({@code
   * 1mo2d3h}, ISO 8601 {@code P1M2DT3H}). The {months, days, nanoseconds} group that cqlp writes is
   * read by the nested converters.
   */
  static CqlTarget duration() {
    return new CqlTarget(null, EnumSet.of(SourceKind.INTERVAL, SourceKind.STRING)) {
      @Override
      Object fromString(String v) {
        try {
          return CqlDuration.from(v);
        } catch (RuntimeException e) {
          throw new Rejected(
              CqlText.quote(v)
                  + " is not a duration (e.g. 1y2mo3d4h5m6s7ms8us9ns"
                  + " or P1Y2M3DT4H5M6S)");
        }
      }

      @Override
      Object fromInterval(long months, long days, long millis) {
        if (months > Integer.MAX_VALUE || days > Integer.MAX_VALUE) {
          throw new Rejected(
              "interval of "
                  + months
                  + " months and "
                  + days
                  + " days is out of the range of a CQL duration");
        }
        return CqlDuration.newInstance((int) months, (int) days, millis * 1_000_000L);
      }
    };
  }

  /** A target taking one kind of values plus their text form. */
  private static class SimpleTarget extends CqlTarget {
    SimpleTarget(CqlScalar scalar, SourceKind kind) {
      super(scalar, EnumSet.of(kind, SourceKind.STRING));
    }
  }

  private static final class IntegerTarget extends CqlTarget {
    private final long min;
    private final long max;

    IntegerTarget(CqlScalar scalar, long min, long max) {
      super(
          scalar,
          scalar == CqlScalar.BIGINT
              ? EnumSet.of(
                  SourceKind.INTEGER, SourceKind.DECIMAL, SourceKind.STRING, SourceKind.TIMESTAMP)
              : EnumSet.of(SourceKind.INTEGER, SourceKind.DECIMAL, SourceKind.STRING));
      this.min = min;
      this.max = max;
    }

    @Override
    Object fromLong(long v) {
      if (v < min || v > max) {
        throw outOfRange(String.valueOf(v));
      }
      switch (scalar) {
        case TINYINT:
          return (byte) v;
        case SMALLINT:
          return (short) v;
        case INT:
          return (int) v;
        default:
          return v;
      }
    }

    /**
     * A timestamp into bigint: microseconds since the epoch, the unit of CQL's WRITETIME (the
     * {@code writetime(c)} columns cqlp writes as TIMESTAMP(MICROS)); a digit below the microsecond
     * is refused, as it would be lost.
     */
    @Override
    Object fromTimestamp(long epochMillis, int subMilliNanos) {
      if (subMilliNanos % 1_000 != 0) {
        throw new Rejected(
            Instant.ofEpochMilli(epochMillis).plusNanos(subMilliNanos)
                + " has sub-microsecond digits; a bigint holds microseconds since the epoch");
      }
      try {
        return Math.addExact(Math.multiplyExact(epochMillis, 1_000L), subMilliNanos / 1_000);
      } catch (ArithmeticException e) {
        throw outOfRange(epochMillis + " ms");
      }
    }

    @Override
    Object fromBigInteger(BigInteger v) {
      if (v.bitLength() > 63) {
        throw outOfRange(v.toString());
      }
      return fromLong(v.longValue());
    }

    @Override
    Object fromDecimal(BigDecimal v) {
      return fromBigInteger(integral(v, scalar));
    }

    private Rejected outOfRange(String v) {
      return new Rejected(
          v + " is out of range for " + scalar.cqlName() + " (" + min + " to " + max + ")");
    }
  }

  private static final class VarintTarget extends CqlTarget {
    VarintTarget() {
      super(
          CqlScalar.VARINT, EnumSet.of(SourceKind.INTEGER, SourceKind.DECIMAL, SourceKind.STRING));
    }

    @Override
    Object fromLong(long v) {
      return BigInteger.valueOf(v);
    }

    @Override
    Object fromBigInteger(BigInteger v) {
      return v;
    }

    @Override
    Object fromDecimal(BigDecimal v) {
      return integral(v, scalar);
    }
  }

  private static BigInteger integral(BigDecimal v, CqlScalar scalar) {
    try {
      return v.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new Rejected(
          v.toPlainString() + " has a fraction; " + scalar.cqlName() + " holds whole numbers");
    }
  }

  private static final class DecimalTarget extends CqlTarget {
    DecimalTarget() {
      super(
          CqlScalar.DECIMAL, EnumSet.of(SourceKind.DECIMAL, SourceKind.INTEGER, SourceKind.STRING));
    }

    @Override
    Object fromLong(long v) {
      return BigDecimal.valueOf(v);
    }

    @Override
    Object fromBigInteger(BigInteger v) {
      return new BigDecimal(v);
    }

    @Override
    Object fromDecimal(BigDecimal v) {
      return v;
    }
  }

  /**
   * float and double: widening is exact; narrowing and integers only when the value is kept. A
   * DECIMAL, like a decimal text, becomes the nearest float or double, as CQL does with a decimal
   * literal such as {@code 0.1}; one beyond the type's range is refused.
   */
  private static final class FloatingTarget extends CqlTarget {
    private final boolean single;

    FloatingTarget(CqlScalar scalar) {
      super(
          scalar,
          EnumSet.of(
              SourceKind.FLOAT,
              SourceKind.DOUBLE,
              SourceKind.INTEGER,
              SourceKind.DECIMAL,
              SourceKind.STRING));
      this.single = scalar == CqlScalar.FLOAT;
    }

    @Override
    Object fromDecimal(BigDecimal v) {
      double d = single ? v.floatValue() : v.doubleValue();
      if (Double.isInfinite(d)) {
        throw new Rejected(v + " is out of the range of a " + scalar.cqlName());
      }
      return single ? (Object) (float) d : (Object) d;
    }

    @Override
    Object fromFloat(float v) {
      return single ? (Object) v : (Object) (double) v;
    }

    @Override
    Object fromDouble(double v) {
      if (!single) {
        return v;
      }
      float f = (float) v;
      if ((double) f != v && !Double.isNaN(v)) {
        throw new Rejected(v + " cannot be held exactly by a float");
      }
      return f;
    }

    @Override
    Object fromLong(long v) {
      if (single) {
        float f = (float) v;
        if (f >= 0x1p63f || (long) f != v) {
          throw new Rejected(v + " cannot be held exactly by a float");
        }
        return f;
      }
      double d = (double) v;
      if (d >= 0x1p63 || (long) d != v) {
        throw new Rejected(v + " cannot be held exactly by a double");
      }
      return d;
    }

    @Override
    Object fromBigInteger(BigInteger v) {
      throw new Rejected(v + " cannot be held exactly by a " + scalar.cqlName());
    }
  }

  private static final class TimestampTarget extends CqlTarget {
    TimestampTarget() {
      super(CqlScalar.TIMESTAMP, EnumSet.of(SourceKind.TIMESTAMP, SourceKind.STRING));
    }

    @Override
    Object fromTimestamp(long epochMillis, int subMilliNanos) {
      if (subMilliNanos != 0) {
        throw new Rejected(
            Instant.ofEpochMilli(epochMillis).plusNanos(subMilliNanos)
                + " has sub-millisecond digits; a CQL timestamp holds milliseconds ("
                + io.cqlp.format.PrecisionLoss.HINT
                + ")");
      }
      return Instant.ofEpochMilli(epochMillis);
    }
  }

  /** text and ascii, from strings or from bytes that are valid UTF-8. */
  private static final class TextTarget extends CqlTarget {
    TextTarget(CqlScalar scalar) {
      super(scalar, EnumSet.of(SourceKind.STRING, SourceKind.BYTES));
    }

    @Override
    Object fromBytes(byte[] v) {
      try {
        String s =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(v))
                .toString();
        return parse(s);
      } catch (CharacterCodingException e) {
        throw new Rejected("the bytes are not valid UTF-8 text");
      }
    }
  }
}
