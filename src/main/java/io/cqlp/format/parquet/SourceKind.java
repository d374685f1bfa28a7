package io.cqlp.format.parquet;

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
  UUID
}
