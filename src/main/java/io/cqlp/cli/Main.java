package io.cqlp.cli;

import picocli.CommandLine;

/**
 * Entry point of the cqlp command line: builds the picocli command and exits with its status
 * (cqlsh's: 0 ok, 1 cannot connect, 2 a statement failed in {@code -e}/{@code -f} mode or a
 * command-line error).
 */
public final class Main {
  private Main() {}

  /** Runs cqlp with the given arguments and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs cqlp and returns its exit status instead of exiting. */
  public static int run(String[] args) {
    CommandLine commandLine = new CommandLine(new CqlpCommand());
    commandLine.setParameterExceptionHandler(
        (e, a) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(e.getMessage());
          cmd.getErr().println("Try 'cqlp --help' for more information.");
          return ExitStatus.STATEMENT_FAILED.code();
        });
    return commandLine.execute(args);
  }
}
