package io.cqlp.format.parquet;

import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes the non-null values of one column to Parquet, precomputed per column so that the row
 * loop does no type dispatch of its own.
 *
 * <p>{@link #check} runs for every value before any value of the row is written, so a bad value
 * never leaves a half-written row in the file.
 */
abstract class ValueWriter {
  private final Class<?> javaType;

  ValueWriter(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The Java type the values must have (or extend). */
  final Class<?> javaType() {
    return javaType;
  }

  /**
   * Checks a value whose class is already known to be {@link #javaType()}.
   *
   * @return null if it can be written, else a short reason quoting the value
   */
  String check(Object value) {
    return null;
  }

  /** Whether {@link #check} does anything (so the row loop can skip it). */
  boolean checksValues() {
    return false;
  }

  /** Writes one checked, non-null value inside its field. */
  abstract void write(RecordConsumer consumer, Object value);
}
