package io.cqlp.session;

import java.io.PrintWriter;

/**
 * cqlsh's on/off shell settings (its {@code SwitchCommand}: TRACING, EXPAND, PAGING): the same
 * messages for showing, enabling and disabling, and an error when the setting already is as asked.
 */
final class Switches {
  private Switches() {}

  /**
   * @param command the command's name, e.g. {@code TRACING}
   * @param description the setting's name in messages, e.g. {@code Tracing}
   * @param current the setting now
   * @param requested {@code true} for ON, {@code false} for OFF, {@code null} to show it
   * @param out where the message goes
   * @return the setting from now on
   * @throws IllegalStateException with cqlsh's message when ON is asked while on, or OFF while off
   */
  static boolean apply(String command, String description, boolean current, Boolean requested, PrintWriter out) {
    if (requested == null) {
      out.println(current
          ? description + " is currently enabled. Use " + command + " OFF to disable"
          : description + " is currently disabled. Use " + command + " ON to enable.");
      return current;
    }
    if (requested) {
      if (current) {
        throw new IllegalStateException(description + " is already enabled. Use " + command + " OFF to disable.");
      }
      out.println("Now " + description + " is enabled");
      return true;
    }
    if (!current) {
      throw new IllegalStateException(description + " is not enabled.");
    }
    out.println("Disabled " + description + ".");
    return false;
  }
}
