package io.cqlp.cli;

import io.cqlp.config.StartupConfig;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The connection flags of cqlsh's command line ({@code [host [port]] -u -p -k --connect-timeout
 * --request-timeout --ssl --cqlshrc --credentials}), a picocli mixin shared by {@code cqlp} and the
 * Spark runner ({@code cqlp-spark}), so both connect from the same flags, cqlshrc and credentials
 * file. {@link #given()} hands them to {@link StartupConfig#resolve}.
 */
public final class ConnectionFlags {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "host",
      description = "Contact point (default: $CQLSH_HOST or 127.0.0.1).")
  String host;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "port",
      description = "CQL port (default: $CQLSH_PORT or 9042).")
  Integer port;

  @Option(
      names = {"-u", "--username"},
      description = "Authenticate as this user.")
  String username;

  @Option(
      names = {"-p", "--password"},
      arity = "0..1",
      interactive = true,
      description = "Password; asked without echo when given without a value.")
  char[] password;

  @Option(
      names = {"-k", "--keyspace"},
      description = "Start in this keyspace.")
  String keyspace;

  @Option(
      names = "--connect-timeout",
      paramLabel = "SECONDS",
      description =
          "Connect timeout in seconds (default: [connection] timeout of the cqlshrc, else 5).")
  Double connectTimeout;

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      description =
          "Request timeout in seconds (default: [connection] request_timeout of the cqlshrc, else"
              + " 10).")
  Double requestTimeout;

  @Option(
      names = "--ssl",
      description =
          "Connect with TLS, using the [ssl] section of the cqlshrc (certfile, validate, usercert,"
              + " userkey) and $SSL_CERTFILE, $SSL_VALIDATE.")
  boolean ssl;

  @Option(
      names = "--cqlshrc",
      paramLabel = "FILE",
      description = "Read this cqlshrc instead of ~/.cassandra/cqlshrc.")
  String cqlshrc;

  @Option(
      names = "--credentials",
      paramLabel = "FILE",
      description =
          "Read user name and password from this file ([PlainTextAuthProvider] username, password)"
              + " instead of ~/.cassandra/credentials.")
  String credentials;

  @Option(
      names = "--insecure-password-without-warning",
      hidden = true,
      description = "Do not warn about -p PASSWORD (as cqlsh).")
  boolean noPasswordWarning;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * The flags as given, for {@link StartupConfig#resolve}.
   *
   * @return the host, port, credentials and files named; null where not given
   */
  public StartupConfig.Given given() {
    return new StartupConfig.Given(
        host,
        port,
        username,
        password == null ? null : new String(password),
        passwordTyped() && !noPasswordWarning,
        keyspace,
        connectTimeout,
        requestTimeout,
        ssl,
        cqlshrc,
        credentials);
  }

  /**
   * Whether {@code -p} came with its value on the command line (cqlsh warns then), rather than
   * being asked for at the terminal.
   */
  private boolean passwordTyped() {
    if (password == null || mixee == null) {
      return false;
    }
    List<String> args = mixee.commandLine().getParseResult().originalArgs();
    String typed = new String(password);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-p" + typed) || arg.equals("--password=" + typed)) {
        return true;
      }
      if ((arg.equals("-p") || arg.equals("--password"))
          && i + 1 < args.size()
          && args.get(i + 1).equals(typed)) {
        return true;
      }
    }
    return false;
  }
}
