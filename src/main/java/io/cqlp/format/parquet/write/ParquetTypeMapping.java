package io.cqlp.format.parquet.write;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.CqlScalar;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * How CQL columns are stored in Parquet files that cqlp writes. A partition key column is REQUIRED,
 * since no CQL row has a null there (Spark reads it as not nullable), and so is a clustering column
 * of a table without static columns; every other column is OPTIONAL (CQL NULL is a Parquet null).
 * In a table with static columns, a partition that holds only static values comes back as one row
 * whose clustering columns are null, so there they stay OPTIONAL. Every type is chosen to be exact
 * and to read by default in DuckDB, pyarrow and Spark:
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
 *   <tr><td>bigint {@code writetime(c)} ({@link ColumnKind#WRITETIME})</td><td>INT64
 *       TIMESTAMP(MICROS, isAdjustedToUTC=true)</td><td>microseconds since 1970-01-01T00:00Z, CQL's
 *       WRITETIME</td></tr>
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
 * <p>Composite types are groups, nested to any depth, each element typed as above:
 *
 * <table>
 *   <caption>CQL composite type to Parquet group</caption>
 *   <tr><th>CQL</th><th>Parquet</th></tr>
 *   <tr><td>list&lt;T&gt;, set&lt;T&gt;, vector&lt;T, n&gt;</td><td>{@code group (LIST) {
 *       repeated group list { optional T element; } }}: the 3-level list of the Parquet spec,
 *       elements OPTIONAL</td></tr>
 *   <tr><td>map&lt;K, V&gt;</td><td>{@code group (MAP) { repeated group key_value { required K
 *       key; optional V value; } }}</td></tr>
 *   <tr><td>user type</td><td>a group with one OPTIONAL field per UDT field, named as
 *       it</td></tr>
 *   <tr><td>tuple&lt;A, B, ...&gt;</td><td>a group of OPTIONAL fields {@code f0}, {@code f1},
 *       ...</td></tr>
 *   <tr><td>duration</td><td>{@code group { required int32 months; required int32 days;
 *       required int64 nanoseconds; }} (not INTERVAL, which holds milliseconds and which DuckDB
 *       reads as NULL)</td></tr>
 * </table>
 *
 * <p>A frozen and a non-frozen collection map alike; an empty collection is a group without
 * entries, distinct from a null one. {@link ParquetTypeOptions} changes the types of uuid, decimal
 * and time, nested values included.
 *
 * <p>The CQL type of each column is also written to the footer ({@code cqlp.schema}), so an import
 * can tell timeuuid from uuid, decimal text from plain text and a set from a list.
 */
public final class ParquetTypeMapping {
  private ParquetTypeMapping() {}

  /**
   * The Parquet schema of a file holding the given columns, in order, named as the columns, with
   * the default types.
   *
   * @throws IllegalArgumentException naming the first column whose CQL type is not mapped
   */
  public static MessageType schemaOf(List<ColumnSpec> columns) {
    return schemaOf(columns, ParquetTypeOptions.DEFAULTS);
  }

  /**
   * The Parquet schema of a file holding the given columns, in order, named as the columns.
   *
   * @param types the choices for uuid, decimal and time; not null
   * @throws IllegalArgumentException naming the first column whose CQL type is not mapped
   */
  public static MessageType schemaOf(List<ColumnSpec> columns, ParquetTypeOptions types) {
    return schemaOf(columns, types, false);
  }

  /**
   * The Parquet schema of a file holding the given columns, in order, named as the columns, with
   * clustering columns REQUIRED when {@code requiredClustering} (see {@link #isRequired}).
   *
   * @param types the choices for uuid, decimal and time; not null
   * @throws IllegalArgumentException naming the first column whose CQL type is not mapped
   */
  public static MessageType schemaOf(
      List<ColumnSpec> columns, ParquetTypeOptions types, boolean requiredClustering) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (ColumnSpec c : columns) {
      b.addField(field(c, types, requiredClustering));
    }
    return b.named("cqlp");
  }

  /**
   * The Parquet field of one column, with the default types.
   *
   * @throws IllegalArgumentException if the column's CQL type is not mapped
   */
  public static Type parquetType(ColumnSpec column) {
    return parquetType(column, ParquetTypeOptions.DEFAULTS);
  }

  /**
   * Whether a column's Parquet field is REQUIRED: a partition key column, which no CQL row leaves
   * null, or a clustering column when {@code requiredClustering} (its table has no static columns,
   * so no row leaves it null).
   */
  public static boolean isRequired(ColumnSpec column, boolean requiredClustering) {
    return column.kind() == ColumnKind.PARTITION_KEY
        || (requiredClustering && column.kind() == ColumnKind.CLUSTERING);
  }

  /**
   * The Parquet field of one column, named as the column: REQUIRED for a partition key column
   * ({@link #isRequired}), else OPTIONAL.
   *
   * @param types the choices for uuid, decimal and time; not null
   * @throws IllegalArgumentException if the column's CQL type (or a type nested in it) is not
   *     mapped: only custom types other than vector are not
   */
  public static Type parquetType(ColumnSpec column, ParquetTypeOptions types) {
    return field(column, types, false);
  }

  private static Type field(
      ColumnSpec column, ParquetTypeOptions types, boolean requiredClustering) {
    Repetition rep =
        isRequired(column, requiredClustering) ? Repetition.REQUIRED : Repetition.OPTIONAL;
    if (column.kind() == ColumnKind.WRITETIME && DataTypes.BIGINT.equals(column.type())) {
      // A write time is an instant in microseconds: typed so that readers show it as one.
      return primitive(
          PrimitiveTypeName.INT64,
          LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS),
          rep,
          column.name());
    }
    return type(column.type(), column.name(), rep, types, column);
  }

  /** The names of a tuple's fields in Parquet: f0, f1, ... */
  public static String tupleFieldName(int index) {
    return "f" + index;
  }

  private static Type type(
      DataType t, String name, Repetition rep, ParquetTypeOptions o, ColumnSpec column) {
    Optional<CqlScalar> scalar = CqlScalar.of(t);
    if (scalar.isPresent()) {
      return scalarType(scalar.get(), name, rep, o);
    }
    if (t instanceof ListType l) {
      return list(l.getElementType(), name, rep, o, column);
    }
    if (t instanceof SetType s) {
      return list(s.getElementType(), name, rep, o, column);
    }
    if (t instanceof VectorType v) {
      return list(v.getElementType(), name, rep, o, column);
    }
    if (t instanceof MapType m) {
      return Types.buildGroup(rep)
          .as(LogicalTypeAnnotation.mapType())
          .addField(
              Types.repeatedGroup()
                  .addField(type(m.getKeyType(), "key", Repetition.REQUIRED, o, column))
                  .addField(type(m.getValueType(), "value", Repetition.OPTIONAL, o, column))
                  .named("key_value"))
          .named(name);
    }
    if (t instanceof UserDefinedType u) {
      Types.GroupBuilder<org.apache.parquet.schema.GroupType> g = Types.buildGroup(rep);
      for (int i = 0; i < u.getFieldTypes().size(); i++) {
        g.addField(
            type(
                u.getFieldTypes().get(i),
                u.getFieldNames().get(i).asInternal(),
                Repetition.OPTIONAL,
                o,
                column));
      }
      return g.named(name);
    }
    if (t instanceof TupleType tuple) {
      Types.GroupBuilder<org.apache.parquet.schema.GroupType> g = Types.buildGroup(rep);
      for (int i = 0; i < tuple.getComponentTypes().size(); i++) {
        g.addField(
            type(
                tuple.getComponentTypes().get(i),
                tupleFieldName(i),
                Repetition.OPTIONAL,
                o,
                column));
      }
      return g.named(name);
    }
    if (DataTypes.DURATION.equals(t)) {
      return Types.buildGroup(rep)
          .required(PrimitiveTypeName.INT32)
          .named("months")
          .required(PrimitiveTypeName.INT32)
          .named("days")
          .required(PrimitiveTypeName.INT64)
          .named("nanoseconds")
          .named(name);
    }
    throw unsupported(column);
  }

  private static Type list(
      DataType element, String name, Repetition rep, ParquetTypeOptions o, ColumnSpec column) {
    return Types.buildGroup(rep)
        .as(LogicalTypeAnnotation.listType())
        .addField(
            Types.repeatedGroup()
                .addField(type(element, "element", Repetition.OPTIONAL, o, column))
                .named("list"))
        .named(name);
  }

  private static Type scalarType(
      CqlScalar scalar, String name, Repetition rep, ParquetTypeOptions o) {
    switch (scalar) {
      case TINYINT:
        return primitive(
            PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(8, true), rep, name);
      case SMALLINT:
        return primitive(
            PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(16, true), rep, name);
      case INT:
        return primitive(PrimitiveTypeName.INT32, null, rep, name);
      case DATE:
        return primitive(PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType(), rep, name);
      case BIGINT:
      case COUNTER:
        return primitive(PrimitiveTypeName.INT64, null, rep, name);
      case TIMESTAMP:
        return primitive(
            PrimitiveTypeName.INT64,
            LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS),
            rep,
            name);
      case TIME:
        return primitive(
            PrimitiveTypeName.INT64,
            LogicalTypeAnnotation.timeType(
                false, o.timeMicros() ? TimeUnit.MICROS : TimeUnit.NANOS),
            rep,
            name);
      case FLOAT:
        return primitive(PrimitiveTypeName.FLOAT, null, rep, name);
      case DOUBLE:
        return primitive(PrimitiveTypeName.DOUBLE, null, rep, name);
      case BOOLEAN:
        return primitive(PrimitiveTypeName.BOOLEAN, null, rep, name);
      case BLOB:
        return primitive(PrimitiveTypeName.BINARY, null, rep, name);
      case UUID:
      case TIMEUUID:
        if (o.uuidFixed()) {
          return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep)
              .length(16)
              .as(LogicalTypeAnnotation.uuidType())
              .named(name);
        }
        return primitive(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), rep, name);
      case DECIMAL:
        if (o.decimalFixed()) {
          return decimal(o.decimalPrecision(), o.decimalScale(), rep, name);
        }
        return primitive(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), rep, name);
      default:
        return primitive(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), rep, name);
    }
  }

  /** DECIMAL(p,s) over INT32 (p up to 9), INT64 (up to 18) or the smallest FIXED. */
  private static Type decimal(int precision, int scale, Repetition rep, String name) {
    LogicalTypeAnnotation a = LogicalTypeAnnotation.decimalType(scale, precision);
    if (precision <= 9) {
      return primitive(PrimitiveTypeName.INT32, a, rep, name);
    }
    if (precision <= 18) {
      return primitive(PrimitiveTypeName.INT64, a, rep, name);
    }
    return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep)
        .length(ValueWriter.fixedLength(precision))
        .as(a)
        .named(name);
  }

  private static Type primitive(
      PrimitiveTypeName physical, LogicalTypeAnnotation annotation, Repetition rep, String name) {
    return Types.primitive(physical, rep).as(annotation).named(name);
  }

  /**
   * The writer of one column's values with the default types, matching {@link #parquetType}.
   *
   * @throws IllegalArgumentException if the column's CQL type is not mapped
   */
  static ValueWriter writerFor(ColumnSpec column) {
    return writerFor(column, ParquetTypeOptions.DEFAULTS);
  }

  /**
   * The writer of one column's values, matching {@link #parquetType(ColumnSpec,
   * ParquetTypeOptions)}.
   *
   * @throws IllegalArgumentException if the column's CQL type is not mapped
   */
  static ValueWriter writerFor(ColumnSpec column, ParquetTypeOptions types) {
    return writer(column.type(), types, column);
  }

  private static ValueWriter writer(DataType t, ParquetTypeOptions o, ColumnSpec column) {
    Optional<CqlScalar> scalar = CqlScalar.of(t);
    if (scalar.isPresent()) {
      return ValueWriter.of(scalar.get(), o);
    }
    NestedWriter nested;
    if (t instanceof ListType l) {
      nested = new NestedWriter.Sequence(List.class, writer(l.getElementType(), o, column));
    } else if (t instanceof SetType s) {
      nested = new NestedWriter.Sequence(Set.class, writer(s.getElementType(), o, column));
    } else if (t instanceof VectorType v) {
      nested = new NestedWriter.Sequence(CqlVector.class, writer(v.getElementType(), o, column));
    } else if (t instanceof MapType m) {
      nested =
          new NestedWriter.MapWriter(
              writer(m.getKeyType(), o, column), writer(m.getValueType(), o, column));
    } else if (t instanceof UserDefinedType u) {
      List<ValueWriter> fields = new ArrayList<>();
      for (DataType f : u.getFieldTypes()) {
        fields.add(writer(f, o, column));
      }
      nested =
          new NestedWriter.Struct(
              UdtValue.class,
              u.getFieldNames().stream().map(CqlIdentifier::asInternal).toList(),
              fields);
    } else if (t instanceof TupleType tuple) {
      List<ValueWriter> fields = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (DataType f : tuple.getComponentTypes()) {
        names.add(tupleFieldName(names.size()));
        fields.add(writer(f, o, column));
      }
      nested = new NestedWriter.Struct(TupleValue.class, names, fields);
    } else if (DataTypes.DURATION.equals(t)) {
      nested = new NestedWriter.Duration();
    } else {
      throw unsupported(column);
    }
    return ValueWriter.nested(nested);
  }

  private static IllegalArgumentException unsupported(ColumnSpec column) {
    DataType t = column.type();
    return new IllegalArgumentException(
        "column '"
            + column.name()
            + "' has CQL type "
            + t.asCql(false, true)
            + ", which cqlp cannot write to Parquet");
  }
}
