package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.local.LocalCassandra;
import io.cqlp.local.NodeSecurity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run that executes statements and exits reads over cqlp's own connection, and prints exactly
 * what the driver's session prints: every CQL type, results over several pages, values larger than
 * one protocol v5 segment, a keyspace given with -k, a node that asks for a password.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectReadsIT {
  private static final String CLIENTS = "SELECT client_options FROM system_views.clients";
  private String keyspace;
  private LocalCassandra node;
  private LocalCassandra passwordNode;
  private int rowCount;

  @BeforeAll
  void setUp() throws Exception {
    keyspace = CassandraExtension.createKeyspace(DirectReadsIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    EveryTypeTable.create(session, keyspace, "everything");
    List<Map<String, Object>> rows =
        new ArrayList<>(
            EveryTypeTable.randomRows(
                EveryTypeTable.columns(session, keyspace, "everything"),
                new RandomCql(21, false),
                230,
                1));
    // edge values: a 1 MiB blob among them, over several 128 KiB segments
    rows.addAll(EveryTypeTable.edgeRows(session, keyspace, "everything", false, 100_000));
    EveryTypeTable.insert(session, keyspace, "everything", rows);
    rowCount = rows.size();
  }

  @AfterAll
  void stopPasswordNode() {
    if (passwordNode != null) {
      passwordNode.stop();
    }
  }

  /** Lines of {@link #CLIENTS}' output from cqlp's connections. */
  private static List<String> cqlpClients(Shell.Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result.out().lines().filter(l -> l.contains("'APPLICATION_NAME': 'cqlp'")).toList();
  }

  @Test
  void should_print_every_type_over_many_pages_as_the_driver_session_does() throws Exception {
    String select = "SELECT * FROM " + keyspace + ".everything";

    Shell.Result direct = Shell.run(node.host(), node.port(), "-e", select);
    // protocol v4: the direct connection speaks v5 only, so the driver session runs it
    Shell.Result driver =
        Shell.run(node.host(), node.port(), "--protocol-version", "4", "-e", select);

    assertThat(direct.exitCode()).as(direct.err()).isZero();
    assertThat(direct.err()).isEmpty();
    assertThat(driver.exitCode()).as(driver.err()).isZero();
    assertThat(direct.out()).contains("rows)").isEqualTo(driver.out());
    // 100 rows a page, as cqlsh: the rows of later pages came over the same connection
    assertThat(rowCount).isGreaterThan(200);
    assertThat(direct.out()).endsWith("(" + rowCount + " rows)\n");
  }

  @Test
  void should_read_over_one_connection_and_open_the_driver_session_only_when_needed()
      throws Exception {
    List<String> direct = cqlpClients(Shell.run(node.host(), node.port(), "-e", CLIENTS));
    List<String> afterUse =
        cqlpClients(Shell.run(node.host(), node.port(), "-e", "USE system; " + CLIENTS));

    assertThat(direct)
        .singleElement()
        .asString()
        .contains(
            "'DRIVER_NAME': 'cqlp'", "'DRIVER_VERSION': '" + System.getProperty("cqlp.version"));
    // USE goes to the driver session: its control and pool connections, and no direct one
    assertThat(afterUse)
        .hasSizeGreaterThanOrEqualTo(2)
        .allMatch(l -> l.contains("'DRIVER_NAME': 'Apache Cassandra Java Driver'"));
  }

  @Test
  void should_read_in_the_keyspace_given_with_k_and_report_a_missing_one_as_before()
      throws Exception {
    Shell.Result counted =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "SELECT id, ck FROM everything WHERE id = 1 AND ck = 0");
    Shell.Result missing =
        Shell.run(node.host(), node.port(), "-k", "no_such_keyspace", "-e", "SELECT 1 FROM t");

    assertThat(counted.exitCode()).as(counted.err()).isZero();
    assertThat(counted.out()).contains("  1 |  0", "(1 rows)");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines())
        .singleElement()
        .asString()
        .startsWith("Connection error: could not connect to " + node.host())
        .contains("no_such_keyspace");
  }

  @Test
  void should_log_in_with_a_password_and_refuse_a_wrong_one_as_before() throws Exception {
    passwordNode =
        LocalCassandra.start(
            Path.of(System.getProperty("cqlp.home", "."), "target", "it-password-node"),
            LocalCassandra.defaultLibDir(),
            LocalCassandra.DEFAULT_START_TIMEOUT,
            new NodeSecurity(false, true));

    Shell.Result in =
        asSuperuser(
            NodeSecurity.SUPERUSER, "SELECT client_options, username FROM system_views.clients");
    Shell.Result refused = asSuperuser("not-the-password-4711", "SELECT 1 FROM system.local");

    assertThat(cqlpClients(in))
        .singleElement()
        .asString()
        .contains("'DRIVER_NAME': 'cqlp'", "| " + NodeSecurity.SUPERUSER);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines())
        .singleElement()
        .asString()
        .startsWith("Connection error: could not connect to " + passwordNode.host())
        .doesNotContain("not-the-password-4711");
  }

  /** {@code cqlp -u cassandra -p PASSWORD -e STATEMENT} against the password node. */
  private Shell.Result asSuperuser(String password, String statement) throws Exception {
    return Shell.runRaw(
        null,
        passwordNode.host(),
        String.valueOf(passwordNode.port()),
        "-u",
        NodeSecurity.SUPERUSER,
        "-p",
        password,
        "--insecure-password-without-warning",
        "-e",
        statement);
  }
}
