package io.cqlp.command;

/**
 * A shell command the user typed cannot be carried out as written: an unknown option, a value of
 * the wrong kind, a combination that makes no sense.
 *
 * <p>The message is one line meant for the user: what is wrong, where, and how to fix it. It never
 * holds a stack trace. {@link ParsingException} is the subclass for syntax errors, so callers can
 * catch this one type for every user error of the command layer.
 */
public class CommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the one-line message shown to the user
   */
  public CommandException(String message) {
    super(message);
  }
}
