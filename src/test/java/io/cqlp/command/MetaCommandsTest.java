package io.cqlp.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetaCommandsTest {

  static Stream<Arguments> validCommands() {
    return Stream.of(
        arguments(
            "DESCRIBE KEYSPACES", new Describe(Describe.Kind.KEYSPACES, "DESCRIBE KEYSPACES")),
        arguments("desc keyspaces;", new Describe(Describe.Kind.KEYSPACES, "desc keyspaces")),
        arguments("DESCRIBE TABLES", new Describe(Describe.Kind.NAMES, "DESCRIBE TABLES")),
        arguments("DESC COLUMNFAMILIES", new Describe(Describe.Kind.NAMES, "DESC COLUMNFAMILIES")),
        arguments("describe types", new Describe(Describe.Kind.NAMES, "describe types")),
        arguments("DESCRIBE FUNCTIONS", new Describe(Describe.Kind.NAMES, "DESCRIBE FUNCTIONS")),
        arguments("DESCRIBE AGGREGATES", new Describe(Describe.Kind.NAMES, "DESCRIBE AGGREGATES")),
        arguments("DESCRIBE CLUSTER", new Describe(Describe.Kind.CLUSTER, "DESCRIBE CLUSTER")),
        arguments("DESCRIBE KEYSPACE", new Describe(Describe.Kind.ELEMENT, "DESCRIBE KEYSPACE")),
        arguments(
            "DESCRIBE KEYSPACE ks", new Describe(Describe.Kind.ELEMENT, "DESCRIBE KEYSPACE ks")),
        arguments(
            "  -- the table\n  DESCRIBE TABLE \"Ks\".t ;  ",
            new Describe(Describe.Kind.ELEMENT, "DESCRIBE TABLE \"Ks\".t")),
        arguments(
            "DESC TYPE ks.address", new Describe(Describe.Kind.ELEMENT, "DESC TYPE ks.address")),
        arguments(
            "DESCRIBE FUNCTION ks.f",
            new Describe(Describe.Kind.ELEMENT, "DESCRIBE FUNCTION ks.f")),
        arguments(
            "DESCRIBE AGGREGATE ks.a",
            new Describe(Describe.Kind.ELEMENT, "DESCRIBE AGGREGATE ks.a")),
        arguments(
            "DESCRIBE MATERIALIZED VIEW ks.v",
            new Describe(Describe.Kind.ELEMENT, "DESCRIBE MATERIALIZED VIEW ks.v")),
        arguments(
            "DESCRIBE INDEX ks.i", new Describe(Describe.Kind.ELEMENT, "DESCRIBE INDEX ks.i")),
        arguments("DESCRIBE SCHEMA", new Describe(Describe.Kind.ELEMENT, "DESCRIBE SCHEMA")),
        arguments(
            "DESCRIBE FULL SCHEMA", new Describe(Describe.Kind.ELEMENT, "DESCRIBE FULL SCHEMA")),
        arguments("DESCRIBE users", new Describe(Describe.Kind.ELEMENT, "DESCRIBE users")),
        arguments("SHOW VERSION", new Show(Show.What.VERSION, null)),
        arguments("show host;", new Show(Show.What.HOST, null)),
        arguments(
            "SHOW SESSION 4f0fd5b0-9c58-11ee-a6c5-3b1e8d2d2d77",
            new Show(Show.What.SESSION, UUID.fromString("4f0fd5b0-9c58-11ee-a6c5-3b1e8d2d2d77"))),
        arguments("LOGIN alice", new Login("alice", null)),
        arguments("LOGIN alice 'it''s secret'", new Login("alice", "it's secret")),
        arguments("login 'Bob' $$pw$$", new Login("Bob", "pw")),
        arguments("HISTORY", new History(null)),
        arguments("history 20;", new History(20)),
        arguments("CLEAR", new Clear()),
        arguments("cls", new Clear()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCommands")
  void should_parse_informational_commands_into_records(String input, Command expected) {
    assertThat(CommandParser.parse(input)).isEqualTo(expected);
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        arguments("DESCRIBE", "line 1:1: DESCRIBE needs what to describe"),
        arguments("SHOW", "line 1:1: expected SHOW VERSION, SHOW HOST or SHOW SESSION"),
        arguments("SHOW TABLES", "line 1:6: expected SHOW VERSION, SHOW HOST or SHOW SESSION"),
        arguments(
            "SHOW VERSION now", "line 1:14: unexpected 'now': SHOW VERSION takes nothing after it"),
        arguments("SHOW SESSION", "line 1:6: SHOW SESSION needs a tracing session id"),
        arguments("SHOW SESSION 1234", "line 1:14: '1234' is not a tracing session id"),
        arguments("LOGIN", "line 1:1: LOGIN needs a user name"),
        arguments("LOGIN alice secret", "line 1:13: the password must be quoted"),
        arguments("HISTORY 0", "line 1:9: invalid history length '0'"),
        arguments("HISTORY ten", "line 1:9: invalid history length 'ten'"),
        arguments("HISTORY 1 2", "line 1:11: unexpected '2': HISTORY takes one number at most"),
        arguments("CLEAR screen", "line 1:7: unexpected 'screen': CLEAR takes nothing after it"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syntaxErrors")
  void should_report_where_an_informational_command_goes_wrong(String input, String message) {
    assertThatThrownBy(() -> CommandParser.parse(input))
        .isInstanceOf(ParsingException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void should_leave_describe_file_to_the_grammar() {
    assertThat(MetaCommands.parse("DESCRIBE FILE 'data.parquet'")).isNull();
  }

  @Test
  void should_leave_cql_that_uses_these_words_as_names_to_cassandra() {
    assertThat(CommandParser.parse("SELECT show, history FROM clear"))
        .isEqualTo(new CqlStatement("SELECT show, history FROM clear"));
  }

  @Test
  void should_never_show_a_login_password() {
    assertThat(new Login("alice", "secret").toString()).doesNotContain("secret");
  }
}
