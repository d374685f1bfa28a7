package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.XlsxCells;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CAPTURE and COPY TO write the same files: the same rows of many types (text with commas, quotes
 * and line breaks, decimal, double, timestamp, list, map, set, a user type, blob, NULL), selected
 * through the real shell, are captured in CSV, JSON and XLSX and compared with COPY TO's output of
 * that format; a TEXT capture holds exactly the text the screen printed.
 */
@ExtendWith(CassandraExtension.class)
class CaptureSpellingIT {
  private static final String COLUMNS = "p, c, t, d, x, ts, l, m, s, u, b, n";
  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void createRows() throws Exception {
    keyspace = CassandraExtension.createKeyspace(CaptureSpellingIT.class);
    node = CassandraExtension.node();
    dir = Files.createDirectories(Shell.home().resolve("target/it/capture-spelling"));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    CqlSession session = CassandraExtension.session();
    session.execute("CREATE TYPE " + keyspace + ".addr (street text, zip int)");
    // one partition, so that COPY TO and SELECT give the rows in the same (clustering) order
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".many (p int, c int, t text, d decimal, x double, ts timestamp, l list<int>,"
            + " m map<text, int>, s set<text>, u frozen<addr>, b blob, n int,"
            + " PRIMARY KEY ((p), c))");
    String insert = "INSERT INTO " + keyspace + ".many (" + COLUMNS + ") VALUES ";
    session.execute(
        insert
            + "(1, 1, 'a, \"quoted\" ''single''\nsecond line', 1234567890.0123456789, 0.1,"
            + " '2024-02-29 23:59:59.123+0000', [1, 2], {'k,1': 1, 'k\"2': 2}, {'x', 'y z'},"
            + " {street: 'Main, \"St\"', zip: 12345}, 0xcafe, 7)");
    session.execute(
        insert
            + "(1, 2, '', -0.5, 1.0E300, '1970-01-01 00:00:00+0000', [], {}, {}, {street: null,"
            + " zip: 0}, 0x, null)");
    session.execute(insert + "(1, 3, null, null, null, null, null, null, null, null, null, null)");
  }

  @Test
  void should_capture_the_same_files_as_copy_to_and_the_screens_text() throws Exception {
    String select = "SELECT " + COLUMNS + " FROM many;\n";
    String script =
        "COPY many ("
            + COLUMNS
            + ") TO '"
            + dir.resolve("copy.csv")
            + "' WITH HEADER=true;\n"
            + "COPY many ("
            + COLUMNS
            + ") TO '"
            + dir.resolve("copy.jsonl")
            + "';\n"
            + "COPY many ("
            + COLUMNS
            + ") TO '"
            + dir.resolve("copy.xlsx")
            + "';\n"
            + capture("captured.csv", select)
            + capture("captured.jsonl", select)
            + capture("captured.xlsx", select)
            + capture("captured.txt", select);
    Shell.Result result = Shell.run(node.host(), node.port(), "-k", keyspace, "-e", script);
    assertThat(result.err()).as(result.toString()).isEmpty();
    assertThat(result.exitCode()).isZero();

    String csv = Files.readString(dir.resolve("copy.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("p,c,t,d,x,ts,l,m,s,u,b,n\r\n").contains("second line");
    assertThat(Files.readString(dir.resolve("captured.csv"), StandardCharsets.UTF_8))
        .isEqualTo(csv);

    List<JsonNode> json = jsonLines(dir.resolve("copy.jsonl"));
    assertThat(json).hasSize(3);
    assertThat(json.get(0).get("t").textValue()).isEqualTo("a, \"quoted\" 'single'\nsecond line");
    assertThat(jsonLines(dir.resolve("captured.jsonl"))).isEqualTo(json);

    List<List<String>> cells = cells(dir.resolve("copy.xlsx"));
    assertThat(cells).hasSize(4);
    assertThat(cells.get(0))
        .containsExactlyElementsOf(
            java.util.Arrays.stream(COLUMNS.split(", ")).map(n -> "STRING:" + n).toList());
    assertThat(cells(dir.resolve("captured.xlsx"))).isEqualTo(cells);

    String text = Files.readString(dir.resolve("captured.txt"), StandardCharsets.UTF_8);
    String shown =
        between(
            result.out(),
            "Now capturing query output to '" + dir.resolve("captured.txt") + "'.\n",
            "Stopped capture.");
    assertThat(text).isEqualTo(shown).contains("second line").contains("(3 rows)\n");

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("cqlp-"));
    }
  }

  private static String capture(String file, String select) {
    return "CAPTURE '" + dir.resolve(file) + "';\n" + select + "CAPTURE OFF;\n";
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertThat(start).as(text).isNotNegative();
    start += from.length();
    int end = text.indexOf(to, start);
    assertThat(end).as(text).isGreaterThan(start);
    return text.substring(start, end);
  }

  private static List<JsonNode> jsonLines(Path file) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      rows.add(mapper.readTree(line));
    }
    return rows;
  }

  /** Every cell of the only sheet ({@link XlsxCells#typed}). */
  private static List<List<String>> cells(Path file) throws Exception {
    List<List<List<String>>> sheets = XlsxCells.typed(file);
    assertThat(sheets).hasSize(1);
    return sheets.get(0);
  }
}
