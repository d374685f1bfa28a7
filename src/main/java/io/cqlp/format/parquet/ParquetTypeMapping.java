package io.cqlp.format.parquet;

import com.datastax.oss.driver.api.core.type.DataType;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlScalar;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.List;
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
    return ValueWriter.of(scalarOf(column));
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
}
