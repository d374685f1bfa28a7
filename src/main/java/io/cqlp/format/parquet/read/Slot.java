package io.cqlp.format.parquet.read;

/**
 * Where a converted value goes when it is not a top-level column of the row: an element of a list
 * being assembled, a field of a user type or tuple, a map key or value. One slot per place, created
 * when the reader is opened.
 */
abstract class Slot {
  /** Receives one converted value; null for a Parquet null. */
  abstract void set(Object value);
}
