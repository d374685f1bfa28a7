package io.cqlp.session;

import io.cqlp.logging.SecretRedaction;
import io.cqlp.output.ErrorText;
import java.io.PrintWriter;

/**
 * Prints errors as one line each, the way cqlsh does: {@code <source>:<line>:<message>} for scripts
 * and {@code <message>} at the prompt, with Cassandra's errors named as cqlsh names them ({@code
 * InvalidRequest: Error from server: ...}). A stack trace only with {@code --debug}.
 */
public final class ErrorReporter {
  private final PrintWriter err;
  private final boolean debug;
  private int count;
  private boolean colors;

  /**
   * @param err where errors go (standard error)
   * @param debug also print stack traces
   */
  public ErrorReporter(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  /**
   * @param on print errors in cqlsh's red (only when standard output is a terminal); off by default
   * @return this reporter
   */
  public ErrorReporter colors(boolean on) {
    this.colors = on;
    return this;
  }

  /**
   * Reports a failure.
   *
   * @param source script name, or {@code null} at the prompt
   * @param line 1-based line of the statement in the script
   * @param error the failure; its message is shown, made one line
   */
  public void report(String source, int line, Throwable error) {
    report(source, line, ErrorText.describe(error));
    if (debug) {
      // the trace's messages may quote the statement (CREATE ROLE ... PASSWORD '...'): masked too
      java.io.StringWriter trace = new java.io.StringWriter();
      error.printStackTrace(new java.io.PrintWriter(trace));
      err.print(SecretRedaction.redact(trace.toString()));
      err.flush();
    }
  }

  /** Reports a message as one line, prefixed with {@code source:line:} when from a script. */
  public void report(String source, int line, String message) {
    count++;
    String oneLine =
        message == null
            ? ""
            : SecretRedaction.redact(message.replaceAll("\\s*\\R\\s*", " ").trim());
    String text = source == null ? oneLine : source + ":" + line + ":" + oneLine;
    err.println(colors ? io.cqlp.output.Ansi.RED + text + io.cqlp.output.Ansi.RESET : text);
    err.flush();
  }

  /** Prints an informational line (progress) on the error stream; it is not counted as an error. */
  public void note(String message) {
    err.println(SecretRedaction.redact(message));
    err.flush();
  }

  /**
   * Prints {@code text} on the error stream without a line end (a progress line rewritten in place
   * with carriage returns); not counted as an error.
   */
  public void status(String text) {
    err.print(text);
    err.flush();
  }

  /**
   * True with {@code --debug}: stack traces, the choices of COPY's scans, and the S3 requests of
   * each statement are printed.
   */
  public boolean debug() {
    return debug;
  }

  /** Errors reported so far. */
  public int count() {
    return count;
  }
}
