package io.cqlp.session;

import java.io.PrintWriter;

/**
 * cqlsh's on/off shell settings (TRACING, EXPAND, PAGING), with cqlsh 6.2's messages ({@code
 * cqlshmain.py} on_off_switch): {@code EXPAND is OFF} for the bare command, {@code EXPAND set to
 * ON} for a change and {@code EXPAND is already ON} when nothing changes (not an error).
 */
final class Switches {
  private Switches() {}

  /**
   * @param command the command's name, e.g. {@code TRACING}
   * @param current the setting now
   * @param requested {@code true} for ON, {@code false} for OFF, {@code null} to show it
   * @param out where the message goes
   * @return the setting from now on
   */
  static boolean apply(String command, boolean current, Boolean requested, PrintWriter out) {
    if (requested == null) {
      out.println(command + " is " + name(current));
      return current;
    }
    if (requested == current) {
      out.println(command + " is already " + name(current));
      return current;
    }
    out.println(command + " set to " + name(requested));
    return requested;
  }

  private static String name(boolean on) {
    return on ? "ON" : "OFF";
  }
}
