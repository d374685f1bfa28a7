package io.cqlp.format.parquet.read;

import java.util.StringJoiner;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * A top-level column of a Parquet file, as its footer describes it.
 *
 * @param name the field name, case kept; not null
 * @param type the Parquet type in words: physical type, {@code (length)} for FIXED_LEN_BYTE_ARRAY,
 *     then the logical type if any, e.g. {@code INT64}, {@code INT64 TIMESTAMP(MICROS,false)},
 *     {@code FIXED_LEN_BYTE_ARRAY(16) UUID}, {@code BINARY STRING}; groups read {@code
 *     LIST<element>}, {@code MAP<key, value>} or {@code STRUCT<name: type, ...>} with their parts
 *     described alike ({@code LIST<STRUCT<a: INT32, b: BINARY STRING>>}), or {@code group} and the
 *     annotation for any other group; {@code repeated } is prefixed to repeated fields; not null
 */
public record ParquetColumn(String name, String type) {

  /** The column of a top-level field of a file schema. */
  static ParquetColumn of(Type field) {
    return new ParquetColumn(field.getName(), describe(field));
  }

  /** A field's type in the words of {@link #type()}. */
  static String describe(Type field) {
    return (field.isRepetition(Type.Repetition.REPEATED) ? "repeated " : "") + describeType(field);
  }

  /** The type without the repetition. */
  private static String describeType(Type field) {
    LogicalTypeAnnotation a = field.getLogicalTypeAnnotation();
    if (!field.isPrimitive()) {
      GroupType g = field.asGroupType();
      if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
          && FieldConverters.listElement(g) != null) {
        return "LIST<" + describeType(FieldConverters.listElement(g)) + ">";
      }
      GroupType entries = FieldConverters.mapEntries(g);
      if ((a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
              || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation)
          && entries != null) {
        return "MAP<"
            + describeType(entries.getType(0))
            + ", "
            + describeType(entries.getType(1))
            + ">";
      }
      if (a == null) {
        StringJoiner fields = new StringJoiner(", ", "STRUCT<", ">");
        for (Type f : g.getFields()) {
          fields.add(f.getName() + ": " + describe(f));
        }
        return fields.toString();
      }
      return "group " + a;
    }
    StringBuilder b = new StringBuilder();
    PrimitiveType p = field.asPrimitiveType();
    b.append(p.getPrimitiveTypeName());
    if (p.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
      b.append('(').append(p.getTypeLength()).append(')');
    }
    if (a != null) {
      b.append(' ').append(a);
    }
    return b.toString();
  }
}
