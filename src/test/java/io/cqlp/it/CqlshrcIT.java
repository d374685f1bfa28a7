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
import org.junit.jupiter.api.io.TempDir;

/**
 * The cqlshrc through the real shell: [connection] and [authentication] keyspace instead of
 * arguments, [ui] float_precision, the COPY sections with cqlsh's precedence (command over
 * per-table over direction over [copy]), flags over the file, and a malformed file refused.
 */
@ExtendWith(CassandraExtension.class)
class CqlshrcIT {
  private static String keyspace;
  private static LocalCassandra node;
  @TempDir static Path dir;

  @BeforeAll
  static void setUp() {
    keyspace = CassandraExtension.createKeyspace(CqlshrcIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    for (String table : new String[] {"src", "dst", "dst2", "dst3"}) {
      session.execute("CREATE TABLE " + keyspace + "." + table + " (id int PRIMARY KEY, f float)");
    }
    for (int id = 1; id <= 5; id++) {
      session.execute(
          "INSERT INTO "
              + keyspace
              + ".src (id, f) VALUES ("
              + id
              + ", "
              + (id == 1 ? "3.14159" : id + ".5")
              + ")");
    }
  }

  private static long count(String table) {
    return CassandraExtension.session()
        .execute("SELECT count(*) FROM " + keyspace + "." + table)
        .one()
        .getLong(0);
  }

  @Test
  void should_connect_display_and_copy_as_the_cqlshrc_says() throws Exception {
    Path rc =
        Files.writeString(
            dir.resolve("my-cqlshrc"),
            String.join(
                "\n",
                "; cqlp reads what it knows and ignores the rest, as cqlsh does",
                "[connection]",
                "hostname = " + node.host(),
                "port = " + node.port(),
                "[authentication]",
                "keyspace = " + keyspace,
                "[ui]",
                "color = off",
                "completekey = tab",
                "float_precision = 3",
                "[copy]",
                "numprocesses = 4",
                "maxpendingchunks = 24",
                "[copy-to]",
                "compression = gzip",
                "[copy-from]",
                "maxrows = 2",
                "[copy-from:" + keyspace + ".dst2]",
                "maxrows = 3",
                ""));
    Path export = dir.resolve("all.parquet");
    Path script =
        Files.writeString(
            dir.resolve("script.cql"),
            String.join(
                "\n",
                "SELECT f FROM src WHERE id = 1;",
                "COPY src TO '" + export + "';",
                "COPY dst FROM '" + export + "';",
                "COPY dst2 FROM '" + export + "';",
                "COPY dst3 FROM '" + export + "' WITH MAXROWS = 4;",
                ""));

    Shell.Result result = Shell.runRaw(null, "--cqlshrc", rc.toString(), "-f", script.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("\n 3.142\n\n(1 rows)\n").doesNotContain("3.1416");
    assertThat(result.out())
        .contains(
            "5 rows exported to 1 files",
            "2 rows imported from 1 files",
            "3 rows imported from 1 files",
            "4 rows imported from 1 files");
    assertThat(count("dst")).isEqualTo(2);
    assertThat(count("dst2")).isEqualTo(3);
    assertThat(count("dst3")).isEqualTo(4);
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + DuckDb.literal(export)
                      + ") WHERE compression = 'GZIP'"))
          .isPositive();
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM parquet_metadata("
                      + DuckDb.literal(export)
                      + ") WHERE compression <> 'GZIP'"))
          .isZero();
    }
    assertThat(result.errLines())
        .contains(
            "Reading options from " + rc + ":[copy-to]: {compression=gzip}",
            "Reading options from " + rc + ":[copy-from:" + keyspace + ".dst2]: {maxrows=3}",
            "Ignoring option maxpendingchunks of " + rc + ": cqlp's COPY has no such option.");
  }

  @Test
  void should_let_arguments_and_flags_beat_the_default_cqlshrc() throws Exception {
    Path home = Files.createTempDirectory(dir, "home");
    Files.createDirectories(home.resolve(".cassandra"));
    Files.writeString(
        home.resolve(".cassandra/cqlshrc"),
        "[connection]\n"
            + "hostname = 127.0.0.9\n"
            + "port = 1\n"
            + "[authentication]\n"
            + "keyspace = no_such_keyspace\n");

    Shell.Result result =
        Shell.runWithEnv(
            Map.of("HOME", home.toString()),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-k",
            keyspace,
            "-e",
            "SELECT count(*) FROM src");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("     5\n\n(1 rows)");
  }

  @Test
  void should_refuse_a_malformed_cqlshrc_in_one_line() throws Exception {
    Path rc = Files.writeString(dir.resolve("bad-cqlshrc"), "\nport = 9042\n");

    Shell.Result result =
        Shell.runRaw(null, "--cqlshrc", rc.toString(), "-e", "SELECT 1 FROM system.local");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(rc + ":2: an option before any [section] header");
  }
}
