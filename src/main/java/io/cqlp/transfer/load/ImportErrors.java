package io.cqlp.transfer.load;

import io.cqlp.rows.ConversionException;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an import does with a row that fails: counts it in the {@link ErrorBudget}, writes it to the
 * {@link ErrorFile}, and prints one line of reason, in cqlsh's words: {@code Failed to import 1
 * rows: ParseError - <reason>, given up without retries} or {@code Failed to import 20 rows:
 * WriteTimeout - <reason>, given up after 5 attempts}.
 *
 * <p>At most {@link #MAX_REASON_LINES} reason lines are printed, then one line saying that the rest
 * are only counted; every failed row still goes to the file. Thread-safe.
 */
public final class ImportErrors {

  /** Reason lines printed at most: {@value}. */
  public static final int MAX_REASON_LINES = 50;

  /** Characters of an error's message kept on its reason line: {@value}. */
  static final int MAX_REASON_CHARS = 300;

  private final ErrorBudget budget;
  private final ErrorFile file;
  private final Consumer<String> lines;
  private int printed;
  private long notAttempted;

  /**
   * @param budget counts and maximums
   * @param file where failed rows go
   * @param lines receives each reason line (standard error)
   */
  public ImportErrors(ErrorBudget budget, ErrorFile file, Consumer<String> lines) {
    this.budget = budget;
    this.file = file;
    this.lines = lines;
  }

  /** The counts. */
  public ErrorBudget budget() {
    return budget;
  }

  /** The error file. */
  public ErrorFile file() {
    return file;
  }

  /**
   * A row the source could not convert.
   *
   * @param error the source's error (file, row and column named)
   * @param record the record's text for a text input, else {@code null}: then the values the
   *     exception carries are written, the refused one marked
   */
  public void parseError(ConversionException error, String record) {
    budget.addParseErrors(1);
    if (record != null) {
      file.write(null, record);
    } else {
      file.writeRefused(error.values(), error.refusedColumn(), error.reason());
    }
    reason(
        "Failed to import 1 rows: ParseError - "
            + shorten(error.getMessage())
            + ",  given up without retries");
  }

  /**
   * Rows whose write failed for good.
   *
   * @param rows the rows, written to the file
   * @param error the last attempt's error
   * @param attempts attempts made
   */
  public void insertError(List<LoadRow> rows, Throwable error, int attempts) {
    budget.addInsertErrors(rows.size());
    for (LoadRow row : rows) {
      file.write(row.values(), row.record());
    }
    reason(
        "Failed to import "
            + rows.size()
            + " rows: "
            + WriteErrors.name(error)
            + " - "
            + shorten(WriteErrors.message(error))
            + ",  given up after "
            + attempts
            + " attempt"
            + (attempts == 1 ? "" : "s"));
  }

  /**
   * Rows that were read but never sent because the import stopped: written to the file so that it
   * holds every row not imported; not counted as errors.
   */
  public void notAttempted(Object[] values, String record) {
    synchronized (this) {
      notAttempted++;
    }
    file.write(values, record);
  }

  /** As {@link #notAttempted(Object[], String)}, for a row that did not convert either. */
  public void notAttemptedRefused(ConversionException error) {
    synchronized (this) {
      notAttempted++;
    }
    file.writeRefused(error.values(), error.refusedColumn(), error.reason());
  }

  /** Rows written to the file because the import stopped before sending them. */
  public synchronized long notAttempted() {
    return notAttempted;
  }

  private void reason(String line) {
    String out;
    synchronized (this) {
      printed++;
      if (printed > MAX_REASON_LINES + 1) {
        return;
      }
      out =
          printed <= MAX_REASON_LINES
              ? line
              : "More rows failed; they are counted and written to "
                  + file.path()
                  + " without a line each.";
    }
    lines.accept(out);
  }

  private static String shorten(String message) {
    String one = message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    return one.length() <= MAX_REASON_CHARS ? one : one.substring(0, MAX_REASON_CHARS - 3) + "...";
  }
}
