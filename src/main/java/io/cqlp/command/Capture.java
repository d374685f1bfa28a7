package io.cqlp.command;

import java.util.Objects;

/**
 * {@code CAPTURE}, {@code CAPTURE OFF}, {@code CAPTURE 'file' [FORMAT='X'] [WITH ...]} or {@code
 * CAPTURE PARQUET|JSON|CSV|TEXT 'path' [WITH ...]}.
 *
 * @param action what to do
 * @param path the file or directory as typed (unquoted) for {@link Action#START}; null otherwise
 * @param format the format in upper case, from the keyword, {@code FORMAT=} or a {@code FORMAT}
 *     option in {@code WITH}; {@code null} when not given (the caller infers it from the extension)
 *     and for the other actions. Not validated here.
 * @param options the {@code WITH} options without {@code FORMAT}; empty when none
 */
public record Capture(Action action, String path, String format, Options options)
    implements Command {

  /** What a CAPTURE command asks for. */
  public enum Action {
    /** {@code CAPTURE} alone: show the current capture. */
    STATUS,
    /** {@code CAPTURE OFF}: finish the current capture. */
    OFF,
    /** {@code CAPTURE ... 'path'}: append every later result to the path. */
    START
  }

  /**
   * @throws IllegalArgumentException unless path is given exactly for {@link Action#START}
   */
  public Capture {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(options, "options");
    if ((action == Action.START) != (path != null)) {
      throw new IllegalArgumentException("path must be given exactly for START");
    }
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
