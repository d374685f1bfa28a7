package io.cqlp.command;

import java.util.Objects;

/**
 * {@code LOGIN user ['password']}: reconnect as another user, as cqlsh.
 *
 * @param username the user name (quotes removed)
 * @param password the password, or {@code null} to ask for it without echo; never printed
 */
public record Login(String username, String password) implements Command {
  public Login {
    Objects.requireNonNull(username, "username");
  }

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "Login[username=" + username + ", password=" + (password == null ? "none" : "***") + "]";
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
