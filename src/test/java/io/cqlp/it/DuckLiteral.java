package io.cqlp.it;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.GettableByIndex;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import io.cqlp.types.CqlScalar;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A CQL value (driver Java types) written as a DuckDB SQL expression of what cqlp's Parquet mapping
 * promises DuckDB reads: to be cast to the column's DuckDB type and compared there, so that DuckDB,
 * not cqlp, decides equality. Text and blobs go through hex, so any character is safe;
 * floating-point values through their shortest exact decimal text.
 */
final class DuckLiteral {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.nnnnnnnnn");

  private DuckLiteral() {}

  /** The expression of a value of the type; {@code NULL} for null. */
  static String of(DataType type, Object value) {
    if (value == null) {
      return "NULL";
    }
    if (type instanceof ListType l) {
      return list((Iterable<?>) value, l.getElementType());
    }
    if (type instanceof SetType s) {
      return list((Iterable<?>) value, s.getElementType());
    }
    if (type instanceof VectorType v) {
      return list((Iterable<?>) value, v.getElementType());
    }
    if (type instanceof MapType m) {
      StringJoiner j = new StringJoiner(", ", "MAP {", "}");
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        j.add(of(m.getKeyType(), e.getKey()) + ": " + of(m.getValueType(), e.getValue()));
      }
      return j.toString();
    }
    if (type instanceof UserDefinedType u) {
      List<String> names = u.getFieldNames().stream().map(n -> n.asInternal()).toList();
      return struct((GettableByIndex) value, names, u.getFieldTypes());
    }
    if (type instanceof TupleType t) {
      List<String> names = new java.util.ArrayList<>();
      for (int i = 0; i < t.getComponentTypes().size(); i++) {
        names.add("f" + i);
      }
      return struct((GettableByIndex) value, names, t.getComponentTypes());
    }
    if (DataTypes.DURATION.equals(type)) {
      CqlDuration d = (CqlDuration) value;
      return "{'months': "
          + d.getMonths()
          + ", 'days': "
          + d.getDays()
          + ", 'nanoseconds': "
          + d.getNanoseconds()
          + "}";
    }
    return scalar(CqlScalar.of(type).orElseThrow(), value);
  }

  private static String list(Iterable<?> values, DataType element) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (Object v : values) {
      j.add(of(element, v));
    }
    return j.toString();
  }

  private static String struct(GettableByIndex value, List<String> names, List<DataType> types) {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < names.size(); i++) {
      Object field = value.isNull(i) ? null : value.getObject(i);
      j.add("'" + names.get(i) + "': " + of(types.get(i), field));
    }
    return j.toString();
  }

  private static String scalar(CqlScalar s, Object v) {
    switch (s) {
      case ASCII:
      case TEXT:
        return "decode(from_hex('"
            + HexFormat.of().formatHex(((String) v).getBytes(StandardCharsets.UTF_8))
            + "'))";
      case TINYINT:
      case SMALLINT:
      case INT:
      case BIGINT:
      case COUNTER:
      case BOOLEAN:
        return v.toString();
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
      case VARINT:
      case UUID:
      case TIMEUUID:
        return "'" + v + "'";
      case TIMESTAMP:
        return "epoch_ms(" + ((Instant) v).toEpochMilli() + ")";
      case DATE:
        return "(DATE '1970-01-01' + " + ((LocalDate) v).toEpochDay() + ")";
      case TIME:
        return "'" + TIME.format((LocalTime) v) + "'";
      case BLOB:
        ByteBuffer b = ((ByteBuffer) v).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return "from_hex('" + HexFormat.of().formatHex(bytes) + "')";
      case INET:
        return "'" + ((InetAddress) v).getHostAddress() + "'";
      default:
        throw new IllegalArgumentException(s.name());
    }
  }
}
