package io.cqlp.config;

import io.cqlp.storage.Locations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A cqlshrc file with cqlsh's names and types (pylib/cqlshlib/cqlshmain.py {@code read_options},
 * sslhandling.py, conf/cqlshrc.sample). Sections and options cqlp has no use for ({@code [ui]
 * completekey}, {@code browser}, ...) are ignored without a word, as cqlsh ignores options it does
 * not know. Immutable.
 */
public final class Cqlshrc {
  private final Path path;
  private final IniFile ini;

  private Cqlshrc(Path path, IniFile ini) {
    this.path = path;
    this.ini = ini;
  }

  /**
   * @param userHome the user's home directory ({@code user.home})
   * @return {@code ~/.cassandra/cqlshrc}, cqlsh's default
   */
  public static Path defaultPath(String userHome) {
    return Path.of(userHome, ".cassandra", "cqlshrc");
  }

  /**
   * Reads a cqlshrc.
   *
   * @param path the file; when it does not exist the result holds no sections
   * @return its settings
   * @throws IOException if it exists but cannot be read
   * @throws IniException if configparser would reject it
   */
  public static Cqlshrc load(Path path) throws IOException {
    return new Cqlshrc(
        path, Files.isRegularFile(path) ? IniFile.read(path) : IniFile.empty(path.toString()));
  }

  /**
   * @param path the file the sections came from
   * @param ini its parsed sections
   * @return the settings they hold
   */
  public static Cqlshrc of(Path path, IniFile ini) {
    return new Cqlshrc(path, ini);
  }

  /**
   * @return the file's path (it may not exist)
   */
  public Path path() {
    return path;
  }

  /**
   * @return the file's sections (for the COPY sections, see {@link CopyDefaults})
   */
  public IniFile ini() {
    return ini;
  }

  /**
   * @return {@code [authentication] username}, deprecated by cqlsh in favour of the credentials
   *     file
   */
  public Optional<String> username() {
    return nonEmpty("authentication", "username");
  }

  /**
   * @return {@code [authentication] password}, read without interpolation
   */
  public Optional<String> password() {
    return nonEmpty("authentication", "password");
  }

  /**
   * @return {@code [authentication] keyspace}
   */
  public Optional<String> keyspace() {
    return nonEmpty("authentication", "keyspace");
  }

  /**
   * @return {@code [authentication] credentials} with {@code ~} expanded, else {@code credentials}
   *     beside this cqlshrc (cqlsh's default, {@code ~/.cassandra/credentials})
   */
  public Path credentialsPath(String userHome) {
    return nonEmpty("authentication", "credentials")
        .map(p -> Locations.expandUser(p, userHome))
        .orElseGet(() -> path.toAbsolutePath().getParent().resolve("credentials"));
  }

  /**
   * @return {@code [auth_provider] username} and {@code password} hold for PlainTextAuthProvider
   *     only
   */
  public boolean plainTextAuthProvider() {
    Optional<String> classname = ini.get("auth_provider", "classname");
    return classname.isEmpty() || classname.get().equals("PlainTextAuthProvider");
  }

  /**
   * @return {@code [auth_provider] username} (cqlsh 4.1's provider section)
   */
  public Optional<String> providerUsername() {
    return plainTextAuthProvider() ? nonEmpty("auth_provider", "username") : Optional.empty();
  }

  /**
   * @return {@code [auth_provider] password}
   */
  public Optional<String> providerPassword() {
    return plainTextAuthProvider() ? nonEmpty("auth_provider", "password") : Optional.empty();
  }

  /**
   * @return {@code [connection] hostname}
   */
  public Optional<String> hostname() {
    return nonEmpty("connection", "hostname");
  }

  /**
   * @return {@code [connection] port}
   * @throws IniException when it is not a port number
   */
  public OptionalInt port() {
    OptionalInt port = integer("connection", "port");
    if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
      throw invalid(
          "connection", "port", String.valueOf(port.getAsInt()), "a port number from 1 to 65535");
    }
    return port;
  }

  /**
   * @return {@code [connection] timeout}, the connect timeout in seconds
   */
  public OptionalInt connectTimeout() {
    return integer("connection", "timeout");
  }

  /**
   * @return {@code [connection] request_timeout} in seconds
   */
  public OptionalInt requestTimeout() {
    return integer("connection", "request_timeout");
  }

  /**
   * @return {@code [connection] ssl}, false when absent
   */
  public boolean ssl() {
    return bool("connection", "ssl").orElse(false);
  }

  /**
   * @return {@code [ui] float_precision}: significant digits of float values
   */
  public OptionalInt floatPrecision() {
    return integer("ui", "float_precision");
  }

  /**
   * @return {@code [ui] double_precision}: significant digits of double values
   */
  public OptionalInt doublePrecision() {
    return integer("ui", "double_precision");
  }

  /**
   * @return {@code [ui] color}: colour forced on or off; empty leaves it to the terminal
   */
  public Optional<Boolean> color() {
    return bool("ui", "color");
  }

  /**
   * @return {@code [ui] tty}: tty behaviour forced on or off; empty leaves it to standard input
   */
  public Optional<Boolean> tty() {
    return bool("ui", "tty");
  }

  /**
   * @return {@code [ui] encoding}: the output encoding's name, as given
   */
  public Optional<String> encoding() {
    return nonEmpty("ui", "encoding");
  }

  /**
   * @return {@code [protocol] version}: the native protocol version to use, e.g. 4
   */
  public OptionalInt protocolVersion() {
    return integer("protocol", "version");
  }

  /**
   * @return {@code [cql] version}: the CQL version asked for, e.g. {@code 3.4.7}, as given
   */
  public Optional<String> cqlVersion() {
    return nonEmpty("cql", "version");
  }

  /**
   * @return {@code [tracing] max_trace_wait}: how long TRACING waits for a trace to complete, in
   *     seconds (configparser's {@code getfloat})
   * @throws IniException when it is not a number, or is negative
   */
  public Optional<Double> maxTraceWait() {
    Optional<String> value = ini.get("tracing", "max_trace_wait");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      double seconds = Double.parseDouble(value.get().strip());
      if (seconds >= 0 && Double.isFinite(seconds)) {
        return Optional.of(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("tracing", "max_trace_wait", value.get(), "a number of seconds (0 or more)");
  }

  /**
   * The TLS settings cqlsh's sslhandling.py derives: {@code validate} from {@code $SSL_VALIDATE} or
   * {@code [ssl] validate} (true unless it is {@code false}, any case), {@code certfile} from
   * {@code $SSL_CERTFILE}, else {@code [certfiles] <host>}, else {@code [ssl] certfile}; {@code
   * usercert}, {@code userkey} and cqlp's {@code userkey_password} (the password of an encrypted
   * userkey; cqlsh has no such setting, its OpenSSL asks at the terminal) from {@code [ssl]}. Paths
   * get {@code ~} expanded.
   *
   * @param host the host connected to, for {@code [certfiles]}
   * @param env the environment
   * @param userHome the home directory
   * @return the settings
   * @throws IniException when validating without a certfile, or with only one of usercert and
   *     userkey
   */
  public io.cqlp.tls.TlsSettings tls(
      String host, java.util.Map<String, String> env, String userHome) {
    String validateText = env.get("SSL_VALIDATE");
    if (validateText == null) {
      validateText = ini.get("ssl", "validate").orElse(null);
    }
    boolean validate = validateText == null || !validateText.strip().equalsIgnoreCase("false");
    String certfile = env.get("SSL_CERTFILE");
    if (certfile == null) {
      certfile = ini.get("certfiles", host).orElse(null);
    }
    if (certfile == null) {
      certfile = ini.get("ssl", "certfile").orElse(null);
    }
    if (validate && certfile == null) {
      throw new IniException(
          "Validation is enabled; TLS needs a certfile: set 'certfile' in the [ssl] "
              + "section of "
              + path
              + " (or a [certfiles] section), or the SSL_CERTFILE environment "
              + "variable, or set validate = false.");
    }
    Optional<String> usercert = nonEmpty("ssl", "usercert");
    Optional<String> userkey = nonEmpty("ssl", "userkey");
    if (usercert.isPresent() != userkey.isPresent()) {
      throw new IniException(
          path
              + ": [ssl] usercert and userkey go together: give both for "
              + "mutual TLS, or neither.");
    }
    return new io.cqlp.tls.TlsSettings(
        certfile == null ? null : Locations.expandUser(certfile, userHome),
        validate,
        usercert.map(p -> Locations.expandUser(p, userHome)).orElse(null),
        userkey.map(p -> Locations.expandUser(p, userHome)).orElse(null),
        ini.get("ssl", "userkey_password").orElse(null));
  }

  /**
   * @return the value of {@code [section] option}, raw, when present (empty values included)
   */
  public Optional<String> get(String section, String option) {
    return ini.get(section, option);
  }

  /**
   * Reads a boolean as configparser's {@code getboolean}: 1, yes, true, on / 0, no, false, off.
   *
   * @throws IniException for any other value
   */
  public Optional<Boolean> bool(String section, String option) {
    Optional<String> value = ini.get(section, option);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (value.get().toLowerCase(Locale.ROOT)) {
          case "1", "yes", "true", "on" -> true;
          case "0", "no", "false", "off" -> false;
          default ->
              throw invalid(section, option, value.get(), "true or false (yes/no, on/off, 1/0)");
        });
  }

  private OptionalInt integer(String section, String option) {
    Optional<String> value = ini.get(section, option);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.get().strip()));
    } catch (NumberFormatException e) {
      throw invalid(section, option, value.get(), "a whole number");
    }
  }

  private Optional<String> nonEmpty(String section, String option) {
    return ini.get(section, option).filter(v -> !v.isEmpty());
  }

  private IniException invalid(String section, String option, String value, String expected) {
    return new IniException(
        path + ": [" + section + "] " + option + " = '" + value + "' is not " + expected + ".");
  }
}
