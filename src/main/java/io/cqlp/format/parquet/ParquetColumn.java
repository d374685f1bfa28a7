package io.cqlp.format.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * A top-level column of a Parquet file, as its footer describes it.
 *
 * @param name the field name, case kept; not null
 * @param type the Parquet type in words: physical type, {@code (length)} for
 *     FIXED_LEN_BYTE_ARRAY, then the logical type if any, e.g. {@code INT64},
 *     {@code INT64 TIMESTAMP(MICROS,false)}, {@code FIXED_LEN_BYTE_ARRAY(16) UUID}, {@code
 *     BINARY STRING}; nested columns read {@code group LIST}, {@code group MAP} or {@code group};
 *     {@code repeated } is prefixed to repeated fields; not null
 */
public record ParquetColumn(String name, String type) {

  /** The column of a top-level field of a file schema. */
  static ParquetColumn of(Type field) {
    return new ParquetColumn(field.getName(), describe(field));
  }

  /** A field's type in the words of {@link #type()}. */
  static String describe(Type field) {
    StringBuilder b = new StringBuilder();
    if (field.isRepetition(Type.Repetition.REPEATED)) {
      b.append("repeated ");
    }
    LogicalTypeAnnotation a = field.getLogicalTypeAnnotation();
    if (field.isPrimitive()) {
      PrimitiveType p = field.asPrimitiveType();
      b.append(p.getPrimitiveTypeName());
      if (p.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
        b.append('(').append(p.getTypeLength()).append(')');
      }
    } else {
      b.append("group");
    }
    if (a != null) {
      b.append(' ').append(a);
    }
    return b.toString();
  }
}
