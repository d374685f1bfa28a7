package io.cqlp.session;

import java.util.regex.Pattern;

/**
 * Masks the passwords a message may quote back: the string after {@code PASSWORD} (CREATE and
 * ALTER ROLE or USER, with or without {@code =}, also {@code HASHED PASSWORD}) and the password of
 * {@code LOGIN user 'password'}. Cassandra's syntax errors quote the statement around the error,
 * and such a message must not carry a password to the terminal or a log.
 */
public final class SecretRedaction {
  private static final Pattern AFTER_PASSWORD =
      Pattern.compile("(?i)(\\bpassword\\s*(?:=\\s*)?)'(?:[^']|'')*'?");
  private static final Pattern LOGIN =
      Pattern.compile("(?i)(\\blogin\\s+\\S+\\s+)'(?:[^']|'')*'?");
  private static final String MASK = "'*****'";

  private SecretRedaction() {}

  /**
   * @param message a message to show; may be null
   * @return the message with every quoted password replaced by {@code '*****'}
   */
  public static String redact(String message) {
    if (message == null) {
      return null;
    }
    String masked = AFTER_PASSWORD.matcher(message).replaceAll("$1" + MASK);
    return LOGIN.matcher(masked).replaceAll("$1" + MASK);
  }
}
