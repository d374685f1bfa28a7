package io.cqlp.command;

import java.util.Objects;
import java.util.UUID;

/**
 * {@code SHOW VERSION}, {@code SHOW HOST} or {@code SHOW SESSION <uuid>}, as cqlsh.
 *
 * @param what what to show
 * @param session the tracing session id for {@link What#SESSION}; {@code null} otherwise
 */
public record Show(What what, UUID session) implements Command {

  /** The forms of SHOW. */
  public enum What {
    /** Shell, Cassandra, CQL spec and native protocol versions. */
    VERSION,
    /** The cluster name and the host and port connected to. */
    HOST,
    /** A tracing session's events. */
    SESSION
  }

  /**
   * @throws IllegalArgumentException when a session id is missing or given without SESSION
   */
  public Show {
    Objects.requireNonNull(what, "what");
    if ((what == What.SESSION) != (session != null)) {
      throw new IllegalArgumentException("a session id comes with SHOW SESSION and only with it");
    }
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
