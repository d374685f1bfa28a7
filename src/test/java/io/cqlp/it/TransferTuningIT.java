package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tuning options of COPY through the real shell: INGESTRATE holds an import to its rate, and a
 * single-file export with MAXREQUESTS=1 comes out in token order (as the README says).
 */
@ExtendWith(CassandraExtension.class)
class TransferTuningIT {

  @Test
  void should_hold_an_import_to_its_ingest_rate_and_export_in_token_order_with_one_scan()
      throws Exception {
    String keyspace = CassandraExtension.createKeyspace(TransferTuningIT.class);
    LocalCassandra node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    session.execute("CREATE TABLE " + keyspace + ".src (k int, c int, v text, PRIMARY KEY (k, c))");
    session.execute("CREATE TABLE " + keyspace + ".dst (k int, c int, v text, PRIMARY KEY (k, c))");
    PreparedStatement insert =
        session.prepare("INSERT INTO " + keyspace + ".src (k, c, v) VALUES (?, ?, ?)");
    for (int k = 0; k < 300; k++) {
      BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
      for (int c = 0; c < 10; c++) {
        batch = batch.add(insert.bind(k, c, "v" + (k * 10 + c)));
      }
      session.execute(batch);
    }
    Path dir = Files.createDirectories(Shell.home().resolve("target/it/tuning"));
    Path file = dir.resolve("src.parquet");
    Files.deleteIfExists(file);

    Shell.Result result =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "COPY src TO '"
                + file
                + "' WITH MAXREQUESTS=1 AND PAGESIZE=100;"
                + " COPY dst FROM '"
                + file
                + "' WITH INGESTRATE=1000;"
                + " COPY dst FROM '"
                + file
                + "' WITH INGESTRATE=0;");

    assertThat(result.out()).as(result.toString()).contains("3000 rows exported to 1 files");
    Matcher imported =
        Pattern.compile("3000 rows imported from 1 files in ([0-9.]+) seconds")
            .matcher(result.out());
    assertThat(imported.find()).as(result.toString()).isTrue();
    assertThat(Double.parseDouble(imported.group(1))).isGreaterThanOrEqualTo(2.9);
    assertThat(result.errLines())
        .as(result.err())
        .containsExactly("<stdin>:1:INGESTRATE is rows per second and must be at least 1.");
    assertThat(session.execute("SELECT count(*) FROM " + keyspace + ".dst").one().getLong(0))
        .isEqualTo(3000);

    List<long[]> expected = new ArrayList<>();
    for (Row row : session.execute("SELECT token(k), k, c FROM " + keyspace + ".src")) {
      expected.add(new long[] {row.getLong(0), row.getInt(1), row.getInt(2)});
    }
    expected.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[2]));
    try (DuckDb duck = new DuckDb()) {
      List<List<Object>> rows =
          duck.rows("SELECT k, c FROM read_parquet(" + DuckDb.literal(file) + ")");
      assertThat(rows).hasSize(3000);
      for (int i = 0; i < rows.size(); i++) {
        assertThat(((Number) rows.get(i).get(0)).longValue())
            .as("row %d", i)
            .isEqualTo(expected.get(i)[1]);
        assertThat(((Number) rows.get(i).get(1)).longValue())
            .as("row %d", i)
            .isEqualTo(expected.get(i)[2]);
      }
    }
  }
}
