package io.cqlp.transfer.plan;

import com.datastax.oss.driver.api.core.metadata.token.Token;

/**
 * One slice of the token ring to scan: the rows whose partition token {@code t} satisfies {@code
 * start < t <= end}. A null {@code start} means from the ring's beginning (no lower bound), a null
 * {@code end} means to the ring's end (no upper bound); both null is the whole table.
 *
 * @param start exclusive lower bound, or {@code null}
 * @param end inclusive upper bound, or {@code null}
 */
public record ScanRange(Token start, Token end) {

  /** The whole ring in one scan. */
  public static ScanRange all() {
    return new ScanRange(null, null);
  }
}
