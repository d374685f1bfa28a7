package io.cqlp.format.parquet.read;

import io.cqlp.types.CqlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * parquet-java converters that decode one primitive Parquet column by its physical and logical type
 * and hand each value to a {@link CqlTarget}, storing the result in the {@link RowState}. A refused
 * value is recorded in the row state (the row is still read to its end, so the reader can go on
 * with the next row).
 */
final class ValueConverters {
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private ValueConverters() {}

  /**
   * The converter of a column whose kind is {@code kind} (from {@link SourceKind#of}) into a target
   * that accepts it.
   */
  static PrimitiveConverter create(
      PrimitiveType type, SourceKind kind, CqlTarget target, RowState row, int column) {
    return create(type, kind, target, row, column, null);
  }

  /**
   * The converter of a value nested in a column (an element, a field, a map key or value).
   *
   * @param column the top-level column, named when a value is refused
   * @param slot where the values go; null for the top-level column itself
   */
  static PrimitiveConverter create(
      PrimitiveType type, SourceKind kind, CqlTarget target, RowState row, int column, Slot slot) {
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    Base b;
    switch (kind) {
      case INTEGER:
        boolean unsigned =
            a instanceof IntLogicalTypeAnnotation && !((IntLogicalTypeAnnotation) a).isSigned();
        b = new IntegerConverter(target, row, column, unsigned);
        break;
      case FLOAT:
      case DOUBLE:
      case BOOLEAN:
      case DATE:
        b = new PlainConverter(target, row, column);
        break;
      case TIMESTAMP:
        if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
          b = new Int96Converter(target, row, column);
        } else {
          b =
              new TimestampConverter(
                  target, row, column, ((TimestampLogicalTypeAnnotation) a).getUnit());
        }
        break;
      case TIME:
        b = new TimeConverter(target, row, column, ((TimeLogicalTypeAnnotation) a).getUnit());
        break;
      case DECIMAL:
        b =
            new DecimalConverter(
                target, row, column, ((DecimalLogicalTypeAnnotation) a).getScale());
        break;
      case STRING:
        b = new StringConverter(target, row, column);
        break;
      case BYTES:
        b = new BytesConverter(target, row, column);
        break;
      case UUID:
        b = new UuidConverter(target, row, column);
        break;
      case INTERVAL:
        b = new IntervalConverter(target, row, column);
        break;
      default:
        throw new IllegalArgumentException(kind.name());
    }
    b.slot = slot;
    return b;
  }

  /** Base: where the value goes and what happens to a refused one. */
  private abstract static class Base extends PrimitiveConverter {
    final CqlTarget target;
    final RowState row;
    final int column;

    /** Null for a top-level column: the value goes straight into the row. */
    Slot slot;

    Base(CqlTarget target, RowState row, int column) {
      this.target = target;
      this.row = row;
      this.column = column;
    }

    final void set(Object value) {
      if (slot == null) {
        row.values[column] = value;
      } else {
        slot.set(value);
      }
    }

    final void refuse(Rejected r) {
      row.reject(column, r.getMessage());
    }
  }

  private static final class IntegerConverter extends Base {
    private final boolean unsigned;

    IntegerConverter(CqlTarget target, RowState row, int column, boolean unsigned) {
      super(target, row, column);
      this.unsigned = unsigned;
    }

    @Override
    public void addInt(int v) {
      try {
        set(target.fromLong(unsigned ? Integer.toUnsignedLong(v) : v));
      } catch (Rejected r) {
        refuse(r);
      }
    }

    @Override
    public void addLong(long v) {
      try {
        set(
            unsigned && v < 0
                ? target.fromBigInteger(new BigInteger(Long.toUnsignedString(v)))
                : target.fromLong(v));
      } catch (Rejected r) {
        refuse(r);
      }
    }
  }

  /** FLOAT, DOUBLE, BOOLEAN and DATE: one physical method each, nothing to decode. */
  private static final class PlainConverter extends Base {
    PlainConverter(CqlTarget target, RowState row, int column) {
      super(target, row, column);
    }

    @Override
    public void addFloat(float v) {
      try {
        set(target.fromFloat(v));
      } catch (Rejected r) {
        refuse(r);
      }
    }

    @Override
    public void addDouble(double v) {
      try {
        set(target.fromDouble(v));
      } catch (Rejected r) {
        refuse(r);
      }
    }

    @Override
    public void addBoolean(boolean v) {
      set(target.fromBoolean(v));
    }

    @Override
    public void addInt(int v) {
      try {
        set(target.fromDate(v));
      } catch (Rejected r) {
        refuse(r);
      }
    }
  }

  private static final class TimestampConverter extends Base {
    private final long perMilli;

    TimestampConverter(CqlTarget target, RowState row, int column, TimeUnit unit) {
      super(target, row, column);
      this.perMilli = unit == TimeUnit.MILLIS ? 1 : unit == TimeUnit.MICROS ? 1_000 : 1_000_000;
    }

    @Override
    public void addLong(long v) {
      try {
        long millis = Math.floorDiv(v, perMilli);
        int sub = (int) (Math.floorMod(v, perMilli) * (1_000_000 / perMilli));
        // PRECISION_LOSS truncates to a CQL timestamp's milliseconds; a bigint takes microseconds.
        boolean truncate = row.truncateSubMillis && target.scalar != CqlScalar.BIGINT;
        set(target.fromTimestamp(millis, truncate ? 0 : sub));
      } catch (Rejected r) {
        refuse(r);
      }
    }
  }

  /** INT96: nanoseconds of the day then the Julian day number, both little-endian. */
  private static final class Int96Converter extends Base {
    Int96Converter(CqlTarget target, RowState row, int column) {
      super(target, row, column);
    }

    @Override
    public void addBinary(Binary value) {
      try {
        if (value.length() != 12) {
          throw new Rejected("an INT96 value of " + value.length() + " bytes is not 12");
        }
        ByteBuffer b = ByteBuffer.wrap(value.getBytesUnsafe()).order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = b.getLong(0);
        long julianDay = b.getInt(8);
        long millis =
            (julianDay - JULIAN_DAY_OF_EPOCH) * MILLIS_PER_DAY
                + Math.floorDiv(nanosOfDay, 1_000_000L);
        set(
            target.fromTimestamp(
                millis, row.truncateSubMillis ? 0 : (int) Math.floorMod(nanosOfDay, 1_000_000L)));
      } catch (Rejected r) {
        refuse(r);
      }
    }
  }

  private static final class TimeConverter extends Base {
    private final long nanosPerUnit;

    TimeConverter(CqlTarget target, RowState row, int column, TimeUnit unit) {
      super(target, row, column);
      this.nanosPerUnit = unit == TimeUnit.MILLIS ? 1_000_000 : unit == TimeUnit.MICROS ? 1_000 : 1;
    }

    @Override
    public void addInt(int v) {
      addLong(v);
    }

    @Override
    public void addLong(long v) {
      try {
        if (Math.abs(v) > Long.MAX_VALUE / nanosPerUnit) {
          throw new Rejected(v + " is not a time of day");
        }
        set(target.fromTimeNanos(v * nanosPerUnit));
      } catch (Rejected r) {
        refuse(r);
      }
    }
  }

  /** Binary-backed values, with dictionary-encoded pages converted once per dictionary entry. */
  private abstract static class BinaryConverter extends Base {
    private final boolean cache;
    private Dictionary dictionary;
    private Object[] converted;

    BinaryConverter(CqlTarget target, RowState row, int column, boolean cache) {
      super(target, row, column);
      this.cache = cache;
    }

    abstract Object convert(Binary value);

    @Override
    public final void addBinary(Binary value) {
      try {
        set(convert(value));
      } catch (Rejected r) {
        refuse(r);
      }
    }

    @Override
    public final boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public final void setDictionary(Dictionary dictionary) {
      this.dictionary = dictionary;
      this.converted = cache ? new Object[dictionary.getMaxId() + 1] : null;
    }

    @Override
    public final void addValueFromDictionary(int id) {
      if (!cache) {
        addBinary(dictionary.decodeToBinary(id));
        return;
      }
      Object v = converted[id];
      if (v == null) {
        try {
          v = convert(dictionary.decodeToBinary(id));
          converted[id] = v;
        } catch (Rejected r) {
          refuse(r);
          return;
        }
      }
      set(v);
    }
  }

  private static final class StringConverter extends BinaryConverter {
    StringConverter(CqlTarget target, RowState row, int column) {
      super(target, row, column, true);
    }

    @Override
    Object convert(Binary value) {
      return target.fromString(utf8(value));
    }
  }

  private static final class BytesConverter extends BinaryConverter {
    BytesConverter(CqlTarget target, RowState row, int column) {
      super(target, row, column, false);
    }

    @Override
    Object convert(Binary value) {
      ByteBuffer b = value.toByteBuffer();
      byte[] copy = new byte[b.remaining()];
      b.duplicate().get(copy);
      return target.fromBytes(copy);
    }
  }

  private static final class DecimalConverter extends BinaryConverter {
    private final int scale;

    DecimalConverter(CqlTarget target, RowState row, int column, int scale) {
      super(target, row, column, true);
      this.scale = scale;
    }

    @Override
    Object convert(Binary value) {
      return target.fromDecimal(new BigDecimal(new BigInteger(value.getBytesUnsafe()), scale));
    }

    @Override
    public void addInt(int v) {
      addLong(v);
    }

    @Override
    public void addLong(long v) {
      try {
        set(target.fromDecimal(BigDecimal.valueOf(v, scale)));
      } catch (Rejected r) {
        refuse(r);
      }
    }
  }

  private static final class UuidConverter extends BinaryConverter {
    UuidConverter(CqlTarget target, RowState row, int column) {
      super(target, row, column, true);
    }

    @Override
    Object convert(Binary value) {
      ByteBuffer b = ByteBuffer.wrap(value.getBytesUnsafe());
      return target.fromUuid(new UUID(b.getLong(0), b.getLong(8)));
    }
  }

  /**
   * Parquet INTERVAL: three little-endian unsigned 32-bit integers, months, days and milliseconds
   * (the Parquet spec; DuckDB writes its INTERVAL so, without the microseconds).
   */
  private static final class IntervalConverter extends BinaryConverter {
    IntervalConverter(CqlTarget target, RowState row, int column) {
      super(target, row, column, false);
    }

    @Override
    Object convert(Binary value) {
      if (value.length() != 12) {
        throw new Rejected("an INTERVAL value of " + value.length() + " bytes is not 12");
      }
      ByteBuffer b = value.toByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
      return target.fromInterval(
          Integer.toUnsignedLong(b.getInt(0)),
          Integer.toUnsignedLong(b.getInt(4)),
          Integer.toUnsignedLong(b.getInt(8)));
    }
  }

  /**
   * Decodes UTF-8 strictly: the fast JDK decoding, checked by a strict decoder only when it
   * produced a replacement character (which then may be real text or a malformed byte).
   */
  static String utf8(Binary value) {
    String s = value.toStringUsingUTF8();
    if (s.indexOf('\uFFFD') < 0) {
      return s;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(value.toByteBuffer())
          .toString();
    } catch (CharacterCodingException e) {
      throw new Rejected("the text is not valid UTF-8");
    }
  }
}
