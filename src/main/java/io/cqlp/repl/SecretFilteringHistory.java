package io.cqlp.repl;

import java.time.Instant;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * History that never records a line that may carry a password: LOGIN, and any statement naming
 * PASSWORD (CREATE/ALTER ROLE or USER ... WITH PASSWORD).
 */
final class SecretFilteringHistory extends DefaultHistory {
  private static final Pattern SECRET =
      Pattern.compile("(?is)^\\s*login\\b.*|.*\\bpassword\\b.*|.*\\bhashed\\s+password\\b.*");

  @Override
  public void add(Instant time, String line) {
    if (!mayHoldSecret(line)) {
      super.add(time, line);
    }
  }

  /** True when {@code line} may hold a password and must stay out of the history file. */
  static boolean mayHoldSecret(String line) {
    return SECRET.matcher(line).matches();
  }
}
