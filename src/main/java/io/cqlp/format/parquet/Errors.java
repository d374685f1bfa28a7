package io.cqlp.format.parquet;

/**
 * Shapes the messages of caught exceptions for one-line user errors; shared by the Parquet reader
 * ({@code read}), writer ({@code write}) and codecs ({@code codec}), which wrap parquet-java's and
 * the codec libraries' exceptions in messages naming the file.
 */
public final class Errors {
  private Errors() {}

  /**
   * The first line of an exception's message, or its simple class name if it has none; a trailing
   * {@code Struct: ...} that Thrift appends is dropped.
   *
   * @param e the exception; not null
   * @return the line, without a line break; not null
   */
  public static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    String line = nl < 0 ? m : m.substring(0, nl);
    // Thrift adds the name and hash of its internal scheme object: no help to a user.
    return line.replaceFirst("\\s*Struct: \\S+$", "");
  }

  /**
   * {@link #oneLine} of an exception followed by that of its first cause with another message
   * (parquet-java wraps e.g. a codec's "corrupt SNAPPY page" in "could not decompress page"),
   * joined by {@code ": "}; just {@link #oneLine} when there is no such cause.
   *
   * @param e the exception; not null
   * @return the line, without a line break; not null
   */
  public static String withCause(Throwable e) {
    String line = oneLine(e);
    Throwable cause = e.getCause();
    if (cause != null
        && cause != e
        && cause.getMessage() != null
        && !line.contains(oneLine(cause))) {
      return line + ": " + oneLine(cause);
    }
    return line;
  }
}
