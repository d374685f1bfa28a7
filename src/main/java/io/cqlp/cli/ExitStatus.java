package io.cqlp.cli;

/** Exit statuses of the cqlp process, as cqlsh's. */
public enum ExitStatus {
  /** Everything ran. */
  OK(0),
  /** Could not connect (or start the local node). */
  CANNOT_CONNECT(1),
  /** A statement failed in {@code -e}/{@code -f}/pipe mode, or the command line was wrong. */
  STATEMENT_FAILED(2);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  /** The process exit code. */
  public int code() {
    return code;
  }
}
