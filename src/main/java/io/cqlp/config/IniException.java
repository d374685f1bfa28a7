package io.cqlp.config;

/**
 * A line of an INI file (cqlshrc, credentials) that cannot be read; the message names the file and
 * the line: {@code /home/u/.cassandra/cqlshrc:7: option 'port' appears twice in section
 * [connection]}.
 */
public final class IniException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param source the file
   * @param line the 1-based line number
   * @param problem what is wrong
   */
  public IniException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
  }

  /**
   * @param message the whole message, naming the file
   */
  public IniException(String message) {
    super(message);
  }
}
