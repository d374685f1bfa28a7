package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.metadata.token.Token;
import io.cqlp.output.ErrorText;
import io.cqlp.transfer.plan.ScanRange;
import java.util.List;
import java.util.function.Function;

/**
 * The one line a user reads when token-range scans failed for good: how many ranges failed, the
 * bounds of the first few, how many attempts each had, and the driver's error in cqlsh's words.
 */
public final class ScanFailureMessage {
  /** Ranges named in the line; the rest are only counted. */
  static final int SHOWN = 3;

  private ScanFailureMessage() {}

  /**
   * @param failure the scanner's error
   * @param ranges the scanner's ranges, by index
   * @param tokens formats a token (e.g. {@code TokenMap::format})
   * @return e.g. {@code 2 token ranges failed after 5 attempts, (-9223372036854775808,
   *     -8070450532247928833], (0, 1152921504606846975]: NoHostAvailable: ...}
   */
  public static String describe(
      ScanException failure, List<ScanRange> ranges, Function<Token, String> tokens) {
    List<ScanException.RangeFailure> failed = failure.failures();
    if (failed.isEmpty()) {
      return "Token range scan failed: " + ErrorText.describe(failure.getCause());
    }
    StringBuilder line = new StringBuilder();
    int attempts = failed.stream().mapToInt(ScanException.RangeFailure::attempts).max().orElse(1);
    line.append(failed.size())
        .append(failed.size() == 1 ? " token range" : " token ranges")
        .append(" failed after ")
        .append(attempts)
        .append(attempts == 1 ? " attempt" : " attempts");
    String sep = ", ";
    int shown = 0;
    for (ScanException.RangeFailure f : failed) {
      if (f.range() < 0 || f.range() >= ranges.size() || shown == SHOWN) {
        continue;
      }
      ScanRange r = ranges.get(f.range());
      line.append(sep)
          .append('(')
          .append(r.start() == null ? "ring start" : tokens.apply(r.start()))
          .append(", ")
          .append(r.end() == null ? "ring end" : tokens.apply(r.end()))
          .append(']');
      shown++;
    }
    if (failed.size() > shown && shown > 0) {
      line.append(", ...");
    }
    return line.append(": ").append(ErrorText.describe(failed.get(0).cause())).toString();
  }
}
