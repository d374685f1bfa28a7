package io.cqlp.command;

/**
 * One statement as the shell understands it, produced by {@link CommandParser#parse(String)}.
 *
 * <p>Shell commands are immutable records of their own; everything else is a {@link CqlStatement}
 * sent to Cassandra as typed. Commands are handled through {@link #accept(Visitor)}, which the
 * compiler checks for exhaustiveness.
 */
public sealed interface Command
    permits CopyTo,
        CopyFrom,
        Capture,
        Use,
        Consistency,
        Paging,
        Expand,
        Tracing,
        RunScript,
        Help,
        Exit,
        CqlStatement,
        Describe,
        Show,
        Login,
        History,
        Clear,
        DescribeFile,
        ShowFile,
        PendingUploads,
        Verify,
        CopyFileTo {

  /**
   * Hands this command to the visitor's method for its type: the shell's exhaustive dispatch. Each
   * command type calls its own {@code visit} overload, so a new command type does not compile until
   * {@link Visitor} has a method for it, and then no visitor compiles until it handles it.
   *
   * @param visitor the handler of every command type
   * @param <R> what the visitor returns
   * @return what the visitor returns for this command
   * @throws InterruptedException when the visitor's handling is interrupted
   */
  <R> R accept(Visitor<R> visitor) throws InterruptedException;

  /**
   * One method per command type.
   *
   * @param <R> what handling a command returns
   */
  interface Visitor<R> {
    /** COPY table TO. */
    R visit(CopyTo command) throws InterruptedException;

    /** COPY table FROM. */
    R visit(CopyFrom command) throws InterruptedException;

    /** CAPTURE. */
    R visit(Capture command) throws InterruptedException;

    /** USE. */
    R visit(Use command) throws InterruptedException;

    /** CONSISTENCY and SERIAL CONSISTENCY. */
    R visit(Consistency command) throws InterruptedException;

    /** PAGING. */
    R visit(Paging command) throws InterruptedException;

    /** EXPAND. */
    R visit(Expand command) throws InterruptedException;

    /** TRACING. */
    R visit(Tracing command) throws InterruptedException;

    /** SOURCE (a script file). */
    R visit(RunScript command) throws InterruptedException;

    /** HELP. */
    R visit(Help command) throws InterruptedException;

    /** EXIT and QUIT. */
    R visit(Exit command) throws InterruptedException;

    /** Any statement sent to Cassandra as typed. */
    R visit(CqlStatement command) throws InterruptedException;

    /** DESCRIBE. */
    R visit(Describe command) throws InterruptedException;

    /** SHOW VERSION, HOST, SESSION. */
    R visit(Show command) throws InterruptedException;

    /** LOGIN. */
    R visit(Login command) throws InterruptedException;

    /** HISTORY. */
    R visit(History command) throws InterruptedException;

    /** CLEAR and CLS. */
    R visit(Clear command) throws InterruptedException;

    /** DESCRIBE FILE. */
    R visit(DescribeFile command) throws InterruptedException;

    /** SHOW FILE. */
    R visit(ShowFile command) throws InterruptedException;

    /** SHOW UPLOADS and ABORT UPLOADS. */
    R visit(PendingUploads command) throws InterruptedException;

    /** VERIFY. */
    R visit(Verify command) throws InterruptedException;

    /** COPY 'file' TO. */
    R visit(CopyFileTo command) throws InterruptedException;
  }
}
