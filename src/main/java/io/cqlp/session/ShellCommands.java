package io.cqlp.session;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import io.cqlp.command.Describe;
import io.cqlp.command.Help;
import io.cqlp.command.History;
import io.cqlp.command.Login;
import io.cqlp.command.Show;
import io.cqlp.config.CqlpVersion;
import io.cqlp.output.Ansi;
import io.cqlp.output.DescribePrinter;
import io.cqlp.output.ErrorText;
import io.cqlp.output.TracePrinter;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs cqlsh's informational shell commands: DESCRIBE (sent to the server, printed by {@link
 * DescribePrinter}), SHOW VERSION/HOST/SESSION, LOGIN, HISTORY, CLEAR and HELP, and prints the
 * trace after each statement when TRACING is on. Messages and errors follow cqlsh's ({@code
 * cqlshmain.py}). Used from the shell's one thread.
 */
final class ShellCommands {
  private static final Pattern HISTORY_LINE = Pattern.compile("^\\d+:(.*)$");

  private final ShellState state;
  private final PrintWriter out;
  private final Path historyFile;

  /**
   * @param state the session and settings
   * @param out where results go
   * @param historyFile the prompt's history ({@code ~/.cqlp/history}), read by HISTORY
   */
  ShellCommands(ShellState state, PrintWriter out, Path historyFile) {
    this.state = state;
    this.out = out;
    this.historyFile = historyFile;
  }

  /** CLEAR: clears the screen at a terminal; nothing in a script. */
  void clear() {
    if (state.interactive()) {
      out.print("\033[H\033[2J");
    }
  }

  void describe(Describe d) {
    SimpleStatement statement =
        SimpleStatement.newInstance(d.statement())
            .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_ONE)
            .setPageSize(5000);
    ResultSet result;
    try {
      result = state.session().execute(statement);
    } catch (QueryValidationException e) {
      // cqlsh prints the server's message alone for DESCRIBE.
      throw new IllegalStateException(e.getMessage(), e);
    }
    DescribePrinter printer = new DescribePrinter(out);
    switch (d.kind()) {
      case KEYSPACES -> {
        List<String> names = new ArrayList<>();
        result.forEach(row -> names.add(row.getString("name")));
        printer.keyspaces(names);
      }
      case NAMES -> {
        List<DescribePrinter.Named> names = new ArrayList<>();
        result.forEach(
            row ->
                names.add(
                    new DescribePrinter.Named(
                        row.getString("keyspace_name"), row.getString("name"))));
        printer.names(names, state.keyspace());
      }
      case CLUSTER -> {
        for (Row row : result) {
          printer.cluster(
              row.getString("cluster"),
              row.getString("partitioner"),
              row.getString("snitch"),
              ranges(row));
        }
      }
      case ELEMENT -> {
        List<String> statements = new ArrayList<>();
        result.forEach(row -> statements.add(row.getString("create_statement")));
        printer.elements(statements);
      }
      default -> throw new IllegalStateException("unknown DESCRIBE form " + d.kind());
    }
  }

  private static Map<String, List<String>> ranges(Row row) {
    if (!row.getColumnDefinitions().contains("range_ownership") || row.isNull("range_ownership")) {
      return null;
    }
    Map<String, List<String>> ranges = new LinkedHashMap<>();
    ((Map<?, ?>) row.getObject("range_ownership"))
        .forEach(
            (token, hosts) -> {
              List<String> list = new ArrayList<>();
              ((Iterable<?>) hosts).forEach(h -> list.add(String.valueOf(h)));
              ranges.put(String.valueOf(token), list);
            });
    return ranges;
  }

  void show(Show s) throws InterruptedException {
    CqlSession session = state.session();
    switch (s.what()) {
      case VERSION -> {
        Row local = session.execute("SELECT release_version, cql_version FROM system.local").one();
        out.println(
            "[cqlp "
                + CqlpVersion.version()
                + " | Cassandra "
                + (local == null ? "unknown" : local.getString("release_version"))
                + " | CQL spec "
                + (local == null ? "unknown" : local.getString("cql_version"))
                + " | Native protocol v"
                + session.getContext().getProtocolVersion().getCode()
                + "]");
      }
      case HOST -> {
        String cluster =
            session
                .getMetadata()
                .getClusterName()
                .orElseGet(
                    () -> {
                      Row local = session.execute("SELECT cluster_name FROM system.local").one();
                      return local == null ? "unknown" : local.getString("cluster_name");
                    });
        out.println(
            "Connected to "
                + Ansi.paint(cluster, Ansi.BLUE, state.display().colors())
                + " at "
                + hostAndPort(session));
      }
      case SESSION -> showSession(s.session());
      default -> throw new IllegalStateException("unknown SHOW form " + s.what());
    }
  }

  private String hostAndPort(CqlSession session) {
    if (state.host() != null) {
      return state.host() + ":" + state.port();
    }
    for (Node node : session.getMetadata().getNodes().values()) {
      if (node.getEndPoint().resolve() instanceof InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
      }
    }
    return "unknown";
  }

  private void showSession(UUID id) throws InterruptedException {
    TraceFetcher.Result result = TraceFetcher.fetch(state.session(), id, Duration.ZERO);
    if (result == null) {
      throw new IllegalStateException("Session " + id + " wasn't found.");
    }
    if (!tracePrinter().print(result.trace())) {
      throw new IllegalStateException("No rows for session " + id + " found.");
    }
  }

  /**
   * Prints the trace of every request behind {@code result} (one per page fetched), waiting for
   * each to complete as cqlsh does.
   *
   * @param errors where a trace that cannot be read is reported
   */
  void printTraces(ResultSet result, ErrorReporter errors) throws InterruptedException {
    for (ExecutionInfo info : result.getExecutionInfos()) {
      UUID id = info.getTracingId();
      if (id == null) {
        continue;
      }
      try {
        TraceFetcher.Result trace = TraceFetcher.fetch(state.session(), id, state.maxTraceWait());
        if (trace == null || !trace.complete()) {
          out.println(
              Ansi.paint(
                  "Statement trace did not complete within "
                      + state.maxTraceWait().toSeconds()
                      + " seconds; trace data may be incomplete.",
                  Ansi.RED,
                  state.display().colors()));
        }
        if (trace != null && !tracePrinter().print(trace.trace())) {
          errors.report(null, 0, "No rows for session " + id + " found.");
        }
      } catch (RuntimeException e) {
        errors.report(null, 0, "Unable to fetch query trace: " + ErrorText.describe(e));
      }
    }
    out.flush();
  }

  private TracePrinter tracePrinter() {
    return new TracePrinter(
        out, state.display().colors(), state.interactive(), ZoneId.systemDefault());
  }

  void login(Login l) {
    ShellState.Reconnector reconnector = state.reconnector();
    if (!state.connected()) {
      throw new IllegalStateException(ShellState.NOT_CONNECTED);
    }
    if (reconnector == null) {
      throw new IllegalStateException(
          "LOGIN is not available: the shell does not know how it connected.");
    }
    String password = l.password();
    if (password == null) {
      Console console = System.console();
      if (console == null) {
        throw new IllegalStateException(
            "LOGIN without a password needs a terminal to ask for it:"
                + " give it quoted, LOGIN "
                + l.username()
                + " 'password'");
      }
      char[] typed = console.readPassword("Password: ");
      password = typed == null ? "" : new String(typed);
    }
    state.session(reconnector.connect(l.username(), password, state.keyspace()));
  }

  void history(History h) {
    if (h.count() != null) {
      state.historyLength(h.count());
    }
    List<String> entries = historyEntries(historyFile);
    int from = Math.max(0, entries.size() - state.historyLength());
    entries.subList(from, entries.size()).forEach(out::println);
  }

  /**
   * The entries of a JLine history file ({@code millis:line}, with {@code \n}, {@code \r} and
   * {@code \\} escaped), oldest first; empty when the file does not exist.
   */
  static List<String> historyEntries(Path file) {
    List<String> entries = new ArrayList<>();
    if (file == null || !Files.isRegularFile(file)) {
      return entries;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not read the history file " + file + ": " + e.getMessage());
    }
    for (String line : lines) {
      Matcher m = HISTORY_LINE.matcher(line);
      entries.add(unescape(m.matches() ? m.group(1) : line));
    }
    return entries;
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char n = text.charAt(++i);
        out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  void help(Help h) {
    if (h.topics().isEmpty()) {
      out.print(HelpText.index());
      return;
    }
    List<String> unknown = new ArrayList<>();
    for (String topic : h.topics()) {
      String text = HelpText.topic(topic);
      if (text == null) {
        unknown.add(topic);
      } else {
        out.println(text);
      }
    }
    if (!unknown.isEmpty()) {
      out.flush();
      throw new IllegalStateException("*** No help on " + String.join(", ", unknown));
    }
  }
}
