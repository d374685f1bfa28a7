package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqlp.local.LocalCassandra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * cqlsh's informational shell commands and the result formats through the real shell: DESCRIBE
 * (server side), CONSISTENCY, PAGING and EXPAND in a script, TRACING's trace table, SHOW, HELP,
 * HISTORY, LOGIN, and {@code --format json|csv|expand}.
 */
@ExtendWith(CassandraExtension.class)
class MetaCommandsIT {
  private static String keyspace;
  private static LocalCassandra node;

  @BeforeAll
  static void createTables() {
    keyspace = CassandraExtension.createKeyspace(MetaCommandsIT.class);
    node = CassandraExtension.node();
    var session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".people"
            + " (id int PRIMARY KEY, name text, tags list<text>, score double, ok boolean)");
    session.execute("CREATE TABLE " + keyspace + ".events (id int PRIMARY KEY)");
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".people (id, name, tags, score, ok)"
            + " VALUES (1, 'ann', ['a', 'b'], 1.5, true)");
    session.execute("INSERT INTO " + keyspace + ".people (id) VALUES (2)");
  }

  @Test
  void should_run_informational_commands_of_a_script_with_cqlsh_output() throws Exception {
    Path home = Files.createTempDirectory("cqlp-meta-home");
    Files.createDirectories(home.resolve(".cqlp"));
    Files.writeString(
        home.resolve(".cqlp/history"),
        "1700000000000:SELECT 1;\n1700000000001:USE shop;\n1700000000002:SELECT a,\\n b FROM t;\n");
    Path script = Files.createTempFile("meta", ".cql");
    Files.writeString(
        script,
        String.join(
            "\n",
            "DESCRIBE KEYSPACES", // 1
            "DESCRIBE TABLES", // 2
            "DESC TABLE people", // 3
            "CONSISTENCY", // 4
            "CONSISTENCY QUORUM", // 5
            "SERIAL CONSISTENCY LOCAL_SERIAL", // 6
            "PAGING 1", // 7
            "SELECT id FROM people WHERE id IN (1, 2);", // 8
            "PAGING OFF", // 9
            "EXPAND ON", // 10
            "SELECT id, name FROM people WHERE id = 1;", // 11
            "EXPAND OFF", // 12
            "SHOW VERSION", // 13
            "SHOW HOST", // 14
            "HELP CONSISTENCY", // 15
            "HELP frobnicate", // 16
            "HISTORY 2", // 17
            "TRACING ON", // 18
            "SELECT name FROM people WHERE id = 1;", // 19
            "TRACING OFF", // 20
            "TRACING OFF", // 21
            "SHOW SESSION 4f0fd5b0-9c58-11ee-a6c5-3b1e8d2d2d77", // 22
            "LOGIN bob", // 23
            "LOGIN cassandra 'cassandra'", // 24
            "SELECT count(*) FROM events;", // 25
            "DESCRIBE TABLE nosuch", // 26
            ""));
    Shell.Result result =
        Shell.runWithEnv(
            Map.of("HOME", home.toString()),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-k",
            keyspace,
            "-f",
            script.toString());
    String out = result.out();
    Files.writeString(
        Files.createDirectories(Shell.home().resolve("target/it")).resolve("meta-commands.out"),
        out);
    String s = script.toString();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(4);
    assertThat(result.errLines().get(0)).isEqualTo(s + ":16:*** No help on frobnicate");
    // cqlsh 6.2: a second TRACING OFF only says so on stdout (no error)
    assertThat(result.errLines().get(1))
        .isEqualTo(s + ":22:Session 4f0fd5b0-9c58-11ee-a6c5-3b1e8d2d2d77 wasn't found.");
    assertThat(result.errLines().get(2))
        .startsWith(s + ":23:LOGIN without a password needs a terminal");
    assertThat(result.errLines().get(3)).startsWith(s + ":26:").contains("nosuch");

    // DESCRIBE KEYSPACES: names in columns; TABLES inside the keyspace: names without a title.
    assertThat(out).startsWith("\n");
    String keyspaces = out.substring(0, out.indexOf("\nevents  people\n"));
    assertThat(keyspaces).contains(keyspace).contains("system_auth").contains("system_schema  ");
    assertThat(out).contains("\nevents  people\n\n");
    assertThat(out).contains("\nCREATE TABLE " + keyspace + ".people (\n    id int PRIMARY KEY,\n");
    assertThat(out)
        .contains(
            "Current consistency level is ONE.\nConsistency level set to QUORUM.\n"
                + "Serial consistency level set to LOCAL_SERIAL.\nPage size: 1\n");
    // PAGING without a terminal: every row, one header, no ---MORE---.
    assertThat(out).contains("\n id\n----\n  1\n  2\n\n(2 rows)\nPAGING set to OFF\n");
    assertThat(out).doesNotContain("---MORE---");
    assertThat(out)
        .contains(
            "EXPAND set to ON\n"
                + "\n@ Row 1\n------+-----\n id   | 1\n name | ann\n\n\n(1 rows)\n"
                + "EXPAND set to OFF\n");
    assertThat(out)
        .containsPattern(
            "\\[cqlp [^ ]+ \\| Cassandra 5\\.[0-9.]+ \\| CQL spec 3\\.[0-9.]+ \\| Native protocol"
                + " v[45]\\]\n");
    assertThat(out)
        .containsPattern(
            "Connected to [^\n]+ at " + node.host().replace(".", "\\.") + ":" + node.port() + "\n");
    assertThat(out).contains("CONSISTENCY <level>         set it for later statements");
    assertThat(out).contains("\nUSE shop;\nSELECT a,\n b FROM t;\nTRACING set to ON\n");
    // TRACING ON: the result, then the trace table with cqlsh's headings.
    assertThat(out)
        .containsPattern(
            "\n"
                + " name\n"
                + "------\n"
                + "  ann\n\n"
                + "\\(1 rows\\)\n\n"
                + "Tracing session: [0-9a-f-]{36}\n\n"
                + " activity +\\| timestamp +\\| source +\\| source_elapsed \\| client\n"
                + "-+\\+-+\\+-+\\+-+\\+-+\n");
    assertThat(out).contains(" Execute CQL3 query |").containsPattern("\n +Request complete \\| ");
    assertThat(out).contains("TRACING set to OFF\nTRACING is already OFF\n");
    // LOGIN reconnected in the same keyspace.
    assertThat(out)
        .contains(
            "\n count\n-------\n     0\n\n(1 rows)\n\nWarnings :\n"
                + "Aggregation query used without partition key\n\n");
  }

  @Test
  void should_print_json_lines_with_typed_values_and_csv_with_a_header() throws Exception {
    String select = "SELECT id, name, tags, score, ok FROM " + keyspace + ".people WHERE id = ";
    Shell.Result json =
        Shell.run(
            node.host(),
            node.port(),
            "--format",
            "json",
            "-e",
            select + "1; " + select + "2; CONSISTENCY");
    assertThat(json.err()).isEmpty();
    List<String> lines = json.out().lines().toList();
    assertThat(lines).hasSize(3);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines.get(0));
    assertThat(first.get("id").isInt()).isTrue();
    assertThat(first.get("id").asInt()).isEqualTo(1);
    assertThat(first.get("name").asText()).isEqualTo("ann");
    assertThat(first.get("tags").isArray()).isTrue();
    assertThat(first.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(first.get("score").isNumber()).isTrue();
    assertThat(first.get("score").asDouble()).isEqualTo(1.5);
    assertThat(first.get("ok").isBoolean()).isTrue();
    JsonNode second = mapper.readTree(lines.get(1));
    assertThat(second.get("name").isNull()).isTrue();
    assertThat(second.get("tags").isNull()).isTrue();
    assertThat(lines.get(2)).isEqualTo("Current consistency level is ONE.");

    Shell.Result csv =
        Shell.run(node.host(), node.port(), "--format", "csv", "-e", select + "1; " + select + "2");
    assertThat(csv.err()).isEmpty();
    assertThat(csv.out())
        .isEqualTo(
            "id,name,tags,score,ok\n1,ann,\"['a', 'b']\",1.5,True\n"
                + "id,name,tags,score,ok\n2,,,,\n");

    Shell.Result expand =
        Shell.run(
            node.host(),
            node.port(),
            "--format",
            "expand",
            "--no-color",
            "-e",
            "SELECT id, ok FROM " + keyspace + ".people WHERE id = 1");
    assertThat(expand.out())
        .isEqualTo("\n@ Row 1\n----+------\n id | 1\n ok | True\n\n\n(1 rows)\n");

    Shell.Result colored =
        Shell.run(
            node.host(),
            node.port(),
            "--color",
            "-e",
            "SELECT id, name FROM " + keyspace + ".people WHERE id = 2");
    assertThat(colored.out()).contains("\033[0;1;35mid\033[0m").contains("\033[0;1;31mnull\033[0m");

    Shell.Result bad = Shell.runRaw(null, "--format", "xml", "-e", "SELECT 1");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo("unknown output format 'xml': use table, expand, json or csv");
  }
}
