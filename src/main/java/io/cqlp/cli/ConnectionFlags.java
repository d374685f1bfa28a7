package io.cqlp.cli;

import io.cqlp.config.StartupConfig;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The connection flags of cqlsh's command line ({@code [host [port]] -u -p -k --connect-timeout
 * --request-timeout --ssl --cqlshrc --credentials}), added to the command lines of {@code cqlp} and
 * the Spark runner ({@code cqlp-spark}), so both connect from the same flags, cqlshrc and
 * credentials file. {@link #given()} hands them to {@link StartupConfig#resolve}.
 */
public final class ConnectionFlags {
  String host;
  Integer port;
  String username;
  char[] password;
  String keyspace;
  Double connectTimeout;
  Double requestTimeout;
  boolean ssl;
  String cqlshrc;
  String credentials;
  boolean noPasswordWarning;
  private CommandSpec command;

  /**
   * Adds the flags to a command line, after the arguments it already has (picocli shows them in
   * that order when the command does not sort its options): the positional parameters {@code [host]
   * [port]}, then {@code -u -p -k --connect-timeout --request-timeout --ssl --cqlshrc
   * --credentials} and the hidden {@code --insecure-password-without-warning}. Once per instance.
   *
   * @param command the command line that parses them, declared with picocli's programmatic API
   *     ({@link FieldBinding}); not null
   */
  public void addTo(CommandSpec command) {
    this.command = command;
    command.addPositional(
        FieldBinding.positional(String.class, (String v) -> host = v)
            .index("0")
            .arity("0..1")
            .paramLabel("host")
            .description("Contact point (default: $CQLSH_HOST or 127.0.0.1).")
            .build());
    command.addPositional(
        FieldBinding.positional(Integer.class, (Integer v) -> port = v)
            .index("1")
            .arity("0..1")
            .paramLabel("port")
            .description("CQL port (default: $CQLSH_PORT or 9042).")
            .build());
    command.addOption(
        FieldBinding.valued(
            String.class,
            (String v) -> username = v,
            "<username>",
            "Authenticate as this user.",
            "-u",
            "--username"));
    command.addOption(
        FieldBinding.option(char[].class, (char[] v) -> password = v, "-p", "--password")
            .paramLabel("<password>")
            .arity("0..1")
            .interactive(true)
            .description("Password; asked without echo when given without a value.")
            .build());
    command.addOption(
        FieldBinding.valued(
            String.class,
            (String v) -> keyspace = v,
            "<keyspace>",
            "Start in this keyspace.",
            "-k",
            "--keyspace"));
    command.addOption(
        FieldBinding.valued(
            Double.class,
            (Double v) -> connectTimeout = v,
            "SECONDS",
            "Connect timeout in seconds (default: [connection] timeout of the cqlshrc, else 5).",
            "--connect-timeout"));
    command.addOption(
        FieldBinding.valued(
            Double.class,
            (Double v) -> requestTimeout = v,
            "SECONDS",
            "Request timeout in seconds (default: [connection] request_timeout of the cqlshrc,"
                + " else 10).",
            "--request-timeout"));
    command.addOption(
        FieldBinding.flag(
            (Boolean v) -> ssl = v,
            "Connect with TLS, using the [ssl] section of the cqlshrc (certfile, validate,"
                + " usercert, userkey) and $SSL_CERTFILE, $SSL_VALIDATE.",
            "--ssl"));
    command.addOption(
        FieldBinding.valued(
            String.class,
            (String v) -> cqlshrc = v,
            "FILE",
            "Read this cqlshrc instead of ~/.cassandra/cqlshrc.",
            "--cqlshrc"));
    command.addOption(
        FieldBinding.valued(
            String.class,
            (String v) -> credentials = v,
            "FILE",
            "Read user name and password from this file ([PlainTextAuthProvider] username,"
                + " password) instead of ~/.cassandra/credentials.",
            "--credentials"));
    command.addOption(
        FieldBinding.option(
                boolean.class,
                (Boolean v) -> noPasswordWarning = v,
                "--insecure-password-without-warning")
            .hidden(true)
            .description("Do not warn about -p PASSWORD (as cqlsh).")
            .build());
  }

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
    if (password == null || command == null) {
      return false;
    }
    List<String> args = command.commandLine().getParseResult().originalArgs();
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
