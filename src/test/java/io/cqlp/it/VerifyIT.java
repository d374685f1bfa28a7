package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * VERIFY through bin/cqlp in 256 MiB of heap: a 200,000-row table against its own export (Parquet
 * and CSV, with COPY TO's VERIFY=true and as its own command), then against the same files after a
 * row was deleted, one added and one cell changed.
 */
@ExtendWith(CassandraExtension.class)
class VerifyIT {
  private static final int ROWS = 200_000;

  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void load() throws Exception {
    keyspace = CassandraExtension.createKeyspace(VerifyIT.class);
    node = CassandraExtension.node();
    CassandraExtension.session()
        .execute(
            "CREATE TABLE "
                + keyspace
                + ".rows (id int, ck int, name text,"
                + " score double, tags set<text>, at timestamp, PRIMARY KEY (id, ck))");
    dir = Files.createDirectories(Shell.home().resolve("target/it/verify"));
    Path source = dir.resolve("source.parquet");
    Files.deleteIfExists(source);
    try (DuckDb duck = new DuckDb()) {
      duck.execute(
          "COPY (SELECT (i // 4)::INTEGER AS id, (i % 4)::INTEGER AS ck, 'name ' || i AS name,"
              + " i / 7.0 AS score, ['b' || (i % 3), 'a'] AS tags,"
              + " TIMESTAMP '2024-01-01' + INTERVAL (i) SECOND AS at FROM range("
              + ROWS
              + ") t(i)) TO "
              + DuckDb.literal(source)
              + " (FORMAT parquet)");
    }
    Shell.Result load = cqlp("COPY rows FROM '" + source + "';");
    assertThat(load.exitCode()).as(load.toString()).isZero();
    assertThat(load.out()).contains(ROWS + " rows imported from 1 files");
  }

  private static Shell.Result cqlp(String statements) throws Exception {
    return Shell.runWithEnv(
        Map.of("CQLP_JAVA_OPTS", "-Xmx256m"),
        null,
        node.host(),
        String.valueOf(node.port()),
        "-k",
        keyspace,
        "-e",
        statements);
  }

  @Test
  void should_find_a_clean_export_equal_then_a_deleted_an_added_and_a_changed_row()
      throws Exception {
    Path parquet = dir.resolve("rows.parquet");
    Path csv = dir.resolve("rows.csv");
    Files.deleteIfExists(parquet);
    Files.deleteIfExists(csv);
    Shell.Result export =
        cqlp(
            "COPY rows TO '"
                + parquet
                + "' WITH VERIFY=true;"
                + " COPY rows TO '"
                + csv
                + "' WITH VERIFY=true;");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.out())
        .containsPattern(
            "Compared "
                + ROWS
                + " rows of "
                + keyspace
                + ".rows with "
                + ROWS
                + " rows of '"
                + parquet
                + "' by primary key in [0-9.]+ seconds: all equal.");
    assertThat(export.out())
        .containsPattern(
            "Compared "
                + ROWS
                + " rows of "
                + keyspace
                + ".rows with "
                + ROWS
                + " rows of '"
                + csv
                + "' by primary key in [0-9.]+ seconds: all equal.");

    CqlSession session = CassandraExtension.session();
    session.execute("DELETE FROM " + keyspace + ".rows WHERE id = 100 AND ck = 1");
    session.execute("INSERT INTO " + keyspace + ".rows (id, ck, name) VALUES (999999, 0, 'new')");
    session.execute("UPDATE " + keyspace + ".rows SET score = 0.5 WHERE id = 200 AND ck = 2");
    try {
      for (Path file : new Path[] {parquet, csv}) {
        Shell.Result verify = cqlp("VERIFY rows AGAINST '" + file + "'");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(2);
        assertThat(verify.err()).isEmpty();
        assertThat(verify.out())
            .containsPattern(
                "Compared "
                    + ROWS
                    + " rows of "
                    + keyspace
                    + ".rows with "
                    + ROWS
                    + " rows of '"
                    + file
                    + "' by primary key in [0-9.]+ seconds: 1 only in the table, 1 only in the"
                    + " files, 1 different \\(score: 1\\)\\.");
        assertThat(verify.out().lines().filter(l -> l.startsWith("  ")).toList())
            .containsExactly(
                "  only in the table: id=999999, ck=0",
                "  only in the files: id=100, ck=1",
                "  different: id=200, ck=2 (score)");
      }
      Shell.Result some = cqlp("VERIFY rows (id, ck, name) AGAINST '" + parquet + "'");
      assertThat(some.exitCode()).isEqualTo(2);
      assertThat(some.out()).contains(": 1 only in the table, 1 only in the files, 0 different.");
    } finally {
      session.execute("DELETE FROM " + keyspace + ".rows WHERE id = 999999 AND ck = 0");
    }
  }

  @Test
  void should_refuse_what_it_cannot_compare_in_one_line() throws Exception {
    Shell.Result missing = cqlp("VERIFY rows AGAINST '" + dir.resolve("nothing.parquet") + "'");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errLines())
        .containsExactly(
            "<stdin>:1:Cannot read " + dir.resolve("nothing.parquet") + ": no such file.");
    Shell.Result xlsx = cqlp("COPY rows TO '" + dir.resolve("rows.xlsx") + "' WITH VERIFY=true");
    assertThat(xlsx.errLines())
        .containsExactly(
            "<stdin>:1:VERIFY=true reads the export back, and cqlp does not"
                + " read XLSX; export to Parquet, CSV or JSON to verify it.");
    assertThat(dir.resolve("rows.xlsx")).doesNotExist();
  }
}
