package io.cqlp.output;

import java.util.Objects;

/**
 * How results are shown, changed by the command line and shell commands and read by {@link
 * ResultPrinter} at every result. Defaults: {@link OutputFormat#TABLE}, no colours, no width limit,
 * no pager, not a terminal. Used from the shell's one thread.
 */
public final class Display {
  private OutputFormat format = OutputFormat.TABLE;
  private boolean colors;
  private int width;
  private Pager pager;
  private boolean tty;

  /** The result format. */
  public OutputFormat format() {
    return format;
  }

  /** Sets the result format; not null. */
  public Display format(OutputFormat format) {
    this.format = Objects.requireNonNull(format, "format");
    return this;
  }

  /** Whether names, values and errors are coloured with ANSI escapes (cqlsh's colours). */
  public boolean colors() {
    return colors;
  }

  public Display colors(boolean on) {
    this.colors = on;
    return this;
  }

  /** The terminal's width in cells, 0 for no limit (long cells are cut to fit when set). */
  public int width() {
    return width;
  }

  /** Sets the width limit; 0 or less for none. */
  public Display width(int cells) {
    this.width = Math.max(0, cells);
    return this;
  }

  /** The pager asked between pages, or {@code null} to print everything at once. */
  public Pager pager() {
    return pager;
  }

  public Display pager(Pager pager) {
    this.pager = pager;
    return this;
  }

  /** Whether output goes to a terminal prompt (cqlsh's {@code tty}: blank-line layout differs). */
  public boolean tty() {
    return tty;
  }

  public Display tty(boolean on) {
    this.tty = on;
    return this;
  }
}
