package io.cqlp.logging;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords in messages shown to the user, as {@code '*****'} or {@code *****}:
 *
 * <ul>
 *   <li>every occurrence of a password the shell was given ({@link #remember}: {@code -p}, the
 *       credentials file, the cqlshrc), when it is at least {@value #MIN_REMEMBERED} characters
 *       long (shorter ones would mask ordinary words);
 *   <li>the string after {@code PASSWORD} (CREATE and ALTER ROLE or USER, with or without {@code
 *       =}, also {@code HASHED PASSWORD}) and the password of {@code LOGIN user 'password'};
 *   <li>every string in the {@code (...)} excerpt of a syntax error that names a role option
 *       (LOGIN, SUPERUSER, OPTIONS, ACCESS TO): Cassandra's excerpt may begin inside {@code
 *       PASSWORD = '...'} and leave the keyword out.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class SecretRedaction {
  /** Shortest remembered password that is masked wherever it appears. */
  public static final int MIN_REMEMBERED = 4;

  private static final Pattern AFTER_PASSWORD =
      Pattern.compile("(?i)(\\bpassword\\s*(?:=\\s*)?)'(?:[^']|'')*'?");
  private static final Pattern LOGIN = Pattern.compile("(?i)(\\blogin\\s+\\S+\\s+)'(?:[^']|'')*'?");
  private static final Pattern ROLE_OPTION =
      Pattern.compile("(?i)\\b(login|superuser|options|access\\s+to)\\b");
  private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'?");
  private static final String MASK = "'*****'";
  private static final Set<String> REMEMBERED = new CopyOnWriteArraySet<>();

  private SecretRedaction() {}

  /**
   * Masks this password in every later message.
   *
   * @param password a password; null or shorter than {@value #MIN_REMEMBERED} is ignored
   */
  public static void remember(String password) {
    if (password != null && password.length() >= MIN_REMEMBERED) {
      REMEMBERED.add(password);
    }
  }

  /**
   * @param message a message to show; may be null
   * @return the message with passwords masked
   */
  public static String redact(String message) {
    if (message == null) {
      return null;
    }
    String masked = message;
    for (String secret : REMEMBERED) {
      masked = masked.replace(secret, "*****");
    }
    masked = AFTER_PASSWORD.matcher(masked).replaceAll("$1" + MASK);
    masked = LOGIN.matcher(masked).replaceAll("$1" + MASK);
    int excerpt = masked.indexOf("(...");
    if (excerpt >= 0 && ROLE_OPTION.matcher(masked.substring(excerpt)).find()) {
      Matcher literal = LITERAL.matcher(masked.substring(excerpt));
      masked = masked.substring(0, excerpt) + literal.replaceAll(Matcher.quoteReplacement(MASK));
    }
    return masked;
  }
}
