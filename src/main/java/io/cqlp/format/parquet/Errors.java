package io.cqlp.format.parquet;

/** Shapes the messages of caught exceptions for one-line user errors. */
final class Errors {
  private Errors() {}

  /** The first line of an exception's message, or its class name if it has none. */
  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
