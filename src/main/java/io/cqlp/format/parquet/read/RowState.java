package io.cqlp.format.parquet.read;

/**
 * The row being assembled by the converters of one reader: a fresh value array per row, and the
 * first value of the row that could not be converted.
 */
final class RowState {
  private final int width;
  Object[] values;
  int rejectedColumn = -1;
  String rejectedReason;

  /** Whether timestamps drop their digits below the millisecond (PRECISION_LOSS='TRUNCATE'). */
  boolean truncateSubMillis;

  RowState(int width) {
    this.width = width;
  }

  void start() {
    values = new Object[width];
    rejectedColumn = -1;
    rejectedReason = null;
  }

  void reject(int column, String reason) {
    if (rejectedColumn < 0) {
      rejectedColumn = column;
      rejectedReason = reason;
    }
  }
}
