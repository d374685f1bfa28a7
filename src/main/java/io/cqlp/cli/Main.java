package io.cqlp.cli;

/** Entry point of the cqlp command line. */
public final class Main {
  private Main() {}

  /** Runs cqlp with the given arguments and exits with its status. */
  public static void main(String[] args) {
    System.exit(0);
  }
}
