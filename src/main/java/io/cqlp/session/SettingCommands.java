package io.cqlp.session;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.cqlp.capture.Capture;
import io.cqlp.command.Consistency;
import io.cqlp.command.Expand;
import io.cqlp.command.Paging;
import io.cqlp.command.Tracing;
import io.cqlp.rows.SinkFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The commands that change how the shell runs statements and shows results: CONSISTENCY, SERIAL
 * CONSISTENCY, PAGING, EXPAND, TRACING and CAPTURE, with cqlsh's messages.
 */
final class SettingCommands {

  private final ShellState state;
  private final PrintWriter out;
  private final SinkFactory sinks;

  SettingCommands(ShellState state, PrintWriter out, SinkFactory sinks) {
    this.state = state;
    this.out = out;
    this.sinks = sinks;
  }

  /** EXPAND [ON|OFF]. */
  void expand(Expand command) {
    state.expand(Switches.apply("EXPAND", state.expand(), command.on(), out));
  }

  /** TRACING [ON|OFF]. */
  void tracing(Tracing command) {
    state.tracing(Switches.apply("TRACING", state.tracing(), command.on(), out));
  }

  void capture(io.cqlp.command.Capture command) {
    try {
      switch (command.action()) {
        case STATUS -> {
          Capture running = state.capture();
          out.println(running == null ? "Currently not capturing query output." : running.status());
        }
        case OFF -> {
          Capture ended = state.finishCapture();
          out.println(
              ended == null
                  ? "Currently not capturing query output."
                  : "Stopped capture. "
                      + ended.rows()
                      + " rows written to '"
                      + ended.target()
                      + "'.");
        }
        case START -> {
          Capture ended = state.finishCapture();
          if (ended != null) {
            out.println(
                "Stopped capture. " + ended.rows() + " rows written to '" + ended.target() + "'.");
          }
          Capture started =
              Capture.start(command.path(), command.format(), command.options(), sinks);
          state.capture(started);
          out.println("Now capturing query output to '" + command.path() + "'.");
        }
        default -> throw new IllegalStateException("unknown CAPTURE action " + command.action());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  void consistency(Consistency c) {
    String what = c.serial() ? "Serial consistency level" : "Consistency level";
    if (c.level() == null) {
      out.println(
          "Current "
              + what.toLowerCase(Locale.ROOT)
              + " is "
              + (c.serial() ? state.serialConsistency() : state.consistency()).name()
              + ".");
      return;
    }
    DefaultConsistencyLevel level;
    try {
      level = DefaultConsistencyLevel.valueOf(c.level().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Improper CONSISTENCY command: unknown level '" + c.level() + "'.");
    }
    if (c.serial()) {
      if (level != DefaultConsistencyLevel.SERIAL
          && level != DefaultConsistencyLevel.LOCAL_SERIAL) {
        throw new IllegalArgumentException(
            "Improper SERIAL CONSISTENCY command: the level must be SERIAL or LOCAL_SERIAL.");
      }
      state.serialConsistency(level);
    } else {
      state.consistency(level);
    }
    out.println(what + " set to " + level.name() + ".");
  }

  void paging(Paging p) {
    if (p.pageSize() != null) {
      if (p.pageSize() < 1) {
        throw new IllegalArgumentException("Page size must be at least 1.");
      }
      state.paging(true);
      state.pageSize(p.pageSize());
      out.println("Page size: " + p.pageSize());
    } else {
      boolean on = Switches.apply("PAGING", state.paging(), p.enabled(), out);
      state.paging(on);
      if (on) {
        out.println("Page size: " + state.pageSize());
      } else {
        state.pageSize(100);
      }
    }
  }
}
