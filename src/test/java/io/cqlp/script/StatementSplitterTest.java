package io.cqlp.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cqlp.script.StatementSplitter.Result;
import io.cqlp.script.StatementSplitter.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementSplitterTest {

  /** input, statement texts, remainder. */
  static Stream<Arguments> cases() {
    return Stream.of(
        row("SELECT 1;", List.of("SELECT 1"), ""),
        row("SELECT 1; SELECT 2;", List.of("SELECT 1", "SELECT 2"), ""),
        row("  SELECT 1  ;  ", List.of("SELECT 1"), ""),
        row("SELECT 1", List.of(), "SELECT 1"),
        row("", List.of(), ""),
        row("  \n\t \n", List.of(), ""),
        row("-- only a comment", List.of(), ""),
        row("/* c */ ; -- c\n;", List.of(), ""),
        row(";;", List.of(), ""),
        row("SELECT 'a;b' FROM t;", List.of("SELECT 'a;b' FROM t"), ""),
        row("SELECT 'it''s; ok' FROM t;", List.of("SELECT 'it''s; ok' FROM t"), ""),
        row("SELECT \"we;ird\" FROM t;", List.of("SELECT \"we;ird\" FROM t"), ""),
        row("SELECT \"a\"\";\" FROM t;", List.of("SELECT \"a\"\";\" FROM t"), ""),
        row(
            "INSERT INTO t (a) VALUES ('--not; a comment');",
            List.of("INSERT INTO t (a) VALUES ('--not; a comment')"),
            ""),
        row(
            "CREATE FUNCTION f(i int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS"
                + " $$ return i; $$;",
            List.of(
                "CREATE FUNCTION f(i int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java"
                    + " AS $$ return i; $$"),
            ""),
        row("SELECT $$a;'b$$ FROM t;", List.of("SELECT $$a;'b$$ FROM t"), ""),
        row("SELECT 1 -- not; here\n;", List.of("SELECT 1"), ""),
        row("SELECT 1 // not; here\n;", List.of("SELECT 1"), ""),
        row("SELECT /* ; */ 1;", List.of("SELECT /* ; */ 1"), ""),
        row("-- lead\nSELECT 1;", List.of("SELECT 1"), ""),
        row(
            "SELECT * FROM t WHERE a = 'x' -- c; d\nAND b = 1;",
            List.of("SELECT * FROM t WHERE a = 'x' -- c; d\nAND b = 1"),
            ""),
        row(
            "BEGIN BATCH INSERT INTO t (a) VALUES (1); INSERT INTO t (a) VALUES (2); APPLY BATCH;",
            List.of(
                "BEGIN BATCH INSERT INTO t (a) VALUES (1); INSERT INTO t (a) VALUES (2);"
                    + " APPLY BATCH"),
            ""),
        row(
            "begin unlogged batch insert into t (a) values (1); apply batch; SELECT 1;",
            List.of("begin unlogged batch insert into t (a) values (1); apply batch", "SELECT 1"),
            ""),
        row(
            "BEGIN COUNTER BATCH UPDATE c SET n = n + 1 WHERE k = 1; APPLY BATCH",
            List.of(),
            "BEGIN COUNTER BATCH UPDATE c SET n = n + 1 WHERE k = 1; APPLY BATCH"),
        row(
            "BEGIN BATCH USING TIMESTAMP 5 INSERT INTO t (a) VALUES (1);",
            List.of(),
            "BEGIN BATCH USING TIMESTAMP 5 INSERT INTO t (a) VALUES (1);"),
        row("BEGIN TRANSACTION; SELECT 1;", List.of("BEGIN TRANSACTION", "SELECT 1"), ""),
        row("SELECT 'unterminated;", List.of(), "SELECT 'unterminated;"),
        row("SELECT 1; SELECT \"open;", List.of("SELECT 1"), " SELECT \"open;"),
        row("SELECT 1; SELECT $$open;", List.of("SELECT 1"), " SELECT $$open;"),
        row("SELECT 1; /* open comment;", List.of("SELECT 1"), " /* open comment;"),
        row("SELECT 1;\n-- trailing comment\n", List.of("SELECT 1"), ""),
        row("USE ks\n", List.of(), "USE ks\n"),
        row("COPY t TO 'f'\nWITH HEADER=true;", List.of("COPY t TO 'f'\nWITH HEADER=true"), ""),
        row("HELP\nSELECT 1;", List.of("HELP", "SELECT 1"), ""),
        row("exit", List.of("exit"), ""),
        row("? copy", List.of("? copy"), ""),
        row(
            "CONSISTENCY QUORUM\nCOPY t TO 'f';",
            List.of("CONSISTENCY QUORUM", "COPY t TO 'f'"),
            ""),
        row("CAPTURE OFF; SELECT 1;", List.of("CAPTURE OFF", "SELECT 1"), ""),
        row("TRACING ON -- from now\nSELECT 1;", List.of("TRACING ON", "SELECT 1"), ""),
        row("Expand on\n\n\nselect 1", List.of("Expand on"), "\n\nselect 1"),
        row("DESCRIBE TABLES\ndesc KEYSPACES", List.of("DESCRIBE TABLES", "desc KEYSPACES"), ""),
        row("SOURCE 'a;b.cql'\n", List.of("SOURCE 'a;b.cql'"), ""),
        row("CAPTURE 'multi\nline'\n", List.of("CAPTURE 'multi\nline'"), ""),
        row("CAPTURE 'open\n", List.of(), "CAPTURE 'open\n"),
        row("'help'\n", List.of(), "'help'\n"),
        row(
            "CAPTURE PARQUET '/d/' WITH\n  PARTITION='date'\n  AND COMPRESSION='ZSTD';",
            List.of("CAPTURE PARQUET '/d/' WITH\n  PARTITION='date'\n  AND COMPRESSION='ZSTD'"),
            ""),
        row(
            "CAPTURE PARQUET '/d/'\n-- options:\nWITH PARTITION='date'\nSELECT 1;",
            List.of("CAPTURE PARQUET '/d/'\n-- options:\nWITH PARTITION='date'", "SELECT 1"),
            ""),
        row("CAPTURE 'f' WITH X=\n1\n", List.of("CAPTURE 'f' WITH X=\n1"), ""),
        row("CAPTURE 'f' WITH", List.of(), "CAPTURE 'f' WITH"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_split_like_cqlsh(String input, List<String> statements, String remainder) {
    Result result = StatementSplitter.split(input);

    assertThat(result.statements()).extracting(Statement::text).isEqualTo(statements);
    assertThat(result.remainder()).isEqualTo(remainder);
    assertThat(StatementSplitter.isComplete(input)).isEqualTo(remainder.isEmpty());
  }

  @Test
  void should_give_the_line_where_each_statement_starts() {
    String script = "SELECT 1;\n\n-- two\nSELECT\n2; INSERT INTO t (a)\nVALUES (1);\nHELP\n";

    assertThat(StatementSplitter.split(script).statements())
        .containsExactly(
            new Statement("SELECT 1", 1),
            new Statement("SELECT\n2", 4),
            new Statement("INSERT INTO t (a)\nVALUES (1)", 5),
            new Statement("HELP", 7));
  }

  @Test
  void should_count_lines_inside_strings_and_block_comments() {
    String script = "SELECT 'a\nb';\n/* one\ntwo */ SELECT $$x\ny$$;\nSELECT 3;";

    assertThat(StatementSplitter.split(script).statements())
        .extracting(Statement::line)
        .containsExactly(1, 4, 6);
  }

  @Test
  void should_count_lines_from_the_given_first_line() {
    Result result = StatementSplitter.split("\nSELECT 1;\nSELECT 2", 41);

    assertThat(result.statements()).containsExactly(new Statement("SELECT 1", 42));
    assertThat(result.remainder()).isEqualTo("\nSELECT 2");
  }

  @Test
  void should_give_a_remainder_that_completes_when_more_text_arrives() {
    String first = "SELECT 1; INSERT INTO t (a) VALUES ('x;";
    Result part = StatementSplitter.split(first);

    Result rest = StatementSplitter.split(part.remainder() + "y');");

    assertThat(part.statements()).extracting(Statement::text).containsExactly("SELECT 1");
    assertThat(first).endsWith(part.remainder());
    assertThat(rest.statements())
        .extracting(Statement::text)
        .containsExactly("INSERT INTO t (a) VALUES ('x;y')");
    assertThat(rest.isComplete()).isTrue();
  }

  private static Arguments row(String input, List<String> statements, String remainder) {
    String name = "[" + input.replace("\n", "\\n").replace("\t", "\\t") + "]";
    return arguments(Named.of(name, input), statements, remainder);
  }
}
