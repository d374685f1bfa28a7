package io.cqlp.command;

/**
 * A shell command does not follow the grammar, for example {@code line 1:14: mismatched input
 * '<EOF>'. Expecting: 'TO', 'FROM'}.
 *
 * <p>{@link #getMessage()} is {@code line L:C: } followed by {@link #getErrorMessage()}, the format
 * of Trino's parser errors. Line and column are 1-based and relative to the text given to {@link
 * CommandParser#parse(String)}; a caller that parsed one statement of a larger script adds its own
 * line offset.
 */
public class ParsingException extends CommandException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String errorMessage;

  /**
   * @param errorMessage what is wrong, without the position
   * @param line 1-based line of the offending text
   * @param column 1-based column of the offending text
   */
  public ParsingException(String errorMessage, int line, int column) {
    super("line " + line + ":" + column + ": " + errorMessage);
    this.errorMessage = errorMessage;
    this.line = line;
    this.column = column;
  }

  /**
   * @return the 1-based line of the error
   */
  public int getLineNumber() {
    return line;
  }

  /**
   * @return the 1-based column of the error
   */
  public int getColumnNumber() {
    return column;
  }

  /**
   * @return the message without the {@code line L:C: } prefix
   */
  public String getErrorMessage() {
    return errorMessage;
  }
}
