package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY TO and COPY FROM in CSV through the real shell: a table of every CQL type goes out and comes
 * back value by value with cqlsh's default options and with every option changed; the cqlsh
 * conventions of the text are pinned on a small table; STDOUT, STDIN (inline in a script and from
 * the shell's input), .csv.gz and .csv.zst, MAXOUTPUTSIZE, SKIPROWS/MAXROWS/SKIPCOLS/TTL and a
 * refused value. One script run and one STDIN run.
 */
@ExtendWith(CassandraExtension.class)
class CsvCopyIT {
  private static final String CONV =
      "p int, id int, t text, b boolean, i int, bi bigint, dec decimal,"
          + " d double, ts timestamp, bl blob, l list<text>, s set<int>, m map<text, int>,"
          + " tp frozen<tuple<int, text>>, pt frozen<point>, note text, PRIMARY KEY (p, id)";
  private static final String HEADER = "p,id,b,bi,bl,d,dec,i,l,m,note,pt,s,t,tp,ts\r\n";
  private static final String ROW_1 =
      "0,1,True,-9876543210,0xcafe,1234.5,1234567.891,1234567,\"['a', 'it''s']\","
          + "{'k': 1},n1,\"{x: 1.5, y: -2}\",\"{1, 2}\",\"say \\\"hi\\\", then\nbye\",\"(7, 'x')\","
          + "2024-01-02 03:04:05.678+0000\r\n";
  private static final String CONV_TEXT =
      HEADER
          + ROW_1
          + "0,2,,,,,,,,,,,,,,\r\n"
          + "0,3,,,,,,3,,,n3,,,r3,,\r\n"
          + "0,4,,,,,,4,,,n4,,,r4,,\r\n"
          + "0,5,,,,,,5,,,n5,,,r5,,\r\n";

  private static String keyspace;
  private static LocalCassandra node;
  private static Map<String, DataType> columns;
  private static int rowCount;
  private static Path dir;
  private static Shell.Result script;

  @BeforeAll
  static void exportAndImport() throws Exception {
    keyspace = CassandraExtension.createKeyspace(CsvCopyIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    EveryTypeTable.create(session, keyspace, "everything", "back_default", "back_custom");
    columns = EveryTypeTable.columns(session, keyspace, "everything");
    List<Map<String, Object>> rows =
        new ArrayList<>(
            EveryTypeTable.randomRows(columns, new RandomCql(20_241_122L, false), 20, 1));
    rows.addAll(EveryTypeTable.edgeRows(session, keyspace, "everything", false, 100_000));
    EveryTypeTable.insert(session, keyspace, "everything", rows);
    rowCount = rows.size();
    for (String t :
        List.of(
            "conv",
            "conv_th",
            "conv_gz",
            "conv_zst",
            "conv_skip",
            "conv_stdin",
            "conv_pipe",
            "conv_bad")) {
      session.execute("CREATE TABLE " + keyspace + "." + t + " (" + CONV + ")");
    }
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".conv (p, id, t, b, i, bi, dec, d, ts, bl, l, s, m, tp, pt, note) VALUES (0, 1, 'say"
            + " \"hi\", then\n"
            + "bye', true, 1234567, -9876543210, 1234567.891, 1234.5, '2024-01-02"
            + " 03:04:05.678+0000', 0xcafe, ['a', 'it''s'], {1, 2}, {'k': 1}, (7, 'x'), {x: 1.5, y:"
            + " -2}, 'n1')");
    session.execute("INSERT INTO " + keyspace + ".conv (p, id) VALUES (0, 2)");
    for (int id = 3; id <= 5; id++) {
      session.execute(
          "INSERT INTO " + keyspace + ".conv (p, id, i, t, note) VALUES (0, ?, ?, ?, ?)",
          id,
          id,
          "r" + id,
          "n" + id);
    }
    dir = Files.createDirectories(Shell.home().resolve("target/it/csv"));
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.writeString(dir.resolve("bad.csv"), "0,1,True,1,0x00,1.5,1.5,zz,,,,,,,,\r\n");
    String custom =
        " WITH HEADER=true AND DELIMITER='|' AND QUOTE='''' AND ESCAPE='#' AND NULL='N/A' AND"
            + " DATETIMEFORMAT='%d/%m/%Y %H:%M:%S.%f %z' AND DECIMALSEP=',' AND BOOLSTYLE='yes, no'"
            + " AND ENCODING='UTF-16'";
    String text =
        String.join(
            "\n",
            "COPY everything TO '" + f("all.csv") + "';",
            "COPY back_default FROM '" + f("all.csv") + "';",
            "COPY everything TO '" + f("custom.csv") + "'" + custom + ";",
            "COPY back_custom FROM '"
                + f("custom.csv")
                + "'"
                + custom
                + " AND INGESTRATE=20000 AND MINBATCHSIZE=2 AND MAXBATCHSIZE=5 AND"
                + " PREPAREDSTATEMENTS=false;",
            "COPY conv TO '" + f("conv.csv") + "' WITH HEADER=true;",
            "COPY conv TO STDOUT WITH HEADER=true;",
            "COPY conv TO '"
                + f("conv-th.csv")
                + "' WITH THOUSANDSSEP='.' AND DECIMALSEP=',' AND NULL='-';",
            "COPY conv_th FROM '"
                + f("conv-th.csv")
                + "' WITH THOUSANDSSEP='.' AND DECIMALSEP=',' AND NULL='-';",
            "COPY conv TO '" + f("conv.csv.gz") + "';",
            "COPY conv_gz FROM '" + f("conv.csv.gz") + "';",
            "COPY conv TO '" + f("conv.csv.zst") + "';",
            "COPY conv_zst FROM '" + f("conv.csv.zst") + "';",
            "COPY conv TO '" + f("split.csv") + "' WITH MAXOUTPUTSIZE=2;",
            "COPY conv_skip FROM '"
                + f("conv.csv")
                + "' WITH HEADER=true AND SKIPROWS=1 AND MAXROWS=2"
                + " AND SKIPCOLS='note' AND TTL=3600;",
            "COPY conv_bad FROM '" + f("bad.csv") + "' WITH ERRFILE='" + f("bad.err") + "';",
            "COPY conv_stdin (p, id, t, bl) FROM STDIN;",
            "0,1,\"two",
            "lines\",0x01",
            "0,2,plain,",
            "\\.",
            "SELECT count(*) FROM conv_stdin;",
            "");
    Path file = dir.resolve("script.cql");
    Files.writeString(file, text);
    script = Shell.run(node.host(), node.port(), "-k", keyspace, "-f", file.toString());
  }

  private static String f(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void should_bring_every_value_of_every_type_back_with_default_options() {
    assertThat(script.out())
        .contains(rowCount + " rows exported to 1 files", rowCount + " rows imported from 1 files");
    assertSameValues("back_default", true, false);
  }

  @Test
  void should_bring_every_value_back_with_every_option_changed() throws Exception {
    assertSameValues("back_custom", false, true);
    byte[] bytes = Files.readAllBytes(dir.resolve("custom.csv"));
    String text = new String(bytes, StandardCharsets.UTF_16);
    assertThat(bytes[0] & 0xff).isEqualTo(0xfe);
    assertThat(text).startsWith("id|ck|");
    assertThat(text).contains("|N/A|", "|yes|", "|no|");
  }

  @Test
  void should_write_cqlsh_text_to_files_and_stdout() throws Exception {
    assertThat(Files.readString(dir.resolve("conv.csv"))).isEqualTo(CONV_TEXT);
    assertThat(script.out()).contains(CONV_TEXT);
    // COPY TO STDOUT prints only the rows: 6 exports to files print their summary.
    assertThat(script.out().split("rows exported to 1 files", -1)).hasSize(7);
    assertThat(Files.readString(dir.resolve("conv-th.csv")))
        .startsWith(
            "0,1,True,-9.876.543.210,0xcafe,\"1.234,5\",\"1.234.567,891\",1.234.567,\"['a',"
                + " 'it''s']\",{'k': 1},n1,\"{x: 1,5, y: -2}\",\"{1, 2}\",\"say \\\"hi\\\", then\n"
                + "bye\",\"(7, 'x')\",2024-01-02 03:04:05.678+0000\r\n"
                + "0,2,-,-,-,-,-,-,-,-,-,-,-,-,-,-\r\n");
    assertSameConv("conv_th");
  }

  @Test
  void should_compress_and_decompress_by_extension() throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("conv.csv.gz")))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(CONV_TEXT.substring(HEADER.length()));
    }
    byte[] zst = Files.readAllBytes(dir.resolve("conv.csv.zst"));
    assertThat(zst).startsWith((byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd);
    assertSameConv("conv_gz");
    assertSameConv("conv_zst");
    try (DuckDb duck = new DuckDb()) {
      assertThat(
              duck.value(
                  "SELECT t FROM read_csv("
                      + DuckDb.literal(dir.resolve("conv.csv"))
                      + ", header=true, escape='\\', quote='\"', all_varchar=true) WHERE id = '1'"))
          .isEqualTo("say \"hi\", then\nbye");
    }
  }

  @Test
  void should_split_output_every_maxoutputsize_rows_as_cqlsh_names_the_files() throws Exception {
    assertThat(script.out()).contains("5 rows exported to 3 files");
    assertThat(Files.readString(dir.resolve("split.csv")))
        .isEqualTo(
            CONV_TEXT.substring(HEADER.length(), HEADER.length() + ROW_1.length())
                + "0,2,,,,,,,,,,,,,,\r\n");
    assertThat(Files.readString(dir.resolve("split.csv.1"))).startsWith("0,3,").contains("0,4,");
    assertThat(Files.readString(dir.resolve("split.csv.2")))
        .isEqualTo("0,5,,,,,,5,,,n5,,,r5,,\r\n");
  }

  @Test
  void should_skip_rows_and_columns_stop_at_maxrows_and_set_the_ttl() {
    CqlSession session = CassandraExtension.session();
    List<Row> rows =
        session.execute("SELECT id, note, i, TTL(i) FROM " + keyspace + ".conv_skip").all();
    assertThat(rows).extracting(r -> r.getInt("id")).containsExactly(2, 3);
    assertThat(rows.get(1).isNull("note")).isTrue();
    assertThat(rows.get(1).getInt("i")).isEqualTo(3);
    assertThat(rows.get(1).getInt(3)).isBetween(3000, 3600);
  }

  @Test
  void should_refuse_a_value_naming_file_row_and_column() {
    assertThat(script.err())
        .contains(f("bad.csv") + ": row 1, column i (int): 'zz' is not an integer");
    assertThat(script.err()).doesNotContain("\tat ");
    assertThat(
            CassandraExtension.session().execute("SELECT * FROM " + keyspace + ".conv_bad").all())
        .isEmpty();
  }

  @Test
  void should_read_inline_data_after_copy_from_stdin_in_a_script_until_backslash_dot() {
    assertThat(script.out()).contains("2 rows imported from 1 files");
    List<Row> rows =
        CassandraExtension.session()
            .execute("SELECT id, t, bl FROM " + keyspace + ".conv_stdin")
            .all();
    assertThat(rows).extracting(r -> r.getString("t")).containsExactly("two\nlines", "plain");
    assertThat(rows.get(0).getByteBuffer("bl")).isEqualTo(ByteBuffer.wrap(new byte[] {1}));
    assertThat(rows.get(1).isNull("bl")).isTrue();
    assertThat(script.out()).containsPattern("count\\s*\\n-+\\n\\s*2");
  }

  @Test
  void should_read_the_shell_standard_input_for_copy_from_stdin_given_with_e() throws Exception {
    Shell.Result run =
        Shell.runRaw(
            "0,7,from stdin\n0,8,\"x,y\"\n\\.\nignored,after,end\n",
            node.host(),
            String.valueOf(node.port()),
            "-k",
            keyspace,
            "-e",
            "COPY conv_pipe (p, id, t) FROM STDIN");
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out()).contains("2 rows imported from 1 files");
    assertThat(
            CassandraExtension.session().execute("SELECT t FROM " + keyspace + ".conv_pipe").all())
        .extracting(r -> r.getString("t"))
        .containsExactly("from stdin", "x,y");
  }

  private static void assertSameConv(String table) {
    CqlSession session = CassandraExtension.session();
    List<Row> expected = session.execute("SELECT * FROM " + keyspace + ".conv").all();
    List<Row> actual = session.execute("SELECT * FROM " + keyspace + "." + table).all();
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      for (int c = 0; c < expected.get(i).getColumnDefinitions().size(); c++) {
        assertThat(actual.get(i).getBytesUnsafe(c))
            .as("%s row %d column %d", table, i, c)
            .isEqualTo(expected.get(i).getBytesUnsafe(c));
      }
    }
  }

  /**
   * Every column of every row holds the same bytes. With the default NULL (empty), an empty text
   * comes back NULL, as in cqlsh. With {@code literals} (an import with PREPAREDSTATEMENTS=false),
   * a value may instead hold the same decoded value in other bytes: the server stores the elements
   * of a set or map literal in its sorted order, where a prepared write keeps the order the bound
   * bytes have (a frozen set inside a user type, as the driver wrote it).
   */
  private static void assertSameValues(String copy, boolean emptyTextIsNull, boolean literals) {
    assertThat(script.err()).doesNotContain(copy);
    CqlSession session = CassandraExtension.session();
    Map<String, Row> expected = EveryTypeTable.rowsByKey(session, keyspace, "everything");
    Map<String, Row> actual = EveryTypeTable.rowsByKey(session, keyspace, copy);
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, Row> e : expected.entrySet()) {
      Row a = actual.get(e.getKey());
      for (Map.Entry<String, DataType> column : columns.entrySet()) {
        ByteBuffer want = e.getValue().getBytesUnsafe(column.getKey());
        ByteBuffer got = a.getBytesUnsafe(column.getKey());
        boolean text =
            column.getValue().equals(DataTypes.TEXT) || column.getValue().equals(DataTypes.ASCII);
        if (emptyTextIsNull && text && want != null && want.remaining() == 0) {
          assertThat(got).as("%s %s", e.getKey(), column.getKey()).isNull();
          continue;
        }
        if (literals && !Objects.equals(want, got)) {
          assertThat(a.getObject(column.getKey()))
              .as("%s row %s column %s", copy, e.getKey(), column.getKey())
              .isEqualTo(e.getValue().getObject(column.getKey()));
          continue;
        }
        assertThat(Objects.equals(want, got))
            .as(
                "%s row %s column %s: %s vs %s",
                copy,
                e.getKey(),
                column.getKey(),
                e.getValue().getObject(column.getKey()),
                a.getObject(column.getKey()))
            .isTrue();
      }
    }
  }
}
