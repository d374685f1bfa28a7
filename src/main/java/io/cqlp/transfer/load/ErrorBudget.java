package io.cqlp.transfer.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the rows of an import that failed, parse errors and insert errors apart, against their
 * maximums (COPY FROM's MAXPARSEERRORS and MAXINSERTERRORS).
 *
 * <p>As in cqlsh's {@code ImportErrorHandler.max_exceeded}: a negative maximum means no limit, and
 * a maximum is exceeded when the count goes past it ({@code count > max}), so {@code
 * MAXPARSEERRORS=0} stops at the first bad row and {@code MAXINSERTERRORS=10} tolerates ten failed
 * rows. cqlsh's defaults: {@link #DEFAULT_MAX_PARSE_ERRORS} and {@link #DEFAULT_MAX_INSERT_ERRORS}.
 * Thread-safe: insert errors are counted from the driver's threads.
 */
public final class ErrorBudget {

  /** cqlsh's default MAXPARSEERRORS: {@value}, no limit. */
  public static final long DEFAULT_MAX_PARSE_ERRORS = -1;

  /** cqlsh's default MAXINSERTERRORS: {@value}. */
  public static final long DEFAULT_MAX_INSERT_ERRORS = 1000;

  private final long maxParseErrors;
  private final long maxInsertErrors;
  private final AtomicLong parseErrors = new AtomicLong();
  private final AtomicLong insertErrors = new AtomicLong();

  /**
   * @param maxParseErrors rows that may fail to convert; negative for no limit
   * @param maxInsertErrors rows that may fail to be written; negative for no limit
   */
  public ErrorBudget(long maxParseErrors, long maxInsertErrors) {
    this.maxParseErrors = maxParseErrors;
    this.maxInsertErrors = maxInsertErrors;
  }

  /** Counts {@code rows} more rows that could not be converted. */
  public void addParseErrors(long rows) {
    parseErrors.addAndGet(rows);
  }

  /** Counts {@code rows} more rows whose write failed for good. */
  public void addInsertErrors(long rows) {
    insertErrors.addAndGet(rows);
  }

  /** Rows that could not be converted so far. */
  public long parseErrors() {
    return parseErrors.get();
  }

  /** Rows whose write failed for good so far. */
  public long insertErrors() {
    return insertErrors.get();
  }

  /** Whether either count has gone past its maximum. */
  public boolean exceeded() {
    return exceededMessage() != null;
  }

  /**
   * cqlsh's message for an exceeded budget, insert errors first as cqlsh checks them: {@code
   * Exceeded maximum number of insert errors 1000}, or {@code null} while within both maximums.
   */
  public String exceededMessage() {
    if (maxInsertErrors >= 0 && insertErrors.get() > maxInsertErrors) {
      return "Exceeded maximum number of insert errors " + maxInsertErrors;
    }
    if (maxParseErrors >= 0 && parseErrors.get() > maxParseErrors) {
      return "Exceeded maximum number of parse errors " + maxParseErrors;
    }
    return null;
  }
}
