package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input gets one clear line on standard error, exit status 2, no stack trace, and leaves
 * nothing behind at the target.
 */
@ExtendWith(CassandraExtension.class)
class BadInputIT {
  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    keyspace = CassandraExtension.createKeyspace(BadInputIT.class);
    node = CassandraExtension.node();
    CassandraExtension.session()
        .execute("CREATE TABLE " + keyspace + ".t (id int PRIMARY KEY, v text)");
    CassandraExtension.session()
        .execute("INSERT INTO " + keyspace + ".t (id, v) VALUES (1, 'one')");
    dir = Files.createDirectories(Shell.home().resolve("target/it/bad"));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }

  private static String fails(String statement) throws Exception {
    Shell.Result result = Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statement);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.errLines()).as(result.err()).hasSize(1);
    assertThat(result.err()).doesNotContain("\tat ", "Exception in thread", "NullPointerException");
    return result.errLines().get(0);
  }

  private static void nothingAt(Path target) throws Exception {
    assertThat(target).doesNotExist();
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(
              name -> name.contains(target.getFileName().toString()) || name.contains("tmp"));
    }
  }

  @Test
  void should_name_an_unknown_table() throws Exception {
    Path target = dir.resolve("nope.parquet");
    assertThat(fails("COPY nope TO '" + target + "'"))
        .isEqualTo("<stdin>:1:Table '" + keyspace + ".nope' does not exist.");
    nothingAt(target);
  }

  @Test
  void should_list_the_valid_options_for_an_unknown_one() throws Exception {
    Path target = dir.resolve("opt.parquet");
    assertThat(fails("COPY t TO '" + target + "' WITH COMPRESION='ZSTD'"))
        .startsWith("<stdin>:1:Unknown COPY TO option 'COMPRESION'. Valid options are: ")
        .contains("COMPRESSION", "CHUNKSIZE");
    nothingAt(target);
  }

  @Test
  void should_refuse_an_unknown_codec() throws Exception {
    Path target = dir.resolve("codec.parquet");
    assertThat(fails("COPY t TO '" + target + "' WITH COMPRESSION='LZMA'"))
        .contains("LZMA", "SNAPPY", "ZSTD");
    nothingAt(target);
  }

  @Test
  void should_say_when_the_target_directory_does_not_exist() throws Exception {
    Path target = dir.resolve("missing-dir/x.parquet");
    assertThat(fails("COPY t TO '" + target + "'"))
        .contains(target.getParent().toString())
        .contains("does not exist");
    assertThat(target.getParent()).doesNotExist();
  }

  @Test
  void should_report_a_syntax_error_with_line_and_column() throws Exception {
    assertThat(fails("COPY t TO"))
        .isEqualTo(
            "<stdin>:1:SyntaxException: line 1:10: mismatched input '<EOF>'. Expecting: 'STDOUT',"
                + " <string>");
  }

  @Test
  void should_name_a_missing_file() throws Exception {
    assertThat(fails("COPY t FROM '" + dir.resolve("absent.parquet") + "'"))
        .contains("absent.parquet", "no such file");
  }

  @Test
  void should_refuse_an_empty_file() throws Exception {
    Path empty = Files.write(dir.resolve("empty.parquet"), new byte[0]);
    assertThat(fails("COPY t FROM '" + empty + "'"))
        .contains("empty.parquet")
        .containsIgnoringCase("empty");
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void should_refuse_a_file_that_is_not_parquet() throws Exception {
    Path text =
        Files.writeString(dir.resolve("text.parquet"), "id,v\n2,two\n", StandardCharsets.UTF_8);
    assertThat(fails("COPY t FROM '" + text + "'"))
        .contains("text.parquet")
        .containsIgnoringCase("not a Parquet file");
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void should_refuse_a_truncated_file() throws Exception {
    Path whole = dir.resolve("whole.parquet");
    Shell.Result export =
        Shell.run(node.host(), node.port(), "-k", keyspace, "-e", "COPY t TO '" + whole + "'");
    assertThat(export.exitCode()).isZero();
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(fails("COPY t FROM '" + cut + "'")).contains("cut.parquet");
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void should_refuse_a_value_that_does_not_fit_naming_file_row_and_column() throws Exception {
    CassandraExtension.session()
        .execute(
            "CREATE TABLE IF NOT EXISTS " + keyspace + ".narrow (id tinyint PRIMARY KEY, v text)");
    Path wide = dir.resolve("wide.parquet");
    CassandraExtension.session()
        .execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".wide (id int PRIMARY KEY, v text)");
    CassandraExtension.session()
        .execute("INSERT INTO " + keyspace + ".wide (id, v) VALUES (1000, 'big')");
    assertThat(
            Shell.run(node.host(), node.port(), "-k", keyspace, "-e", "COPY wide TO '" + wide + "'")
                .exitCode())
        .isZero();
    // As cqlsh: the row that does not convert is a parse error, written to the ERRFILE; the
    // import goes on, then fails with one line per bad row and one naming the ERRFILE.
    Path errFile = dir.resolve("narrow.err");
    Shell.Result result =
        Shell.run(
            node.host(),
            node.port(),
            "-k",
            keyspace,
            "-e",
            "COPY narrow FROM '" + wide + "' WITH ERRFILE='" + errFile + "'");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("\tat ", "Exception in thread", "NullPointerException");
    assertThat(result.errLines()).as(result.err()).hasSize(2);
    assertThat(result.errLines().get(0)).contains("wide.parquet", "row 1", "id", "1000", "tinyint");
    assertThat(result.errLines().get(1))
        .isEqualTo("Failed to process 1 rows; failed rows written to " + errFile);
    assertThat(result.out()).contains("0 rows imported from 1 files", "1 parse errors");
    assertThat(Files.readAllLines(errFile)).hasSize(1).first().asString().contains("1000");
  }

  private static long rows() {
    return CassandraExtension.session()
        .execute("SELECT count(*) FROM " + keyspace + ".t")
        .one()
        .getLong(0);
  }
}
