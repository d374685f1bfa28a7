package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY FROM with bad rows, through the real shell: values that do not convert (parse errors) and
 * rows Cassandra refuses (insert errors) go to the ERRFILE, the import goes on or stops at exactly
 * MAXPARSEERRORS / MAXINSERTERRORS as cqlsh's, and the table plus the ERRFILE hold exactly the
 * input's rows.
 *
 * <p>The input has 2000 rows {@code i = 0..1999}: {@code n} is a VARCHAR column holding {@code
 * 'abc'} where {@code i % 100 = 7} (20 parse errors), the partition key {@code k} is empty where
 * {@code i % 250 = 11} (8 insert errors: "Key may not be empty"), and the clustering key {@code c}
 * is longer than Cassandra's 64 KiB key limit for {@code i} 500 and 1500 (2 insert errors, each in
 * a batch with good rows of its partition).
 */
@ExtendWith(CassandraExtension.class)
class CopyFromErrorsIT {
  private static final int ROWS = 2000;
  private static final Pattern ID = Pattern.compile("\"i\":(\\d+)");

  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;
  private static Path input;

  private static boolean parseError(int i) {
    return i % 100 == 7;
  }

  private static boolean insertError(int i) {
    return i % 250 == 11 || i == 500 || i == 1500;
  }

  @BeforeAll
  static void setUp() throws Exception {
    keyspace = CassandraExtension.createKeyspace(CopyFromErrorsIT.class);
    node = CassandraExtension.node();
    for (String t : List.of("t1", "t2", "t3")) {
      CassandraExtension.session()
          .execute(
              "CREATE TABLE "
                  + keyspace
                  + "."
                  + t
                  + " (k text, c text, i int, n int, PRIMARY KEY (k, c))");
    }
    dir = Files.createDirectories(Shell.home().resolve("target/it/copy-from-errors"));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    input = dir.resolve("input.parquet");
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT"
              + " CASE WHEN i % 250 = 11 THEN '' ELSE 'p' || (i % 50) END AS k,"
              + " CASE WHEN i IN (500, 1500) THEN repeat('x', 70000) || i ELSE 'c' || i END AS c,"
              + " i::INTEGER AS i,"
              + " CASE WHEN i % 100 = 7 THEN 'abc' ELSE i::VARCHAR END AS n"
              + " FROM range("
              + ROWS
              + ") r(i) ORDER BY i) TO "
              + DuckDb.literal(input)
              + " (FORMAT parquet)");
    }
  }

  /** The ids of the rows in a table; every row's n must equal its i. */
  private static Set<Integer> tableIds(String table) {
    CqlSession session = CassandraExtension.session();
    Set<Integer> ids = new TreeSet<>();
    for (Row row : session.execute("SELECT i, n FROM " + keyspace + "." + table)) {
      assertThat(row.getInt("n")).as("n of row %d", row.getInt("i")).isEqualTo(row.getInt("i"));
      assertThat(ids.add(row.getInt("i"))).isTrue();
    }
    return ids;
  }

  /** The ids of the rows in an ERRFILE, which must hold one JSON object per line. */
  private static Map<Integer, String> errIds(Path errFile) throws Exception {
    Map<Integer, String> ids = new HashMap<>();
    for (String line : Files.readAllLines(errFile)) {
      assertThat(line).startsWith("{").endsWith("}");
      Matcher m = ID.matcher(line);
      assertThat(m.find()).as(line).isTrue();
      assertThat(ids.put(Integer.parseInt(m.group(1)), line)).isNull();
    }
    return ids;
  }

  private static Set<Integer> all() {
    return IntStream.range(0, ROWS).boxed().collect(Collectors.toCollection(TreeSet::new));
  }

  /** Table and ERRFILE together hold every input row exactly once. */
  private static void assertPartition(Set<Integer> inTable, Set<Integer> inErrFile) {
    assertThat(inTable).doesNotContainAnyElementsOf(inErrFile);
    Set<Integer> union = new TreeSet<>(inTable);
    union.addAll(inErrFile);
    assertThat(union).isEqualTo(all());
  }

  @Test
  void should_import_every_good_row_and_write_exactly_the_bad_ones_to_the_errfile()
      throws Exception {
    Path defaultErrFile = Shell.home().resolve("import_" + keyspace + "_t1.err");
    Path err2 = dir.resolve("t2.err");
    Path err3 = dir.resolve("t3.err");
    Path script = dir.resolve("copy.cql");
    Files.writeString(
        script,
        String.join(
            "\n",
            "COPY t1 FROM '" + input + "';",
            "COPY t2 FROM '" + input + "' WITH MAXPARSEERRORS=5 AND ERRFILE='" + err2 + "';",
            "COPY t3 FROM '"
                + input
                + "' WITH MAXINSERTERRORS=3 AND MAXREQUESTS=1 AND MAXBATCHSIZE=1"
                + " AND ERRFILE='"
                + err3
                + "';",
            ""));
    Shell.Result result;
    try {
      result = Shell.run(node.host(), node.port(), "-k", keyspace, "-f", script.toString());
      assertThat(defaultErrFile).exists();
      Files.move(defaultErrFile, dir.resolve("t1.err"));
    } finally {
      Files.deleteIfExists(defaultErrFile);
    }
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("\tat ", "Exception in thread");

    // t1, default maximums (parse: none, insert: 1000): the import goes on past every bad row.
    Set<Integer> bad =
        all().stream()
            .filter(i -> parseError(i) || insertError(i))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(bad).hasSize(30);
    Set<Integer> t1 = tableIds("t1");
    Map<Integer, String> t1Err = errIds(dir.resolve("t1.err"));
    assertThat(t1).hasSize(ROWS - 30);
    assertThat(t1Err.keySet()).isEqualTo(bad);
    assertPartition(t1, t1Err.keySet());
    assertThat(t1Err.get(7))
        .isEqualTo(
            "{\"k\":\"p7\",\"c\":\"c7\",\"i\":7,\"n\":{\"refused\":\"'abc' is not an integer\"}}");
    assertThat(t1Err.get(11)).isEqualTo("{\"k\":\"\",\"c\":\"c11\",\"i\":11,\"n\":11}");
    assertThat(t1Err.get(500))
        .startsWith("{\"k\":\"p0\",\"c\":\"xxxx")
        .endsWith("500\",\"i\":500,\"n\":500}");
    assertThat(result.out())
        .containsPattern(
            "1970 rows imported from 1 files in [0-9.]+ seconds \\(0 skipped, 20 parse errors, 10"
                + " insert errors, ");
    assertThat(result.err())
        .contains(
            "Failed to process 30 rows; failed rows written to import_" + keyspace + "_t1.err");
    assertThat(result.err())
        .contains(
            "Failed to import 1 rows: ParseError - cannot load '"
                + input
                + "', row 8, column 'n' (Parquet BINARY STRING to CQL int): 'abc' is not an"
                + " integer,  given up without retries");
    assertThat(result.err())
        .contains(
            "Failed to import 1 rows: InvalidRequest - Key may not be empty,  given up after 1"
                + " attempt");

    // t2, MAXPARSEERRORS=5: stops at the 6th bad value (row 507); the rest goes to the ERRFILE.
    Set<Integer> t2 = tableIds("t2");
    Map<Integer, String> t2Err = errIds(err2);
    assertPartition(t2, t2Err.keySet());
    assertThat(t2).doesNotContainAnyElementsOf(bad).allMatch(i -> i < 507);
    assertThat(result.err())
        .containsPattern(
            "copy.cql:2:Exceeded maximum number of parse errors 5; "
                + t2.size()
                + " rows imported from 1 files in [0-9.]+ seconds \\(0 skipped, 6 parse errors,"
                + " [0-9]+ insert errors, .*\\). "
                + (ROWS - t2.size())
                + " rows not imported \\([0-9]+ of them never sent\\) are in "
                + Pattern.quote(
                    err2
                        + ": fix the cause, then COPY "
                        + keyspace
                        + ".t2 FROM '"
                        + err2
                        + "' WITH FORMAT='json'."));

    // t3, MAXINSERTERRORS=3, one write at a time: the 4th refused row (511) stops the import;
    // rows 0..511 less 6 parse and 4 insert errors are imported, nothing after is sent.
    Set<Integer> t3 = tableIds("t3");
    Map<Integer, String> t3Err = errIds(err3);
    assertPartition(t3, t3Err.keySet());
    assertThat(t3).hasSize(502);
    assertThat(t3)
        .isEqualTo(
            IntStream.rangeClosed(0, 511)
                .boxed()
                .filter(i -> !parseError(i) && !insertError(i))
                .collect(Collectors.toSet()));
    assertThat(result.err())
        .containsPattern(
            "copy.cql:3:Exceeded maximum number of insert errors 3; 502 rows imported from 1 files"
                + " in [0-9.]+ seconds \\(0 skipped, 6 parse errors, 4 insert errors, .*\\). 1498"
                + " rows not imported \\(1488 of them never sent\\) are in ");
  }
}
