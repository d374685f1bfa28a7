package io.cqlp.transfer;

/**
 * A value that cannot be converted between a file type and a CQL type. The message is one line
 * for the user: what value, where (file, row, column), and the two types involved.
 */
public class ConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line naming the file, row, column and types */
  public ConversionException(String message) {
    super(message);
  }

  /** @param message one line naming the file, row, column and types; @param cause the parse error */
  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
