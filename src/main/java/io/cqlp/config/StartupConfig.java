package io.cqlp.config;

import io.cqlp.storage.Locations;
import io.cqlp.tls.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Merges the command line, the environment, the cqlshrc and the credentials file into the settings
 * of a connection, with cqlsh's precedence (pylib/cqlshlib/cqlshmain.py {@code read_options}):
 *
 * <ul>
 *   <li>host: the {@code host} argument, else {@code $CQLSH_HOST}, else {@code [connection]
 *       hostname}, else 127.0.0.1; port likewise ({@code $CQLSH_PORT}, {@code [connection] port},
 *       9042).
 *   <li>user name and password: {@code -u}/{@code -p}, else the credentials file's {@code
 *       [PlainTextAuthProvider]}, else the cqlshrc's {@code [authentication]}, else its {@code
 *       [auth_provider]} (cqlsh's stated order: command line, credentials, cqlshrc).
 *   <li>keyspace: {@code -k}, else {@code [authentication] keyspace}.
 *   <li>timeouts: the flags, else {@code [connection] timeout} and {@code request_timeout}, else 5
 *       s and 10 s.
 *   <li>TLS: {@code --ssl} or {@code [connection] ssl = true}, with {@link Cqlshrc#tls}.
 * </ul>
 *
 * <p>Warnings go to the given consumer, in cqlsh's words: a password on the command line; a
 * password in a cqlshrc that others may read (and the notice that credentials belong in the
 * credentials file); a credentials file that others may read, which is then not used (as cqlsh
 * does).
 */
public final class StartupConfig {

  /** Default connect timeout, cqlsh's. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default request timeout, cqlsh's. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private StartupConfig() {}

  /**
   * What the command line gave; every field may be null (not given) except the flags.
   *
   * @param host the host argument
   * @param port the port argument
   * @param username {@code -u}
   * @param password {@code -p}, typed or asked for
   * @param passwordOnCommandLine whether the password was typed on the command line (warned)
   * @param keyspace {@code -k}
   * @param connectTimeout {@code --connect-timeout} in seconds
   * @param requestTimeout {@code --request-timeout} in seconds
   * @param ssl {@code --ssl}
   * @param cqlshrc {@code --cqlshrc}, as typed
   * @param credentials {@code --credentials}, as typed
   */
  public record Given(
      String host,
      Integer port,
      String username,
      String password,
      boolean passwordOnCommandLine,
      String keyspace,
      Double connectTimeout,
      Double requestTimeout,
      boolean ssl,
      String cqlshrc,
      String credentials) {
    @Override
    public String toString() {
      return "Given[" + host + ":" + port + ", user=" + username + "]";
    }
  }

  /**
   * @param connection where and how to connect
   * @param cqlshrc the cqlshrc read (possibly without sections), for [ui] and the COPY sections
   */
  public record Resolved(ConnectionSettings connection, Cqlshrc cqlshrc) {}

  /**
   * @param given the command line
   * @param env the environment ({@code CQLSH_HOST}, {@code CQLSH_PORT}, {@code SSL_CERTFILE},
   *     {@code SSL_VALIDATE})
   * @param userHome the home directory ({@code user.home})
   * @param warnings receives warnings, one message each (possibly several lines)
   * @return the settings
   * @throws IOException if an existing cqlshrc or credentials file cannot be read
   * @throws IniException if one is malformed or holds a bad value, or TLS lacks a certfile
   */
  public static Resolved resolve(
      Given given, Map<String, String> env, String userHome, Consumer<String> warnings)
      throws IOException {
    Path rcPath = Cqlshrc.defaultPath(userHome);
    if (given.cqlshrc() != null) {
      Path named = Locations.expandUser(given.cqlshrc(), userHome);
      if (Files.exists(named)) {
        rcPath = named;
      } else {
        warnings.accept(
            "Warning: Specified cqlshrc location `"
                + named
                + "` does not exist.  Using `"
                + rcPath
                + "` instead.");
      }
    }
    Cqlshrc rc = Cqlshrc.load(rcPath);
    io.cqlp.storage.s3.S3Settings.setFileDefaults(rc.ini().section("s3"));
    if (rc.username().isPresent() || rc.password().isPresent()) {
      if (rc.password().isPresent() && !FileSecurity.isSecure(rcPath)) {
        warnings.accept(
            "Warning: Password is found in an insecure cqlshrc file. The file is owned or "
                + "readable by other users on the system.");
      }
      warnings.accept(
          "Notice: Credentials in the cqlshrc file is deprecated and will be ignored in the "
              + "future.\nPlease use a credentials file to specify the username and password.");
    }
    if (rc.get("ssl", "userkey_password").isPresent() && !FileSecurity.isSecure(rcPath)) {
      warnings.accept(
          "Warning: [ssl] userkey_password is found in an insecure cqlshrc file. The file is "
              + "owned or readable by other users on the system.");
    }
    Path credentialsPath =
        given.credentials() != null
            ? Locations.expandUser(given.credentials(), userHome)
            : rc.credentialsPath(userHome);
    Credentials credentials = Credentials.NONE;
    if (!FileSecurity.isSecure(credentialsPath)) {
      warnings.accept(
          "Warning: Credentials file '"
              + credentialsPath
              + "' exists but is not used, because:\n"
              + "  a. the file owner is not the current user; or\n"
              + "  b. the file is readable by group or other.\n"
              + "Please ensure the file is owned by the current user and is not readable by group"
              + " or other.\n"
              + "On a Linux or UNIX-like system, you often can do this by using the `chown` and"
              + " `chmod` commands:\n"
              + "  chown YOUR_USERNAME credentials\n"
              + "  chmod 600 credentials");
    } else {
      credentials = Credentials.read(credentialsPath);
    }
    if (given.passwordOnCommandLine()) {
      warnings.accept(
          "Warning: Using a password on the command line interface can be insecure.\n"
              + "Recommendation: use the credentials file to securely provide the password.");
    }
    String username =
        first(
            given.username(),
            credentials.username(),
            rc.username().orElse(null),
            rc.providerUsername().orElse(null));
    String password =
        first(
            given.password(),
            credentials.password(),
            rc.password().orElse(null),
            rc.providerPassword().orElse(null));
    String host =
        first(
            given.host(),
            blankToNull(env.get("CQLSH_HOST")),
            rc.hostname().orElse(null),
            "127.0.0.1");
    int port =
        given.port() != null
            ? given.port()
            : blankToNull(env.get("CQLSH_PORT")) != null
                ? parsePort(env.get("CQLSH_PORT"))
                : rc.port().orElse(ConnectionSettings.DEFAULT_PORT);
    Duration connect =
        seconds(
            given.connectTimeout(),
            rc.connectTimeout().isPresent() ? rc.connectTimeout().getAsInt() : null,
            CONNECT_TIMEOUT);
    Duration request =
        seconds(
            given.requestTimeout(),
            rc.requestTimeout().isPresent() ? rc.requestTimeout().getAsInt() : null,
            REQUEST_TIMEOUT);
    TlsSettings tls = given.ssl() || rc.ssl() ? rc.tls(host, env, userHome) : null;
    ConnectionSettings connection =
        new ConnectionSettings(
            host,
            port,
            username,
            password,
            first(given.keyspace(), rc.keyspace().orElse(null)),
            connect,
            request,
            tls);
    return new Resolved(connection, rc);
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IniException("'" + text + "' is not a valid port number (CQLSH_PORT).");
    }
  }

  private static Duration seconds(Double flag, Integer file, Duration fallback) {
    if (flag != null) {
      return Duration.ofMillis((long) (flag * 1000));
    }
    return file != null ? Duration.ofSeconds(file) : fallback;
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
