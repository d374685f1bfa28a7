package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * cqlsh's COPY options that say how a copy runs, through the real shell: BEGINTOKEN/ENDTOKEN export
 * the rows of that token range (checked against {@code SELECT token(k)}), NUMPROCESSES multiplies
 * the scans in flight, PAGETIMEOUT sets each page's timeout, REPORTFREQUENCY paces the progress
 * lines, RATEFILE gets cqlsh's rate lines, and a cqlshrc's chunksize stays COPY FROM's while a
 * Parquet export keeps its default row groups.
 */
@ExtendWith(CassandraExtension.class)
class CqlshCopyOptionsIT {
  private static final int PARTITIONS = 200;
  private static final int ROWS_PER_PARTITION = 5;
  private static final int ROWS = PARTITIONS * ROWS_PER_PARTITION;
  private static final Pattern RATE_LINE =
      Pattern.compile(
          "Processed: ([0-9]+) rows; Rate: [ 0-9]{7} rows/s; Avg\\. rate: [ 0-9]{7} rows/s\r");

  private static String keyspace;
  private static LocalCassandra node;

  /** Partition key by token, in token order. */
  private static final TreeMap<Long, Integer> KEYS_BY_TOKEN = new TreeMap<>();

  @TempDir static Path dir;

  @BeforeAll
  static void setUp() {
    keyspace = CassandraExtension.createKeyspace(CqlshCopyOptionsIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    for (String table : List.of("src", "dst", "dst2", "dst3")) {
      session.execute(
          "CREATE TABLE " + keyspace + "." + table + " (k int, c int, v text, PRIMARY KEY (k, c))");
    }
    PreparedStatement insert =
        session.prepare("INSERT INTO " + keyspace + ".src (k, c, v) VALUES (?, ?, ?)");
    for (int k = 0; k < PARTITIONS; k++) {
      BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
      for (int c = 0; c < ROWS_PER_PARTITION; c++) {
        batch = batch.add(insert.bind(k, c, "v" + k + "-" + c));
      }
      session.execute(batch);
    }
    for (Row row : session.execute("SELECT DISTINCT token(k), k FROM " + keyspace + ".src")) {
      KEYS_BY_TOKEN.put(row.getLong(0), row.getInt(1));
    }
  }

  private static long count(String table) {
    return CassandraExtension.session()
        .execute("SELECT count(*) FROM " + keyspace + "." + table)
        .one()
        .getLong(0);
  }

  private static Shell.Result cqlp(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-k", keyspace));
    all.addAll(List.of(args));
    return Shell.run(node.host(), node.port(), all.toArray(String[]::new));
  }

  private static Set<Integer> exportedKeys(Path parquet) throws Exception {
    Set<Integer> keys = new HashSet<>();
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.longValue("SELECT count(*) FROM read_parquet(" + DuckDb.literal(parquet) + ")"))
          .isEqualTo(
              duck.longValue(
                  "SELECT count(DISTINCT k) * "
                      + ROWS_PER_PARTITION
                      + " FROM read_parquet("
                      + DuckDb.literal(parquet)
                      + ")"));
      for (List<Object> row :
          duck.rows("SELECT DISTINCT k FROM read_parquet(" + DuckDb.literal(parquet) + ")")) {
        keys.add(((Number) row.get(0)).intValue());
      }
    }
    return keys;
  }

  @Test
  void should_export_only_the_tokens_after_begintoken_up_to_and_including_endtoken()
      throws Exception {
    List<Long> tokens = new ArrayList<>(KEYS_BY_TOKEN.keySet());
    long begin = tokens.get(50);
    long end = tokens.get(149);
    Path both = dir.resolve("both.parquet");
    Path from = dir.resolve("from.parquet");
    Path upTo = dir.resolve("upto.parquet");

    Shell.Result result =
        cqlp(
            "-e",
            "COPY src TO '"
                + both
                + "' WITH BEGINTOKEN="
                + begin
                + " AND ENDTOKEN="
                + end
                + "; COPY src TO '"
                + from
                + "' WITH BEGINTOKEN="
                + begin
                + " AND MAXREQUESTS=2"
                + "; COPY src TO '"
                + upTo
                + "' WITH ENDTOKEN='"
                + end
                + "' AND BEGINTOKEN=''");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains(
            "495 rows exported to 1 files",
            "745 rows exported to 1 files",
            "750 rows exported to 1 files");
    assertThat(exportedKeys(both))
        .isEqualTo(Set.copyOf(KEYS_BY_TOKEN.subMap(begin, false, end, true).values()));
    assertThat(exportedKeys(from))
        .isEqualTo(Set.copyOf(KEYS_BY_TOKEN.tailMap(begin, false).values()));
    assertThat(exportedKeys(upTo)).isEqualTo(Set.copyOf(KEYS_BY_TOKEN.headMap(end, true).values()));
  }

  @Test
  void should_refuse_bad_token_bounds_in_one_line_and_write_nothing() throws Exception {
    Path target = dir.resolve("refused.parquet");

    Shell.Result result =
        cqlp(
            "-e",
            "COPY src TO '"
                + target
                + "' WITH BEGINTOKEN=10 AND ENDTOKEN=-10;"
                + " COPY src TO '"
                + target
                + "' WITH BEGINTOKEN='abc';"
                + " COPY (SELECT k FROM src) TO '"
                + target
                + "' WITH ENDTOKEN=0;"
                + " COPY src TO '"
                + target
                + "' WITH ENDTOKEN=0 AND VERIFY=true;"
                + " COPY src TO '"
                + target
                + "' WITH NUMPROCESSES=0;"
                + " COPY src TO '"
                + target
                + "' WITH PAGETIMEOUT=0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            "<stdin>:1:BEGINTOKEN 10 must not be greater than ENDTOKEN -10 (the export takes the"
                + " tokens t with BEGINTOKEN < t <= ENDTOKEN).",
            "<stdin>:1:BEGINTOKEN='abc' is not a token of the Murmur3Partitioner: give one as"
                + " SELECT token(...) returns it, e.g. BEGINTOKEN=-4611686018427387904.",
            "<stdin>:1:BEGINTOKEN and ENDTOKEN bound a table's token ranges; in COPY (SELECT ...)"
                + " TO, put token(...) > ... AND token(...) <= ... in the query.",
            "<stdin>:1:VERIFY=true compares the whole table with the export, and BEGINTOKEN or"
                + " ENDTOKEN export part of it; drop VERIFY, or the bounds.",
            "<stdin>:1:NUMPROCESSES must be at least 1; it multiplies MAXREQUESTS, the requests in"
                + " flight.",
            "<stdin>:1:PAGETIMEOUT is seconds per page and must be at least 1, e.g."
                + " PAGETIMEOUT=30.");
    assertThat(target).doesNotExist();
  }

  @Test
  void should_multiply_the_scans_in_flight_by_numprocesses_and_set_each_page_timeout()
      throws Exception {
    Path target = dir.resolve("parallel.csv");

    Shell.Result plain = cqlp("--debug", "-e", "COPY src TO '" + target + "'");
    Shell.Result parallel =
        cqlp("--debug", "-e", "COPY src TO '" + target + "' WITH NUMPROCESSES=4 AND PAGETIMEOUT=7");
    Shell.Result import2 =
        cqlp("-e", "COPY dst FROM '" + target + "' WITH NUMPROCESSES=2 AND MAXREQUESTS=3");

    assertThat(plain.errLines())
        .as(plain.err())
        .contains("scans at once: 6 (NUMPROCESSES × MAXREQUESTS); page timeout: 50.0 s");
    assertThat(parallel.errLines())
        .as(parallel.err())
        .contains("scans at once: 24 (NUMPROCESSES × MAXREQUESTS); page timeout: 7.0 s");
    // About 64 ranges, or 8 per scan in flight if more: 192 for 24.
    assertThat(rangesPlanned(plain)).isBetween(64, 100);
    assertThat(rangesPlanned(parallel)).isBetween(192, 260);
    assertThat(parallel.out()).contains(ROWS + " rows exported to 1 files");
    assertThat(import2.out()).as(import2.toString()).contains(ROWS + " rows imported from 1 files");
    assertThat(count("dst")).isEqualTo(ROWS);
  }

  private static int rangesPlanned(Shell.Result result) {
    Matcher m = Pattern.compile("scan plan: ([0-9]+) token ranges").matcher(result.err());
    assertThat(m.find()).as(result.err()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void should_write_cqlsh_rate_lines_to_the_ratefile_and_report_every_reportfrequency_seconds()
      throws Exception {
    Path export = dir.resolve("rated.parquet");
    Path exportRates = dir.resolve("export-rates.txt");
    Path importRates = dir.resolve("import-rates.txt");
    Files.writeString(importRates, "an older file, replaced\n");

    Shell.Result quiet =
        cqlp("-e", "COPY src TO '" + export + "' WITH RATEFILE='" + exportRates + "'");
    // 1,000 rows at 400 rows/s: about 2.5 seconds, with a report every half second.
    Shell.Result paced =
        cqlp(
            "-e",
            "COPY dst2 FROM '"
                + export
                + "' WITH INGESTRATE=400 AND REPORTFREQUENCY=0.5"
                + " AND RATEFILE='"
                + importRates
                + "'");

    assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
    assertThat(paced.exitCode()).as(paced.toString()).isZero();
    List<String> exported = rateLines(exportRates);
    assertThat(exported.get(exported.size() - 1)).startsWith("Processed: " + ROWS + " rows; ");
    List<String> imported = rateLines(importRates);
    assertThat(imported.size()).isBetween(4, 8);
    assertThat(imported.get(imported.size() - 1))
        .startsWith("Processed: " + ROWS + " rows; Rate: ");
    long previous = 0;
    for (String line : imported) {
      Matcher m = RATE_LINE.matcher(line);
      assertThat(m.matches()).isTrue();
      long rows = Long.parseLong(m.group(1));
      assertThat(rows).isGreaterThanOrEqualTo(previous);
      previous = rows;
    }
    // Without REPORTFREQUENCY a script shows progress every 10 seconds: this export printed none.
    assertThat(quiet.progress()).isEmpty();
    assertThat(paced.progress()).hasSizeBetween(3, 8);
    assertThat(count("dst2")).isEqualTo(ROWS);
  }

  /** The file's lines, each checked against cqlsh's format (ending with {@code \r\n}). */
  private static List<String> rateLines(Path file) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n");
    List<String> lines = List.of(text.split("\n"));
    for (String line : lines) {
      assertThat(line).matches(RATE_LINE);
    }
    return lines;
  }

  @Test
  void should_keep_a_cqlshrc_chunksize_for_copy_from_and_default_row_groups_for_a_parquet_export()
      throws Exception {
    Path rc = Files.writeString(dir.resolve("chunk-cqlshrc"), "[copy]\nchunksize = 100\n");
    Path bad =
        Files.writeString(
            dir.resolve("bad-chunk.rc"), "[copy-from]\nchunksize = 0\n[copy-to]\nchunksize = 0\n");
    Path defaults = dir.resolve("rc-default.parquet");
    Path typed = dir.resolve("rc-typed.parquet");
    Path configured = dir.resolve("rc-configfile.parquet");

    Shell.Result result =
        Shell.run(
            node.host(),
            node.port(),
            "--cqlshrc",
            rc.toString(),
            "-k",
            keyspace,
            "-e",
            "COPY src TO '"
                + defaults
                + "'; COPY src TO '"
                + typed
                + "' WITH CHUNKSIZE=100;"
                + " COPY dst3 FROM '"
                + defaults
                + "';"
                + " COPY src TO '"
                + configured
                + "' WITH CONFIGFILE='"
                + bad
                + "';"
                + " COPY dst3 FROM '"
                + defaults
                + "' WITH CONFIGFILE='"
                + bad
                + "'");

    assertThat(result.out()).as(result.toString()).contains(ROWS + " rows imported from 1 files");
    assertThat(result.errLines())
        .contains(
            "Reading options from " + rc + ":[copy]: {chunksize=100}",
            "<stdin>:1:MAXREQUESTS, MAXATTEMPTS and MAXBATCHSIZE must be at least 1, CHUNKSIZE from"
                + " 1 to 1M.");
    assertThat(count("dst3")).isEqualTo(ROWS);
    try (DuckDb duck = new DuckDb()) {
      for (Path file : List.of(defaults, configured)) {
        assertThat(
                duck.longValue(
                    "SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                        + DuckDb.literal(file)
                        + ")"))
            .as(file.toString())
            .isEqualTo(1);
      }
      assertThat(
              duck.longValue(
                  "SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                      + DuckDb.literal(typed)
                      + ")"))
          .isEqualTo(ROWS / 100);
    }
  }

  /** Write requests the node coordinated for a table: a batch counts once, whatever it holds. */
  private static long coordinatorWrites(String table) {
    Row row =
        CassandraExtension.session()
            .execute(
                "SELECT count FROM system_views.coordinator_write_latency WHERE keyspace_name = ?"
                    + " AND table_name = ?",
                keyspace,
                table)
            .one();
    return row == null ? 0 : row.getLong(0);
  }

  @Test
  void should_pool_small_partitions_by_replica_into_batches_of_at_most_ten_partitions()
      throws Exception {
    // 200 partitions of 5 rows: with MINBATCHSIZE=5 each is small, so partitions sharing the (one)
    // replica travel together, MAXBATCHSIZE=20 rows = 4 partitions a batch (cqlsh's rule): 50
    // writes. 1,000 single-row partitions with cqlsh's default MINBATCHSIZE=10 and MAXBATCHSIZE=50:
    // 10 partitions a batch (Cassandra warns beyond 10), 100 writes; with MAXBATCHSIZE=1, 1,000.
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE " + keyspace + ".pooled (k int, c int, v text, PRIMARY KEY (k, c))");
    for (String table : List.of("single", "unbatched")) {
      session.execute("CREATE TABLE " + keyspace + "." + table + " (k int PRIMARY KEY, v text)");
    }
    Path csv = dir.resolve("pooled.csv");
    Path singles = dir.resolve("singles.csv");
    StringBuilder lines = new StringBuilder();
    for (int k = 0; k < 1000; k++) {
      lines.append(k).append(",v").append(k).append('\n');
    }
    Files.writeString(singles, lines);

    Shell.Result result =
        cqlp(
            "-e",
            "COPY src TO '"
                + csv
                + "';"
                + " COPY pooled FROM '"
                + csv
                + "' WITH MINBATCHSIZE=5 AND MAXBATCHSIZE=20;"
                + " COPY single FROM '"
                + singles
                + "' WITH MAXBATCHSIZE=50;"
                + " COPY unbatched FROM '"
                + singles
                + "' WITH MAXBATCHSIZE=1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(count("pooled")).isEqualTo(ROWS);
    assertThat(count("single")).isEqualTo(1000);
    assertThat(count("unbatched")).isEqualTo(1000);
    assertThat(coordinatorWrites("pooled")).isEqualTo(ROWS / 20);
    assertThat(coordinatorWrites("single")).isEqualTo(100);
    assertThat(coordinatorWrites("unbatched")).isEqualTo(1000);
  }

  @Test
  void should_import_the_same_values_as_literal_cql_text_with_preparedstatements_false()
      throws Exception {
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TYPE " + keyspace + ".span (\"From\" date, v vector<float, 2>, l list<int>)");
    String columns =
        "(k int PRIMARY KEY, t text, d double, f float, b blob, l list<text>, m map<text, int>, s"
            + " set<uuid>, ts timestamp, dt date, tm time, dec decimal, vi varint, ip inet, du"
            + " duration, tu tuple<int, text>, fl frozen<list<double>>, vd vector<duration, 2>, vl"
            + " vector<list<int>, 2>, sp frozen<span>, ms map<frozen<set<int>>, frozen<tuple<text,"
            + " blob>>>)";
    for (String table : List.of("lit_src", "lit_prepared", "lit_text")) {
      session.execute("CREATE TABLE " + keyspace + "." + table + " " + columns);
    }
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".lit_src (k, t, d, f, b, l, m, s, ts, dt, tm, dec, vi, ip, du, tu, fl, vd, vl, sp,"
            + " ms) VALUES (1, 'it''s \u00e9 \\ x\n"
            + "\t$$ \ud83d\ude00', NaN, -Infinity, 0xcafe, ['a', 'b''c'], {'x': 1, 'y': -2},"
            + " {5b6962dd-3f90-4c93-8f61-eabfa4a803e2}, '2024-02-29 12:34:56.789+0000',"
            + " '1969-12-31', '23:59:59.123456789', 1.0E-30, 123456789012345678901234567890,"
            + " '2001:db8::ff00:42:8329', 1y2mo3d4h5m6s7ms8us9ns, (7, 'z'), [4.9E-324, -0.0],"
            + " [57y4mo, -1d2ns], [[1, 2], []], {\"From\": '-0001-01-01', v: [1.5, -0.0], l: []},"
            + " {{}: ('', 0x), {1, -2}: (null, 0x00)})");
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".lit_src (k, t, b, dt, dec, du, sp) VALUES (2, 'two', 0x,"
            + " '+10000-01-01', -1E+10, 0d, {\"From\": null, v: null, l: null})");
    PreparedStatement insert =
        session.prepare("INSERT INTO " + keyspace + ".lit_src (k, t, dec) VALUES (?, ?, ?)");
    for (int k = 10; k < 10 + LITERAL_ROWS; k++) {
      session.execute(insert.bind(k, "r" + k, new java.math.BigDecimal(k + ".50")));
    }
    Path csv = dir.resolve("lit.csv");
    assertThat(cqlp("-e", "COPY lit_src TO '" + csv + "' WITH HEADER=true").exitCode()).isZero();

    // MAXBATCHSIZE=1: one write a row, which the server counts (a batch's statements it does not,
    // and these single-row partitions would otherwise travel in batches pooled by replica)
    long[] before = statementsExecuted();
    Shell.Result prepared =
        cqlp("-e", "COPY lit_prepared FROM '" + csv + "' WITH HEADER=true AND MAXBATCHSIZE=1");
    long[] between = statementsExecuted();
    Shell.Result text =
        cqlp(
            "-e",
            "COPY lit_text FROM '"
                + csv
                + "' WITH HEADER=true AND PREPAREDSTATEMENTS=false AND MAXBATCHSIZE=1");
    long[] after = statementsExecuted();

    assertThat(prepared.exitCode()).as(prepared.toString()).isZero();
    assertThat(text.exitCode()).as(text.toString()).isZero();
    List<String> source = rows("lit_src");
    assertThat(source).hasSize(2 + LITERAL_ROWS);
    assertThat(rows("lit_text")).isEqualTo(source).isEqualTo(rows("lit_prepared"));
    // the server's own counts: each row went as a prepared write, then as text it parsed
    assertThat(between[0] - before[0])
        .as("prepared writes of the default import")
        .isGreaterThanOrEqualTo(LITERAL_ROWS);
    assertThat(after[0] - between[0])
        .as("prepared writes with PREPAREDSTATEMENTS=false")
        .isLessThan(LITERAL_ROWS / 2);
    assertThat(after[1] - between[1])
        .as("statements parsed with PREPAREDSTATEMENTS=false")
        .isGreaterThanOrEqualTo(LITERAL_ROWS);
  }

  @Test
  void should_add_to_counters_with_literal_updates_when_preparedstatements_is_false()
      throws Exception {
    CqlSession session = CassandraExtension.session();
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".hits (page text, day int, n counter, m counter,"
            + " PRIMARY KEY (page, day))");
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".hits_text (page text, day int, n counter, m counter,"
            + " PRIMARY KEY (page, day))");
    session.execute(
        "UPDATE "
            + keyspace
            + ".hits SET n = n + 9223372036854775807, m = m - 3"
            + " WHERE page = 'it''s' AND day = 1");
    session.execute("UPDATE " + keyspace + ".hits SET n = n - 42 WHERE page = 'b' AND day = -2");
    session.execute(
        "UPDATE " + keyspace + ".hits_text SET m = m + 10 WHERE page = 'it''s' AND day = 1");
    Path csv = dir.resolve("hits.csv");

    Shell.Result result =
        cqlp(
            "-e",
            "COPY hits TO '"
                + csv
                + "';"
                + " COPY hits_text FROM '"
                + csv
                + "' WITH PREPAREDSTATEMENTS=false");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    // counters are added to: the 10 already in hits_text's m stays under the imported -3
    assertThat(rows("hits_text"))
        .containsExactly(
            "[page:'b', day:-2, m:NULL, n:-42]",
            "[page:'it''s', day:1, m:7, n:9223372036854775807]");
  }

  /** Rows beyond the two hand-written ones in the PREPAREDSTATEMENTS test. */
  private static final int LITERAL_ROWS = 400;

  /**
   * The node's counts of executed statements, from Cassandra 5.0's {@code
   * system_views.cql_metrics}: prepared ones and regular (parsed) ones, a batch's statements
   * included.
   */
  private static long[] statementsExecuted() {
    long[] counts = new long[2];
    for (Row row :
        CassandraExtension.session().execute("SELECT name, value FROM system_views.cql_metrics")) {
      switch (row.getString("name")) {
        case "prepared_statements_executed" -> counts[0] = (long) row.getDouble("value");
        case "regular_statements_executed" -> counts[1] = (long) row.getDouble("value");
        default -> {}
      }
    }
    return counts;
  }

  private static List<String> rows(String table) {
    List<String> rows = new ArrayList<>();
    for (Row row :
        CassandraExtension.session().execute("SELECT * FROM " + keyspace + "." + table)) {
      rows.add(row.getFormattedContents());
    }
    rows.sort(null);
    return rows;
  }
}
