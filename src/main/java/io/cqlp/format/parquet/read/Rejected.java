package io.cqlp.format.parquet.read;

/**
 * A value that cannot be converted to its target CQL type; the message is a short reason quoting
 * the value. Internal and cheap (no stack trace): the reader turns it into a {@link
 * io.cqlp.rows.ConversionException} naming file, row and column.
 */
final class Rejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Rejected(String reason) {
    super(reason, null, false, false);
  }
}
