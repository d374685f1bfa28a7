package io.cqlp.cli;

import io.cqlp.output.ErrorText;
import io.cqlp.session.ErrorReporter;
import picocli.CommandLine;

/**
 * Entry point of the cqlp command line: builds the picocli command and exits with its status
 * (cqlsh's: 0 ok, 1 cannot connect, 2 a statement failed in {@code -e}/{@code -f} mode or a
 * command-line error).
 */
public final class Main {
  private Main() {}

  /**
   * Runs cqlp with the given arguments and exits with its status; on bin/cqlp's archive-recording
   * run, first converts a small bundled file so that the archive holds COPY's classes too ({@link
   * ArchiveTraining}).
   */
  public static void main(String[] args) {
    int status = run(args);
    try {
      ArchiveTraining.runIfAsked();
    } finally {
      System.exit(status);
    }
  }

  /** Runs cqlp and returns its exit status instead of exiting. */
  public static int run(String[] args) {
    CommandLine commandLine = new CommandLine(new CqlpCommand().spec(), PlainFactory.INSTANCE);
    commandLine.setParameterExceptionHandler(new ParameterErrors());
    commandLine.setExecutionExceptionHandler(new UnexpectedErrors());
    return commandLine.execute(args);
  }

  // The two handlers are classes, not lambdas: a lambda of picocli's Java 5 interfaces keeps those
  // interfaces out of the start-up archive, and loading them from the jars opened every jar on the
  // class path before picocli's (about 50 ms of a one-shot run).

  /** A command-line error: its message and where to get help, exit status 2 (cqlsh's). */
  private static final class ParameterErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      CommandLine cmd = e.getCommandLine();
      cmd.getErr().println(e.getMessage());
      cmd.getErr().println("Try 'cqlp --help' for more information.");
      return ExitStatus.STATEMENT_FAILED.code();
    }
  }

  /** Whatever escapes the shell is still one line; --debug adds the stack trace. */
  private static final class UnexpectedErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
      ErrorReporter errors = new ErrorReporter(cmd.getErr(), parsed.hasMatchedOption("--debug"));
      errors.report(
          null,
          0,
          new IllegalStateException(
              "cqlp stopped on an unexpected error: " + ErrorText.describe(e), e));
      return ExitStatus.STATEMENT_FAILED.code();
    }
  }
}
