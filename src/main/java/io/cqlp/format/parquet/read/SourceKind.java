package io.cqlp.format.parquet.read;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * What a Parquet column's values are, whatever their physical encoding: the unit of the type
 * conversion table of {@link CqlTarget}.
 */
enum SourceKind {
  /** INT32/INT64, with or without an INT(bits, signed) annotation; unsigned 64-bit too. */
  INTEGER,
  FLOAT,
  DOUBLE,
  BOOLEAN,
  /** INT64 TIMESTAMP(MILLIS|MICROS|NANOS) or INT96; instants on the UTC time line. */
  TIMESTAMP,
  /** INT32 DATE: days since 1970-01-01. */
  DATE,
  /** INT32 TIME(MILLIS) or INT64 TIME(MICROS|NANOS): time of day. */
  TIME,
  /** DECIMAL(p, s) over INT32, INT64, BINARY or FIXED_LEN_BYTE_ARRAY. */
  DECIMAL,
  /** BINARY STRING, ENUM or JSON: UTF-8 text. */
  STRING,
  /** BINARY or FIXED_LEN_BYTE_ARRAY without a text annotation: raw bytes. */
  BYTES,
  /** FIXED_LEN_BYTE_ARRAY(16) UUID. */
  UUID,
  /** FIXED_LEN_BYTE_ARRAY(12) INTERVAL: months, days, milliseconds. */
  INTERVAL;

  /**
   * The kind of values of a primitive column, or null if cqlp cannot read it (FLOAT16, unknown
   * annotations, FIXED_LEN_BYTE_ARRAY UUID of a length other than 16, INTERVAL other than 12).
   *
   * @param asBytes read any BINARY or FIXED_LEN_BYTE_ARRAY column without a DECIMAL annotation as
   *     raw bytes (for blob targets)
   */
  static SourceKind of(PrimitiveType type, boolean asBytes) {
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case BOOLEAN:
        return a == null ? BOOLEAN : null;
      case FLOAT:
        return a == null ? FLOAT : null;
      case DOUBLE:
        return a == null ? DOUBLE : null;
      case INT96:
        return a == null ? TIMESTAMP : null;
      case INT32:
      case INT64:
        if (a == null || a instanceof IntLogicalTypeAnnotation) {
          return INTEGER;
        }
        if (a instanceof DecimalLogicalTypeAnnotation) {
          return DECIMAL;
        }
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return type.getPrimitiveTypeName() == PrimitiveTypeName.INT32 ? DATE : null;
        }
        if (a instanceof TimeLogicalTypeAnnotation) {
          return TIME;
        }
        if (a instanceof TimestampLogicalTypeAnnotation) {
          return type.getPrimitiveTypeName() == PrimitiveTypeName.INT64 ? TIMESTAMP : null;
        }
        return null;
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        if (a instanceof DecimalLogicalTypeAnnotation) {
          return DECIMAL;
        }
        if (asBytes) {
          return BYTES;
        }
        if (a == null || a instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
          return BYTES;
        }
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return STRING;
        }
        if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation
            && type.getTypeLength() == 16) {
          return UUID;
        }
        if (a instanceof LogicalTypeAnnotation.IntervalLogicalTypeAnnotation
            && type.getTypeLength() == 12) {
          return INTERVAL;
        }
        return null;
      default:
        return null;
    }
  }
}
