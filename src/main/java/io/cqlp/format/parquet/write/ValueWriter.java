package io.cqlp.format.parquet.write;

import io.cqlp.types.CqlScalar;
import io.cqlp.types.CqlText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes the non-null values of one column to Parquet, as {@link ParquetTypeMapping} maps its CQL
 * type. One writer is built per column when the file is opened; the row loop only calls {@link
 * #write}.
 *
 * <p>A single final class with a precomputed encoding code rather than one subclass per type: the
 * row loop's call then has one receiver class and is inlined, and the code picks the encoding in a
 * jump table. Measured on a six-column flights-like row, that is about 85 ns per row where
 * subclasses (a megamorphic call per value) took about 180 ns. A scalar value is turned into its
 * Parquet primitive by {@link #intValue}, {@link #longValue} or {@link #binaryValue}, which {@link
 * RowGroupWriter} hands to the column writer itself; {@link #write} does the same through a record
 * consumer for the elements and fields of composite values. A writer keeps the last text value it
 * wrote, so it serves one file (one thread) only. Composite types (collections, vectors, user
 * types, tuples, duration) are one more code whose {@link NestedWriter} holds the writers of their
 * elements.
 *
 * <p>{@link #check} runs for every value of the row before any of it is written, so a bad value
 * never leaves a half-written row in the file.
 */
final class ValueWriter {
  private static final int INT8 = 0;
  private static final int INT16 = 1;
  private static final int INT32 = 2;
  private static final int INT64 = 3;
  private static final int FLOAT = 4;
  private static final int DOUBLE = 5;
  private static final int BOOLEAN = 6;
  private static final int TIMESTAMP = 7;
  private static final int DATE = 8;
  private static final int TIME = 9;
  private static final int TEXT = 10;
  private static final int UUID_TEXT = 11;
  private static final int BLOB = 12;
  private static final int INET_TEXT = 13;
  private static final int NUMBER_TEXT = 14;
  private static final int UUID_FIXED = 15;
  private static final int TIME_MICROS = 16;
  private static final int DECIMAL_INT32 = 17;
  private static final int DECIMAL_INT64 = 18;
  private static final int DECIMAL_FIXED = 19;
  private static final int NESTED = 20;

  private final int code;
  private final int physical;
  private final Class<?> javaType;

  /** DECIMAL(p,s) codes: precision, scale and the FIXED_LEN_BYTE_ARRAY length. */
  private final int precision;

  private final int scale;
  private final int fixedLength;
  private final NestedWriter nested;

  /** The last TEXT value written and its UTF-8 (see {@link #text}); one writer serves one file. */
  private String lastText;

  private Binary lastBinary;

  private ValueWriter(int code, Class<?> javaType) {
    this(code, javaType, 0, 0, 0, null);
  }

  private ValueWriter(
      int code, Class<?> javaType, int precision, int scale, int fixedLength, NestedWriter nested) {
    this.code = code;
    this.physical = physicalOf(code);
    this.javaType = javaType;
    this.precision = precision;
    this.scale = scale;
    this.fixedLength = fixedLength;
    this.nested = nested;
  }

  /** The writer of a CQL scalar type with the default types ({@link ParquetTypeOptions}). */
  static ValueWriter of(CqlScalar scalar) {
    return of(scalar, ParquetTypeOptions.DEFAULTS);
  }

  /** The writer of a composite value (collection, vector, user type, tuple, duration). */
  static ValueWriter nested(NestedWriter nested) {
    return new ValueWriter(NESTED, nested.javaType(), 0, 0, 0, nested);
  }

  /**
   * The writer of a CQL scalar type, as {@link ParquetTypeMapping#parquetType} maps it with the
   * given options.
   */
  static ValueWriter of(CqlScalar scalar, ParquetTypeOptions types) {
    if (types.uuidFixed() && (scalar == CqlScalar.UUID || scalar == CqlScalar.TIMEUUID)) {
      return new ValueWriter(UUID_FIXED, UUID.class);
    }
    if (types.timeMicros() && scalar == CqlScalar.TIME) {
      return new ValueWriter(TIME_MICROS, LocalTime.class);
    }
    if (types.decimalFixed() && scalar == CqlScalar.DECIMAL) {
      int p = types.decimalPrecision();
      int code = p <= 9 ? DECIMAL_INT32 : p <= 18 ? DECIMAL_INT64 : DECIMAL_FIXED;
      return new ValueWriter(code, BigDecimal.class, p, types.decimalScale(), fixedLength(p), null);
    }
    switch (scalar) {
      case TINYINT:
        return new ValueWriter(INT8, Byte.class);
      case SMALLINT:
        return new ValueWriter(INT16, Short.class);
      case INT:
        return new ValueWriter(INT32, Integer.class);
      case BIGINT:
      case COUNTER:
        return new ValueWriter(INT64, Long.class);
      case FLOAT:
        return new ValueWriter(FLOAT, Float.class);
      case DOUBLE:
        return new ValueWriter(DOUBLE, Double.class);
      case BOOLEAN:
        return new ValueWriter(BOOLEAN, Boolean.class);
      case TIMESTAMP:
        return new ValueWriter(TIMESTAMP, Instant.class);
      case DATE:
        return new ValueWriter(DATE, LocalDate.class);
      case TIME:
        return new ValueWriter(TIME, LocalTime.class);
      case ASCII:
      case TEXT:
        return new ValueWriter(TEXT, String.class);
      case UUID:
      case TIMEUUID:
        return new ValueWriter(UUID_TEXT, UUID.class);
      case BLOB:
        return new ValueWriter(BLOB, ByteBuffer.class);
      case INET:
        return new ValueWriter(INET_TEXT, InetAddress.class);
      case DECIMAL:
        return new ValueWriter(NUMBER_TEXT, BigDecimal.class);
      case VARINT:
        return new ValueWriter(NUMBER_TEXT, BigInteger.class);
      default:
        throw new IllegalArgumentException(scalar.name());
    }
  }

  /** The Java type the values must have (or extend). */
  Class<?> javaType() {
    return javaType;
  }

  /**
   * The bytes of a FIXED_LEN_BYTE_ARRAY holding any unscaled value of {@code precision} decimal
   * digits in two's complement (the Parquet spec's DECIMAL rule).
   */
  static int fixedLength(int precision) {
    int bits = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE).bitLength() + 1;
    return (bits + 7) / 8;
  }

  /** Whether {@link #check} can refuse a value of the right Java type. */
  boolean checksValues() {
    return code == TIMESTAMP || code == DATE || code == TIME_MICROS || code >= DECIMAL_INT32;
  }

  /**
   * Checks a value whose class is already known to be {@link #javaType()}.
   *
   * @return null if it can be written, else a short reason quoting the value
   */
  String check(Object value) {
    if (code == TIMESTAMP) {
      // Milliseconds: an Instant with sub-millisecond digits is refused rather than truncated.
      Instant i = (Instant) value;
      if (i.getNano() % 1_000_000 != 0) {
        return "timestamp " + i + " has sub-millisecond digits; CQL timestamps hold milliseconds";
      }
      try {
        i.toEpochMilli();
      } catch (ArithmeticException e) {
        return "timestamp " + i + " is out of the range of CQL timestamps";
      }
    } else if (code == DATE) {
      // Signed days since the epoch; CQL's range is exactly a signed 32-bit day count.
      long days = ((LocalDate) value).toEpochDay();
      if (days != (int) days) {
        return "date " + value + " is out of the range of CQL dates";
      }
    } else if (code == TIME_MICROS) {
      if (((LocalTime) value).getNano() % 1_000 != 0) {
        return "time "
            + value
            + " has sub-microsecond digits; TIME_UNIT='MICROS' holds"
            + " microseconds (export with TIME_UNIT='NANOS' to keep them)";
      }
    } else if (code == NESTED) {
      return nested.check(value);
    } else if (code >= DECIMAL_INT32) {
      return checkDecimal((BigDecimal) value);
    }
    return null;
  }

  private String checkDecimal(BigDecimal d) {
    String type = "DECIMAL(" + precision + "," + scale + ")";
    String fix = " (export with DECIMAL_TYPE='STRING' to keep every decimal exactly)";
    BigDecimal scaled;
    try {
      scaled = d.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      return "decimal "
          + d
          + " does not fit "
          + type
          + ": it has more than "
          + scale
          + " digits after the point"
          + fix;
    }
    if (scaled.precision() > precision) {
      return "decimal "
          + d
          + " does not fit "
          + type
          + ": it has more than "
          + (precision - scale)
          + " digits before the point"
          + fix;
    }
    return null;
  }

  /** Physical kinds of {@link #physical()}: how a value reaches a column writer. */
  static final int AS_INT32 = 0;

  static final int AS_INT64 = 1;
  static final int AS_FLOAT = 2;
  static final int AS_DOUBLE = 3;
  static final int AS_BOOLEAN = 4;
  static final int AS_BINARY = 5;

  /** A composite value: a group written through a record consumer. */
  static final int AS_GROUP = 6;

  /**
   * How this writer's values reach Parquet: {@link #AS_INT32} ({@link #intValue}), {@link
   * #AS_INT64} ({@link #longValue}), {@link #AS_FLOAT}, {@link #AS_DOUBLE}, {@link #AS_BOOLEAN}
   * (the boxed value), {@link #AS_BINARY} ({@link #binaryValue}) or {@link #AS_GROUP} ({@link
   * #write}).
   */
  int physical() {
    return physical;
  }

  private static int physicalOf(int code) {
    switch (code) {
      case INT8:
      case INT16:
      case INT32:
      case DATE:
      case DECIMAL_INT32:
        return AS_INT32;
      case INT64:
      case TIMESTAMP:
      case TIME:
      case TIME_MICROS:
      case DECIMAL_INT64:
        return AS_INT64;
      case FLOAT:
        return AS_FLOAT;
      case DOUBLE:
        return AS_DOUBLE;
      case BOOLEAN:
        return AS_BOOLEAN;
      case NESTED:
        return AS_GROUP;
      default:
        return AS_BINARY;
    }
  }

  /** The INT32 of a checked, non-null value of an {@link #AS_INT32} writer. */
  int intValue(Object v) {
    switch (code) {
      case INT8:
        return (Byte) v;
      case INT16:
        return (Short) v;
      case DATE:
        return (int) ((LocalDate) v).toEpochDay();
      case DECIMAL_INT32:
        return unscaled((BigDecimal) v).intValueExact();
      default:
        return (Integer) v;
    }
  }

  /** The INT64 of a checked, non-null value of a {@link #AS_INT64} writer. */
  long longValue(Object v) {
    switch (code) {
      case TIMESTAMP:
        return ((Instant) v).toEpochMilli();
      case TIME:
        return ((LocalTime) v).toNanoOfDay();
      case TIME_MICROS:
        return ((LocalTime) v).toNanoOfDay() / 1_000;
      case DECIMAL_INT64:
        return unscaled((BigDecimal) v).longValueExact();
      default:
        return (Long) v;
    }
  }

  /** The bytes of a checked, non-null value of a {@link #AS_BINARY} writer. */
  Binary binaryValue(Object v) {
    switch (code) {
      case TEXT:
        return text((String) v);
      case UUID_TEXT:
        return utf8(CqlText.format((UUID) v));
      case INET_TEXT:
        return utf8(CqlText.format((InetAddress) v));
      case NUMBER_TEXT:
        return utf8(v.toString());
      case UUID_FIXED:
        UUID u = (UUID) v;
        byte[] bytes = new byte[16];
        ByteBuffer.wrap(bytes)
            .putLong(u.getMostSignificantBits())
            .putLong(u.getLeastSignificantBits());
        return Binary.fromConstantByteArray(bytes);
      case DECIMAL_FIXED:
        return Binary.fromConstantByteArray(twosComplement(unscaled((BigDecimal) v)));
      case BLOB:
        // "Reused": parquet-java copies the bytes it keeps (dictionary, statistics), so a
        // caller may reuse its buffer after the row is written.
        return Binary.fromReusedByteBuffer(((ByteBuffer) v).duplicate());
      default:
        throw new IllegalStateException("no binary encoding " + code);
    }
  }

  /** Writes one checked, non-null value inside its field (an element, key or field of a group). */
  void write(RecordConsumer c, Object v) {
    switch (physical) {
      case AS_INT32:
        c.addInteger(intValue(v));
        break;
      case AS_INT64:
        c.addLong(longValue(v));
        break;
      case AS_FLOAT:
        c.addFloat((Float) v);
        break;
      case AS_DOUBLE:
        c.addDouble((Double) v);
        break;
      case AS_BOOLEAN:
        c.addBoolean((Boolean) v);
        break;
      case AS_BINARY:
        c.addBinary(binaryValue(v));
        break;
      default:
        nested.write(c, v);
    }
  }

  private BigInteger unscaled(BigDecimal d) {
    return d.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
  }

  /** The value big-endian in {@link #fixedLength} bytes, sign-extended. */
  private byte[] twosComplement(BigInteger unscaled) {
    byte[] minimal = unscaled.toByteArray();
    byte[] out = new byte[fixedLength];
    int pad = fixedLength - minimal.length;
    if (unscaled.signum() < 0) {
      java.util.Arrays.fill(out, 0, pad, (byte) 0xff);
    }
    System.arraycopy(minimal, 0, out, pad, minimal.length);
    return out;
  }

  /**
   * The UTF-8 of a text value, reusing the last one's bytes when the value repeats (a partition key
   * or a clustering prefix repeats row after row in a token-order scan): no array, no encoding
   * then. A Binary made from a constant array is never changed by parquet-java.
   */
  private Binary text(String s) {
    if (s != lastText && !s.equals(lastText)) {
      lastText = s;
      lastBinary = utf8(s);
    }
    return lastBinary;
  }

  /**
   * UTF-8 bytes in a byte-array Binary: parquet-java compares and hashes those much faster than the
   * ByteBuffer-backed ones of {@code Binary.fromString} (statistics, dictionary).
   */
  private static Binary utf8(String s) {
    return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
  }
}
