package io.cqlp.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cqlp.command.Capture.Action;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandParserTest {
  private static final Options NONE = Options.empty();

  static Stream<Arguments> validCommands() {
    return Stream.of(
        // The seed forms.
        row(
            "COPY users TO 'users.parquet'",
            copyTo(table("users"), List.of(), "users.parquet", NONE, null)),
        row(
            "COPY t TO 'f.parquet' WITH FORMAT='PARQUET' AND PARTITION='year,month,day'",
            copyTo(
                table("t"),
                List.of(),
                "f.parquet",
                options("FORMAT", "PARQUET", "PARTITION", "year,month,day"),
                null)),
        row(
            "CAPTURE '/tmp/x.json' FORMAT='JSON'",
            new Capture(Action.START, "/tmp/x.json", "JSON", NONE)),
        row(
            "COPY users TO '/path/to/active_users.parquet' WITH FORMAT='PARQUET'"
                + " WHERE status='active'",
            copyTo(
                table("users"),
                List.of(),
                "/path/to/active_users.parquet",
                options("FORMAT", "PARQUET"),
                "status='active'")),
        row(
            "COPY users (id, name, email) FROM '/path/to/users.parquet' WITH FORMAT='PARQUET'",
            new CopyFrom(
                table("users"),
                List.of("id", "name", "email"),
                "/path/to/users.parquet",
                false,
                options("FORMAT", "PARQUET"))),
        row(
            "COPY users FROM 'users.parquet' WITH FORMAT='PARQUET' AND SKIPROWS=1 AND MAXROWS=5000",
            new CopyFrom(
                table("users"),
                List.of(),
                "users.parquet",
                false,
                options("FORMAT", "PARQUET", "SKIPROWS", "1", "MAXROWS", "5000"))),
        row(
            "COPY events FROM '/data/events/' WITH PARTITION_FILTER='year=2024,month=01'",
            new CopyFrom(
                table("events"),
                List.of(),
                "/data/events/",
                false,
                options("PARTITION_FILTER", "year=2024,month=01"))),
        row(
            "COPY huge_table TO 'data.parquet' WITH FORMAT='PARQUET' AND CHUNKSIZE='1M'",
            copyTo(
                table("huge_table"),
                List.of(),
                "data.parquet",
                options("FORMAT", "PARQUET", "CHUNKSIZE", "1M"),
                null)),
        row(
            "CAPTURE PARQUET '/data/sized/' WITH MAX_FILE_SIZE='500MB' AND PARTITION='date'",
            new Capture(
                Action.START,
                "/data/sized/",
                "PARQUET",
                options("MAX_FILE_SIZE", "500MB", "PARTITION", "date"))),
        row(
            "CAPTURE PARQUET '/data/output/' WITH\n    PARTITION='year,month'\n"
                + "    AND COMPRESSION='LZ4'\n    AND MAX_FILE_SIZE='100MB'",
            new Capture(
                Action.START,
                "/data/output/",
                "PARQUET",
                options(
                    "PARTITION", "year,month", "COMPRESSION", "LZ4", "MAX_FILE_SIZE", "100MB"))),
        // COPY TO
        row(
            "copy KS.Users (ID, \"Name\") to STDOUT with header = true and delimiter = '|'",
            new CopyTo(
                new TableRef("ks", "users"),
                List.of("id", "Name"),
                null,
                true,
                options("HEADER", "true", "DELIMITER", "|"),
                null,
                null)),
        row(
            "COPY \"MyKs\".\"My\"\"Table\" TO 'f'",
            copyTo(new TableRef("MyKs", "My\"Table"), List.of(), "f", NONE, null)),
        row("COPY text TO 'f';", copyTo(table("text"), List.of(), "f", NONE, null)),
        row(
            "COPY t TO 'it''s here.csv'",
            copyTo(table("t"), List.of(), "it's here.csv", NONE, null)),
        row(
            "COPY t TO $$/tmp/a'b.csv$$",
            copyTo(table("t"), List.of(), "/tmp/a'b.csv", NONE, null)),
        row(
            "COPY t TO 'f' WITH CHUNKSIZE=50000 AND MAX_FILE_SIZE=500MB AND FORMAT=parquet"
                + " AND BEGINTOKEN=-9223372036854775808",
            copyTo(
                table("t"),
                List.of(),
                "f",
                options(
                    "CHUNKSIZE",
                    "50000",
                    "MAX_FILE_SIZE",
                    "500MB",
                    "FORMAT",
                    "parquet",
                    "BEGINTOKEN",
                    "-9223372036854775808"),
                null)),
        row(
            "COPY t TO 'f' WITH NULL=\"N/A\" AND QUOTE=$$'$$ AND ESCAPE='''' AND on=ON",
            copyTo(
                table("t"),
                List.of(),
                "f",
                options("NULL", "N/A", "QUOTE", "'", "ESCAPE", "'", "ON", "ON"),
                null)),
        row(
            "COPY u TO 'u.csv' WHERE status = 'act;ive' AND age > -1 AND token(id) > 5",
            copyTo(
                table("u"),
                List.of(),
                "u.csv",
                NONE,
                "status = 'act;ive' AND age > -1 AND token(id) > 5")),
        row(
            "COPY (SELECT id, name FROM ks.users WHERE id IN (1, 2)) TO 's.parquet'"
                + " WITH CHUNKSIZE='50K'",
            new CopyTo(
                null,
                List.of(),
                "s.parquet",
                false,
                options("CHUNKSIZE", "50K"),
                null,
                "SELECT id, name FROM ks.users WHERE id IN (1, 2)")),
        row(
            "copy (select count(*) from t) to stdout",
            new CopyTo(null, List.of(), null, true, NONE, null, "select count(*) from t")),
        row("-- export\nCOPY t TO 'f' -- done", copyTo(table("t"), List.of(), "f", NONE, null)),
        // COPY 'file' TO
        row(
            "COPY 'in.parquet' TO 'out.csv' WITH HEADER=true",
            new CopyFileTo("in.parquet", "out.csv", false, options("HEADER", "true"), null)),
        row("copy 's3://b/dir/' to stdout", new CopyFileTo("s3://b/dir/", null, true, NONE, null)),
        // COPY FROM
        row(
            "COPY ks.t FROM STDIN",
            new CopyFrom(new TableRef("ks", "t"), List.of(), null, true, NONE)),
        row(
            "COPY t (a) FROM 'in/*.parquet'",
            new CopyFrom(table("t"), List.of("a"), "in/*.parquet", false, NONE)),
        // CAPTURE
        row("CAPTURE", new Capture(Action.STATUS, null, null, NONE)),
        row("capture off", new Capture(Action.OFF, null, null, NONE)),
        row("CAPTURE 'out.txt'", new Capture(Action.START, "out.txt", null, NONE)),
        row("CAPTURE json '/tmp/r.json'", new Capture(Action.START, "/tmp/r.json", "JSON", NONE)),
        row("CAPTURE 'x.out' FORMAT=csv", new Capture(Action.START, "x.out", "CSV", NONE)),
        row(
            "CAPTURE 'x.out' WITH format='text' AND CHUNKSIZE=10",
            new Capture(Action.START, "x.out", "TEXT", options("CHUNKSIZE", "10"))),
        // Session settings
        row("USE ks", new Use("ks")),
        row("use MyKs", new Use("myks")),
        row("USE \"MyKs\"", new Use("MyKs")),
        row("CONSISTENCY", new Consistency(null, false)),
        row("consistency local_quorum", new Consistency("LOCAL_QUORUM", false)),
        row("CONSISTENCY serial", new Consistency("SERIAL", false)),
        row("SERIAL CONSISTENCY LOCAL_SERIAL", new Consistency("LOCAL_SERIAL", true)),
        row("serial consistency", new Consistency(null, true)),
        row("PAGING", new Paging(null, null)),
        row("PAGING ON", new Paging(true, null)),
        row("paging off", new Paging(false, null)),
        row("PAGING 100", new Paging(true, 100)),
        row("EXPAND", new Expand(null)),
        row("EXPAND ON", new Expand(true)),
        row("expand off", new Expand(false)),
        row("TRACING", new Tracing(null)),
        row("TRACING on", new Tracing(true)),
        row("TRACING OFF", new Tracing(false)),
        row("SOURCE 'script.cql'", new RunScript("script.cql")),
        row("HELP", new Help(List.of())),
        row("HELP COPY", new Help(List.of("copy"))),
        row("? CREATE_TABLE select", new Help(List.of("create_table", "select"))),
        row("EXIT", new Exit()),
        row("quit;", new Exit()),
        // Everything else goes to Cassandra as typed.
        row("SELECT * FROM t;", new CqlStatement("SELECT * FROM t;")),
        row(
            "  insert into t (a) values ('COPY')  ",
            new CqlStatement("insert into t (a) values ('COPY')")),
        row("DESCRIBE TABLES", new Describe(Describe.Kind.NAMES, "DESCRIBE TABLES")),
        row("COPYRIGHT", new CqlStatement("COPYRIGHT")),
        row(
            "BEGIN BATCH INSERT INTO t (a) VALUES (1); APPLY BATCH",
            new CqlStatement("BEGIN BATCH INSERT INTO t (a) VALUES (1); APPLY BATCH")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCommands")
  void should_parse_valid_commands_into_records(String input, Command expected) {
    assertThat(CommandParser.parse(input)).isEqualTo(expected);
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        error("COPY t (a, b)", "line 1:14: mismatched input '<EOF>'. Expecting: 'TO', 'FROM'"),
        error("COPY", "line 1:5: mismatched input '<EOF>'. Expecting: '(', <string>, <identifier>"),
        error("COPY ks.t", "line 1:10: mismatched input '<EOF>'. Expecting: '(', 'TO', 'FROM'"),
        error("COPY t", "line 1:7: mismatched input '<EOF>'. Expecting: '(', '.', 'TO', 'FROM'"),
        error(
            "COPY from TO 'f'",
            "line 1:6: mismatched input 'from'. Expecting: '(', <string>, <identifier>"),
        error("COPY t TO", "line 1:10: mismatched input '<EOF>'. Expecting: 'STDOUT', <string>"),
        error("COPY t TO f.csv", "line 1:11: mismatched input 'f'. Expecting: 'STDOUT', <string>"),
        error(
            "COPY t FROM STDOUT",
            "line 1:13: mismatched input 'STDOUT'. Expecting: 'STDIN', <string>"),
        error("COPY t TO 'f' WITH", "line 1:19: mismatched input '<EOF>'. Expecting: <identifier>"),
        error("COPY t TO 'f' WITH HEADER", "line 1:26: mismatched input '<EOF>'. Expecting: '='"),
        error(
            "COPY t TO 'f' WITH HEADER=",
            "line 1:27: mismatched input '<EOF>'. Expecting: <string>, <identifier>, <number>"),
        error(
            "COPY t TO 'f' WITH A=1 B=2",
            "line 1:24: mismatched input 'B'. Expecting: 'AND', 'WHERE', <EOF>"),
        error(
            "COPY t TO 'f' WITH A=b=c",
            "line 1:23: mismatched input '='. Expecting: 'AND', 'WHERE', <EOF>"),
        error(
            "COPY t TO 'f' WITH A=1 AND",
            "line 1:27: mismatched input '<EOF>'. Expecting: <identifier>"),
        error(
            "COPY t TO 'f' @",
            "line 1:15: mismatched input '@'. Expecting: 'WITH', 'WHERE', <EOF>"),
        error(
            "COPY t TO 'f' WHERE", "line 1:20: mismatched input '<EOF>'. Expecting: <expression>"),
        error(
            "COPY t FROM 'f' WHERE a=1",
            "line 1:17: mismatched input 'WHERE'. Expecting: 'WITH', <EOF>"),
        error(
            "COPY (SELECT a FROM t TO 'x'",
            "line 1:29: mismatched input '<EOF>'. Expecting: ')', <expression>"),
        error("COPY (INSERT", "line 1:7: mismatched input 'INSERT'. Expecting: 'SELECT'"),
        error(
            "COPY t\nTO\n'x' WITH", "line 3:9: mismatched input '<EOF>'. Expecting: <identifier>"),
        error(
            "COPY t TO 'abc",
            "line 1:11: unterminated string: the closing ' is missing"
                + " (write '' for a quote inside)"),
        error(
            "COPY t TO 'f' WITH NULL=\"x",
            "line 1:25: unterminated quoted identifier: the closing \" is missing"),
        error("COPY t TO $$f", "line 1:11: unterminated $$ string: the closing $$ is missing"),
        error("COPY t TO 'f' WHERE a = $1", "line 1:25: unexpected character '$'"),
        error(
            "COPY t TO 'f' WITH A=1 AND a=2",
            "line 1:28: duplicate option 'A': give each option only once"),
        error("COPY t (a, A) TO 'x'", "line 1:12: column 'a' is listed twice"),
        error(
            "COPY (SELECT * FROM t) FROM 'x'",
            "line 1:24: COPY (SELECT ...) can only copy TO a"
                + " file or STDOUT: load data with COPY table FROM"),
        error(
            "COPY 'a.parquet' FROM 'x'",
            "line 1:18: COPY 'file' converts a file TO another:"
                + " load a file with COPY table FROM 'file'"),
        error(
            "COPY 'a.parquet' TO",
            "line 1:20: mismatched input '<EOF>'. Expecting: 'STDOUT', <string>"),
        error(
            "COPY (SELECT * FROM t) TO 'x' WHERE a=1",
            "line 1:31: WHERE cannot follow COPY (SELECT ...): put the condition inside the query"),
        error(
            "CAPTURE x",
            "line 1:9: mismatched input 'x'."
                + " Expecting: 'OFF', 'PARQUET', 'JSON', 'CSV', 'TEXT', <string>, <EOF>"),
        error("CAPTURE PARQUET", "line 1:16: mismatched input '<EOF>'. Expecting: <string>"),
        error("CAPTURE OFF now", "line 1:13: mismatched input 'now'. Expecting: <EOF>"),
        error("CAPTURE 'f' FORMAT", "line 1:19: mismatched input '<EOF>'. Expecting: '='"),
        error(
            "CAPTURE 'x' FORMAT='JSON' WITH format='csv'",
            "line 1:32: duplicate option 'FORMAT': give each option only once"),
        error("USE", "line 1:4: mismatched input '<EOF>'. Expecting: <identifier>"),
        error("USE 'ks'", "line 1:5: mismatched input ''ks''. Expecting: <identifier>"),
        error("USE ks.t", "line 1:7: mismatched input '.'. Expecting: <EOF>"),
        error(
            "CONSISTENCY 'x'", "line 1:13: mismatched input ''x''. Expecting: <identifier>, <EOF>"),
        error("SERIAL", "line 1:7: mismatched input '<EOF>'. Expecting: 'CONSISTENCY'"),
        error(
            "PAGING x", "line 1:8: mismatched input 'x'. Expecting: 'OFF', 'ON', <number>, <EOF>"),
        error(
            "PAGING 0",
            "line 1:8: invalid page size '0': expected a positive whole number, e.g. PAGING 100"),
        error(
            "PAGING 1.5",
            "line 1:8: invalid page size '1.5': expected a positive whole number, e.g. PAGING 100"),
        error("EXPAND maybe", "line 1:8: mismatched input 'maybe'. Expecting: 'OFF', 'ON', <EOF>"),
        error("TRACING ON OFF", "line 1:12: mismatched input 'OFF'. Expecting: <EOF>"),
        error("SOURCE", "line 1:7: mismatched input '<EOF>'. Expecting: <string>"),
        error("SOURCE file.cql", "line 1:8: mismatched input 'file'. Expecting: <string>"),
        error("HELP 'copy'", "line 1:6: mismatched input ''copy''. Expecting: <identifier>, <EOF>"),
        error("EXIT now", "line 1:6: mismatched input 'now'. Expecting: <EOF>"),
        error("EXIT; EXIT", "line 1:7: mismatched input 'EXIT'. Expecting: <EOF>"),
        error("", "line 1:1: empty statement: type a shell command or a CQL statement"),
        error(
            " -- only a comment",
            "line 1:1: empty statement: type a shell command or a CQL statement"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syntaxErrors")
  void should_reject_bad_syntax_with_an_exact_message(String input, String message) {
    assertThatThrownBy(() -> CommandParser.parse(input))
        .isInstanceOf(ParsingException.class)
        .hasMessage(message);
  }

  @Test
  void should_give_line_and_column_of_a_syntax_error() {
    ParsingException e = catchParsing("COPY t\n  TO 'f' WITH X");

    assertThat(e.getLineNumber()).isEqualTo(2);
    assertThat(e.getColumnNumber()).isEqualTo(16);
    assertThat(e.getErrorMessage()).isEqualTo("mismatched input '<EOF>'. Expecting: '='");
  }

  @Test
  void should_keep_the_where_text_raw_with_its_comments_and_line_breaks() {
    CopyTo copy =
        (CopyTo)
            CommandParser.parse(
                "COPY t TO 'f' WHERE a = 1 /* first */\n  AND b = 'x'  -- trailing");

    assertThat(copy.where()).isEqualTo("a = 1 /* first */\n  AND b = 'x'");
  }

  @Test
  void should_keep_options_in_the_order_typed() {
    CopyTo copy = (CopyTo) CommandParser.parse("COPY t TO 'f' WITH z=1 AND a=2 AND m=3");

    assertThat(copy.options().names()).containsExactly("Z", "A", "M");
  }

  private static ParsingException catchParsing(String input) {
    try {
      CommandParser.parse(input);
    } catch (ParsingException e) {
      return e;
    }
    throw new AssertionError("no ParsingException for " + input);
  }

  private static TableRef table(String name) {
    return new TableRef(null, name);
  }

  private static CopyTo copyTo(
      TableRef table, List<String> columns, String target, Options options, String where) {
    return new CopyTo(table, columns, target, false, options, where, null);
  }

  private static Options options(String... namesAndValues) {
    Options.Builder builder = Options.builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  private static Arguments row(String input, Command expected) {
    return arguments(named(input), expected);
  }

  private static Arguments error(String input, String message) {
    return arguments(named(input), message);
  }

  @Test
  void should_parse_describe_file_and_show_file_with_an_optional_limit() {
    assertThat(CommandParser.parse("DESCRIBE FILE '/d/x.parquet'"))
        .isEqualTo(new DescribeFile("/d/x.parquet"));
    assertThat(CommandParser.parse("desc file 'it''s.parquet';"))
        .isEqualTo(new DescribeFile("it's.parquet"));
    assertThat(CommandParser.parse("SHOW FILE 'x.parquet'"))
        .isEqualTo(new ShowFile("x.parquet", 10));
    assertThat(CommandParser.parse("show file $$dir/$$ LIMIT 5"))
        .isEqualTo(new ShowFile("dir/", 5));
    assertThat(CommandParser.parse("DESCRIBE TABLE ks.t"))
        .isEqualTo(new Describe(Describe.Kind.ELEMENT, "DESCRIBE TABLE ks.t"));
    assertThat(CommandParser.parse("COPY file (limit, show) TO 'f'")).isInstanceOf(CopyTo.class);
    assertThatThrownBy(() -> CommandParser.parse("SHOW FILE 'x' LIMIT 0"))
        .isInstanceOf(ParsingException.class)
        .hasMessageContaining("LIMIT must be a whole number from 1");
  }

  private static Named<String> named(String input) {
    return Named.of("[" + input.replace("\n", "\\n") + "]", input);
  }
}
