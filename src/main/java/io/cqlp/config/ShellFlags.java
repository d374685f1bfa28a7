package io.cqlp.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The shell's flags that are not about where to connect, merged with the cqlshrc settings that
 * mirror them, with cqlsh 6.2.0's precedence (pylib/cqlshlib/cqlshmain.py {@code read_options}: the
 * cqlshrc gives the defaults, the command line overrides them):
 *
 * <ul>
 *   <li>colour: {@code -C}/{@code --color} or {@code --no-color} (the last one typed), else {@code
 *       [ui] color}, else off with {@code -f}, else on at a terminal.
 *   <li>tty behaviour (the prompt): off with {@code -e} or {@code -f}; else on with {@code -t},
 *       else {@code [ui] tty}, else on when standard input is a terminal.
 *   <li>output encoding: {@code --encoding}, else {@code [ui] encoding}, else utf-8.
 *   <li>native protocol version: {@code --protocol-version}, else {@code [protocol] version}, else
 *       negotiated by the driver.
 *   <li>CQL version: {@code --cqlversion}, else {@code [cql] version}, else the server's.
 *   <li>how long TRACING waits for a trace: {@code [tracing] max_trace_wait}, else 10 seconds.
 * </ul>
 */
public final class ShellFlags {

  /** cqlsh's default {@code max_trace_wait}. */
  public static final Duration MAX_TRACE_WAIT = Duration.ofSeconds(10);

  /** cqlsh's default output encoding. */
  public static final String UTF8 = "utf-8";

  private ShellFlags() {}

  /**
   * What the command line gave.
   *
   * @param color {@code true} for {@code -C}/{@code --color}, {@code false} for {@code --no-color},
   *     {@code null} for neither
   * @param tty {@code -t}/{@code --tty}
   * @param encoding {@code --encoding}, or {@code null}
   * @param cqlVersion {@code --cqlversion}, or {@code null}
   * @param protocolVersion {@code --protocol-version}, or {@code null}
   * @param script whether {@code -e} or {@code -f} was given (no tty behaviour then)
   * @param file whether {@code -f} was given (no automatic colour then)
   */
  public record Given(
      Boolean color,
      boolean tty,
      String encoding,
      String cqlVersion,
      Integer protocolVersion,
      boolean script,
      boolean file) {}

  /**
   * The merged settings.
   *
   * @param color whether to colour the output, given whether standard output is a terminal
   * @param tty whether to run the prompt, given whether standard input is a terminal
   * @param encodingName the output encoding as named, e.g. {@code utf-8}, for {@code --debug}
   * @param encoding the output encoding
   * @param cqlVersion the CQL version asked for, completed to three numbers as cqlsh's {@code
   *     full_cql_version} ({@code 3.4} gives {@code 3.4.0}), or {@code null}
   * @param protocolVersion the driver's name of the pinned protocol version ({@code V4}), or {@code
   *     null} to let the driver negotiate
   * @param maxTraceWait how long TRACING waits for a trace to complete
   */
  public record Resolved(
      Terminal color,
      Terminal tty,
      String encodingName,
      Charset encoding,
      String cqlVersion,
      String protocolVersion,
      Duration maxTraceWait) {}

  /** A setting that is forced on or off, or follows whether a stream is a terminal. */
  public enum Terminal {
    /** Always on. */
    ON,
    /** Always off. */
    OFF,
    /** On when the stream is a terminal. */
    AUTO;

    /**
     * @param terminal whether the stream concerned is a terminal
     * @return the setting's value
     */
    public boolean on(boolean terminal) {
      return this == ON || (this == AUTO && terminal);
    }

    private static Terminal of(Optional<Boolean> forced) {
      return forced.map(on -> on ? ON : OFF).orElse(AUTO);
    }
  }

  /**
   * Merges the flags with the cqlshrc.
   *
   * @param given the command line; not null
   * @param rc the cqlshrc read; not null
   * @return the settings
   * @throws IniException when an encoding is unknown to Java, a protocol version is not one the
   *     driver speaks (3 to 6), a CQL version is not numbers or is below 3 (cqlsh's {@code 'x' is
   *     not a supported CQL version.}), or a cqlshrc value is malformed; the message names the flag
   *     or the file
   */
  public static Resolved resolve(Given given, Cqlshrc rc) {
    Terminal color =
        given.color() != null
            ? Terminal.of(Optional.of(given.color()))
            : rc.color().isPresent()
                ? Terminal.of(rc.color())
                : given.file() ? Terminal.OFF : Terminal.AUTO;
    Terminal tty =
        given.script() ? Terminal.OFF : given.tty() ? Terminal.ON : Terminal.of(rc.tty());
    String encodingName = given.encoding() != null ? given.encoding() : rc.encoding().orElse(UTF8);
    Charset encoding =
        charset(
            encodingName, given.encoding() != null ? "--encoding" : rc.path() + ": [ui] encoding");
    String protocol = null;
    if (given.protocolVersion() != null) {
      protocol =
          protocolVersion(given.protocolVersion(), "--protocol-version " + given.protocolVersion());
    } else if (rc.protocolVersion().isPresent()) {
      int version = rc.protocolVersion().getAsInt();
      protocol = protocolVersion(version, rc.path() + ": [protocol] version = " + version);
    }
    String cql = null;
    if (given.cqlVersion() != null) {
      cql = fullCqlVersion(given.cqlVersion(), "--cqlversion");
    } else if (rc.cqlVersion().isPresent()) {
      cql = fullCqlVersion(rc.cqlVersion().get(), rc.path() + ": [cql] version");
    }
    Duration traceWait =
        rc.maxTraceWait().map(s -> Duration.ofNanos((long) (s * 1e9))).orElse(MAX_TRACE_WAIT);
    return new Resolved(color, tty, encodingName, encoding, cql, protocol, traceWait);
  }

  /**
   * The Java charset of a Python codec name: Java's own names and aliases ({@code utf8}, {@code
   * UTF-8}, {@code latin1}, {@code ascii}, {@code cp1252}), and Python's spellings with {@code _}
   * or {@code -} where Java has none ({@code latin-1}, {@code utf_8}).
   *
   * @param name the encoding's name
   * @param where the flag or file that named it, for the error
   * @return the charset
   * @throws IniException when Java knows no such charset
   */
  static Charset charset(String name, String where) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    for (String candidate :
        new String[] {lower, lower.replace('_', '-'), lower.replace("_", "").replace("-", "")}) {
      try {
        if (!candidate.isEmpty()) {
          return Charset.forName(candidate);
        }
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // try the next spelling
      }
    }
    throw new IniException(
        "Unknown encoding '"
            + name
            + "' ("
            + where
            + "): use one Java knows, such as "
            + "utf-8, latin-1 or ascii.");
  }

  /**
   * The driver's name of native protocol version {@code n}: V3 to V6 (V6 is beta in Cassandra 5.0).
   */
  private static String protocolVersion(int n, String where) {
    if (n < 3 || n > 6) {
      throw new IniException(
          where
              + ": the driver speaks native protocol versions 3, 4, 5 and 6; "
              + "give one of them, or none to let it choose.");
    }
    return "V" + n;
  }

  /**
   * Completes a CQL version to three numbers as cqlsh's {@code full_cql_version}: {@code 3} gives
   * {@code 3.0.0}, {@code 3.4} gives {@code 3.4.0}; a {@code -suffix} is kept.
   *
   * @param version the version as typed
   * @param where the flag or file that gave it, for the error
   * @return the full version
   * @throws IniException when it is not numbers separated by dots, or its major number is below 3
   *     (cqlsh: {@code '2.0.0' is not a supported CQL version.})
   */
  static String fullCqlVersion(String version, String where) {
    String full = version.strip();
    while (full.chars().filter(c -> c == '.').count() < 2) {
      full += ".0";
    }
    String numbers = full.split("-", 2)[0];
    int major;
    try {
      String[] parts = numbers.split("\\.", -1);
      major = Integer.parseInt(parts[0]);
      for (String part : parts) {
        Integer.parseInt(part);
      }
    } catch (NumberFormatException e) {
      throw new IniException(
          "'" + version + "' is not a CQL version (" + where + "): give one like 3.4.7.");
    }
    if (major < 3) {
      throw new IniException("'" + full + "' is not a supported CQL version.");
    }
    return full;
  }

  /**
   * Checks the CQL version asked for against the server's, as the Python driver does at connection
   * (the server's STARTUP options list one version, which must match exactly).
   *
   * @param wanted the full version asked for ({@link Resolved#cqlVersion()}), or {@code null}
   * @param server the server's {@code system.local cql_version}, e.g. {@code 3.4.7}
   * @return empty when they match or nothing was asked; else the Python driver's message, {@code
   *     cql_version '3.4.0' is not supported by remote (w/ native protocol). Supported versions:
   *     ['3.4.7']}
   */
  public static Optional<String> cqlVersionMismatch(String wanted, String server) {
    if (wanted == null || wanted.equals(server)) {
      return Optional.empty();
    }
    return Optional.of(
        "cql_version '"
            + wanted
            + "' is not supported by remote (w/ native protocol). "
            + "Supported versions: ['"
            + server
            + "']");
  }
}
