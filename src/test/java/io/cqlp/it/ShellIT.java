package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The command line as cqlsh users know it: -e, -f, piped input, exit statuses, output. */
@ExtendWith(CassandraExtension.class)
class ShellIT {
  private static String keyspace;
  private static LocalCassandra node;

  @BeforeAll
  static void setUp() {
    keyspace = CassandraExtension.createKeyspace(ShellIT.class);
    node = CassandraExtension.node();
    CassandraExtension.session()
        .execute(
            "CREATE TABLE " + keyspace + ".users (id int PRIMARY KEY, name text, score double)");
    CassandraExtension.session()
        .execute("INSERT INTO " + keyspace + ".users (id, name, score) VALUES (1, 'ada', 1.5)");
    CassandraExtension.session()
        .execute("INSERT INTO " + keyspace + ".users (id, name) VALUES (22, 'grace')");
  }

  @Test
  void should_print_its_version() throws Exception {
    Shell.Result result = Shell.runRaw(null, "--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().trim()).matches("cqlp \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void should_print_a_select_as_cqlsh_does() throws Exception {
    Shell.Result result =
        Shell.run(
            node.host(),
            node.port(),
            "-e",
            "SELECT id, name, score FROM " + keyspace + ".users WHERE id IN (1, 22)");
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "\n"
                + " id | name  | score\n"
                + "----+-------+-------\n"
                + "  1 |   ada |   1.5\n"
                + " 22 | grace |  null\n\n"
                + "(2 rows)\n");
  }

  @Test
  void should_run_a_file_continue_after_an_error_and_exit_2() throws Exception {
    Path script = Files.createTempFile("script", ".cql");
    Files.writeString(
        script,
        "USE "
            + keyspace
            + ";\n-- a comment; with a semicolon\nSELECT name FROM nope;\n"
            + "SELECT name FROM users\n  WHERE id = 1;\n");
    Shell.Result result =
        Shell.runRaw(null, node.host(), String.valueOf(node.port()), "-f", script.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0))
        .startsWith(script + ":3:InvalidRequest: ")
        .contains("nope");
    assertThat(result.out()).contains(" name\n------\n  ada\n\n(1 rows)");
  }

  @Test
  void should_read_statements_piped_on_standard_input() throws Exception {
    Shell.Result result =
        Shell.runRaw(
            "USE "
                + keyspace
                + ";\nCONSISTENCY QUORUM;\nCONSISTENCY\nSELECT count(*) FROM users;\n",
            node.host(),
            String.valueOf(node.port()));
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "Consistency level set to QUORUM.",
            "Current consistency level is QUORUM.",
            " count\n-------\n     2\n");
  }

  @Test
  void should_exit_1_when_it_cannot_connect() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Shell.Result result =
        Shell.runRaw(
            null,
            "127.0.0.1",
            String.valueOf(closedPort),
            "--connect-timeout",
            "2",
            "-e",
            "SELECT 1 FROM system.local");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0))
        .startsWith("Connection error:")
        .contains("127.0.0.1:" + closedPort);
  }

  @Test
  void should_exit_2_on_a_failed_statement_in_execute_mode() throws Exception {
    Shell.Result result =
        Shell.run(node.host(), node.port(), "-e", "SELECT * FROM " + keyspace + ".missing");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0)).startsWith("<stdin>:1:InvalidRequest:");
  }

  /**
   * A one-shot statement does not read the schema tables (the driver's schema metadata comes on
   * first use), while COPY, which plans from the table's metadata, does: counted by the node
   * itself, Cassandra 5.0's {@code system_views.cql_metrics}, around each run.
   */
  @Test
  void should_not_fetch_the_schema_for_a_one_shot_query_and_fetch_it_for_copy(@TempDir Path dir)
      throws Exception {
    long before = regularStatements();
    Shell.Result select =
        Shell.run(node.host(), node.port(), "-e", "SELECT release_version FROM system.local");
    long between = regularStatements();
    Shell.Result copy =
        Shell.run(
            node.host(),
            node.port(),
            "-e",
            "COPY " + keyspace + ".users TO '" + dir.resolve("users.csv") + "'");
    long after = regularStatements();

    assertThat(select.exitCode()).as(select.toString()).isZero();
    assertThat(copy.exitCode()).as(copy.toString()).isZero();
    assertThat(Files.readAllLines(dir.resolve("users.csv"))).isNotEmpty();
    // the control connection's system.local/peers queries, the SELECT, and this count's own query
    long oneShot = between - before;
    assertThat(oneShot).as("statements of a one-shot SELECT").isLessThanOrEqualTo(8);
    assertThat(after - between)
        .as("statements of COPY TO, schema queries included")
        .isGreaterThan(oneShot + 6);
  }

  private static long regularStatements() {
    return (long)
        CassandraExtension.session()
            .execute(
                "SELECT value FROM system_views.cql_metrics WHERE name ="
                    + " 'regular_statements_executed'")
            .one()
            .getDouble(0);
  }
}
