package io.cqlp.format.parquet;

import com.datastax.oss.driver.api.core.type.DataType;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlScalar;
import io.cqlp.types.CqlText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * How CQL columns are stored in Parquet files that cqlp writes. Every column is OPTIONAL (CQL
 * NULL is a Parquet null) and every type is chosen to be exact and to read by default in DuckDB,
 * pyarrow and Spark:
 *
 * <table>
 *   <caption>CQL type to Parquet type</caption>
 *   <tr><th>CQL</th><th>Parquet physical + logical type</th><th>value</th></tr>
 *   <tr><td>ascii, text, varchar</td><td>BINARY STRING</td><td>UTF-8</td></tr>
 *   <tr><td>tinyint</td><td>INT32 INT(8, signed)</td><td></td></tr>
 *   <tr><td>smallint</td><td>INT32 INT(16, signed)</td><td></td></tr>
 *   <tr><td>int</td><td>INT32</td><td></td></tr>
 *   <tr><td>bigint, counter</td><td>INT64</td><td></td></tr>
 *   <tr><td>float</td><td>FLOAT</td><td>NaN, infinities and -0.0 kept</td></tr>
 *   <tr><td>double</td><td>DOUBLE</td><td>NaN, infinities and -0.0 kept</td></tr>
 *   <tr><td>boolean</td><td>BOOLEAN</td><td></td></tr>
 *   <tr><td>timestamp</td><td>INT64 TIMESTAMP(MILLIS, isAdjustedToUTC=true)</td>
 *       <td>milliseconds since 1970-01-01T00:00Z</td></tr>
 *   <tr><td>date</td><td>INT32 DATE</td><td>days since 1970-01-01, signed; CQL's whole range
 *       fits</td></tr>
 *   <tr><td>time</td><td>INT64 TIME(NANOS, isAdjustedToUTC=false)</td><td>nanoseconds since
 *       midnight; a CQL time is a local time of day, and DuckDB reads this as TIME_NS (exact)
 *       while it reads the UTC-adjusted variant as TIMETZ, cut to microseconds</td></tr>
 *   <tr><td>uuid, timeuuid</td><td>BINARY STRING</td><td>36 lower-case characters
 *       (FIXED[16] UUID is not read by Spark)</td></tr>
 *   <tr><td>blob</td><td>BINARY</td><td>the bytes</td></tr>
 *   <tr><td>inet</td><td>BINARY STRING</td><td>{@link InetAddress#getHostAddress()}</td></tr>
 *   <tr><td>decimal</td><td>BINARY STRING</td><td>{@link BigDecimal#toString()}: exact, with
 *       each value's own scale (no single Parquet DECIMAL(p, s) holds every CQL decimal)</td></tr>
 *   <tr><td>varint</td><td>BINARY STRING</td><td>decimal digits (Parquet DECIMAL stops at what
 *       readers hold in 38 digits)</td></tr>
 * </table>
 *
 * <p>The CQL type of each column is also written to the footer ({@code cqlp.schema}), so an
 * import can tell timeuuid from uuid and decimal text from plain text. Collections, user types,
 * tuples, vectors and duration are not mapped yet: {@link #writerFor} refuses them.
 */
public final class ParquetTypeMapping {
  private ParquetTypeMapping() {}

  /**
   * The Parquet schema of a file holding the given columns, in order, named as the columns.
   *
   * @throws IllegalArgumentException naming the first column whose CQL type is not mapped
   */
  public static MessageType schemaOf(List<ColumnSpec> columns) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (ColumnSpec c : columns) {
      b.addField(parquetType(c));
    }
    return b.named("cqlp");
  }

  /**
   * The Parquet field of one column.
   *
   * @throws IllegalArgumentException if the column's CQL type is not mapped
   */
  public static Type parquetType(ColumnSpec column) {
    CqlScalar scalar = scalarOf(column);
    switch (scalar) {
      case TINYINT:
        return int32(LogicalTypeAnnotation.intType(8, true), column);
      case SMALLINT:
        return int32(LogicalTypeAnnotation.intType(16, true), column);
      case INT:
        return int32(null, column);
      case DATE:
        return int32(LogicalTypeAnnotation.dateType(), column);
      case BIGINT:
      case COUNTER:
        return int64(null, column);
      case TIMESTAMP:
        return int64(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS), column);
      case TIME:
        return int64(LogicalTypeAnnotation.timeType(false, TimeUnit.NANOS), column);
      case FLOAT:
        return Types.optional(PrimitiveTypeName.FLOAT).named(column.name());
      case DOUBLE:
        return Types.optional(PrimitiveTypeName.DOUBLE).named(column.name());
      case BOOLEAN:
        return Types.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
      case BLOB:
        return Types.optional(PrimitiveTypeName.BINARY).named(column.name());
      default:
        return Types.optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named(column.name());
    }
  }

  private static Type int32(LogicalTypeAnnotation annotation, ColumnSpec column) {
    return Types.optional(PrimitiveTypeName.INT32).as(annotation).named(column.name());
  }

  private static Type int64(LogicalTypeAnnotation annotation, ColumnSpec column) {
    return Types.optional(PrimitiveTypeName.INT64).as(annotation).named(column.name());
  }

  /**
   * The writer of one column's values, matching {@link #parquetType}.
   *
   * @throws IllegalArgumentException if the column's CQL type is not mapped
   */
  static ValueWriter writerFor(ColumnSpec column) {
    switch (scalarOf(column)) {
      case TINYINT:
        return new ValueWriter(Byte.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addInteger((Byte) v);
          }
        };
      case SMALLINT:
        return new ValueWriter(Short.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addInteger((Short) v);
          }
        };
      case INT:
        return new ValueWriter(Integer.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addInteger((Integer) v);
          }
        };
      case BIGINT:
      case COUNTER:
        return new ValueWriter(Long.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addLong((Long) v);
          }
        };
      case FLOAT:
        return new ValueWriter(Float.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addFloat((Float) v);
          }
        };
      case DOUBLE:
        return new ValueWriter(Double.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addDouble((Double) v);
          }
        };
      case BOOLEAN:
        return new ValueWriter(Boolean.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addBoolean((Boolean) v);
          }
        };
      case TIMESTAMP:
        return new TimestampWriter();
      case DATE:
        return new DateWriter();
      case TIME:
        return new ValueWriter(LocalTime.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addLong(((LocalTime) v).toNanoOfDay());
          }
        };
      case ASCII:
      case TEXT:
        return new ValueWriter(String.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addBinary(utf8((String) v));
          }
        };
      case UUID:
      case TIMEUUID:
        return new ValueWriter(UUID.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addBinary(utf8(CqlText.format((UUID) v)));
          }
        };
      case BLOB:
        return new ValueWriter(ByteBuffer.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            // "Reused": parquet-java copies the bytes it keeps (dictionary, statistics), so a
            // caller may reuse its buffer after the row is written.
            c.addBinary(Binary.fromReusedByteBuffer(((ByteBuffer) v).duplicate()));
          }
        };
      case INET:
        return new ValueWriter(InetAddress.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addBinary(utf8(CqlText.format((InetAddress) v)));
          }
        };
      case DECIMAL:
        return new ValueWriter(BigDecimal.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addBinary(utf8(v.toString()));
          }
        };
      case VARINT:
        return new ValueWriter(BigInteger.class) {
          @Override
          void write(RecordConsumer c, Object v) {
            c.addBinary(utf8(v.toString()));
          }
        };
      default:
        throw unsupported(column);
    }
  }

  /**
   * UTF-8 bytes in a byte-array Binary: parquet-java compares and hashes those much faster than
   * the ByteBuffer-backed ones of {@code Binary.fromString} (statistics, dictionary).
   */
  private static Binary utf8(String s) {
    return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
  }

  private static CqlScalar scalarOf(ColumnSpec column) {
    return CqlScalar.of(column.type()).orElseThrow(() -> unsupported(column));
  }

  private static IllegalArgumentException unsupported(ColumnSpec column) {
    DataType t = column.type();
    return new IllegalArgumentException(
        "column '" + column.name() + "' has CQL type " + t.asCql(false, true)
            + ", which cqlp cannot write to Parquet yet");
  }

  /** Milliseconds; an Instant with sub-millisecond digits is refused rather than truncated. */
  private static final class TimestampWriter extends ValueWriter {
    TimestampWriter() {
      super(Instant.class);
    }

    @Override
    boolean checksValues() {
      return true;
    }

    @Override
    String check(Object value) {
      Instant i = (Instant) value;
      if (i.getNano() % 1_000_000 != 0) {
        return "timestamp " + i + " has sub-millisecond digits; CQL timestamps hold milliseconds";
      }
      try {
        i.toEpochMilli();
        return null;
      } catch (ArithmeticException e) {
        return "timestamp " + i + " is out of the range of CQL timestamps";
      }
    }

    @Override
    void write(RecordConsumer c, Object v) {
      c.addLong(((Instant) v).toEpochMilli());
    }
  }

  /** Signed days since the epoch; beyond CQL's range (a signed 32-bit day count) is refused. */
  private static final class DateWriter extends ValueWriter {
    DateWriter() {
      super(LocalDate.class);
    }

    @Override
    boolean checksValues() {
      return true;
    }

    @Override
    String check(Object value) {
      long days = ((LocalDate) value).toEpochDay();
      return days == (int) days ? null : "date " + value + " is out of the range of CQL dates";
    }

    @Override
    void write(RecordConsumer c, Object v) {
      c.addInteger((int) ((LocalDate) v).toEpochDay());
    }
  }
}
