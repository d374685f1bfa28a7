package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpTextTest {

  @Test
  void should_list_shell_commands_and_cql_topics_under_ruled_titles_as_cqlsh() {
    String index = HelpText.index();
    assertThat(index)
        .startsWith(
            "\nDocumented shell commands:\n===========================\n"
                + "CAPTURE  CONSISTENCY  DESCRIBE  HELP     PAGING  SOURCE   USE   \n"
                + "CLEAR    COPY         EXIT      HISTORY  SERIAL  TRACING  VERIFY\n"
                + "CLS      DESC         EXPAND    LOGIN    SHOW    UNICODE\n\n"
                + "CQL help topics:\n================\n");
    assertThat(index).contains("CREATE_TABLE").contains("SELECT").endsWith("\n\n");
    assertThat(index.lines().mapToInt(String::length).max().orElseThrow()).isLessThanOrEqualTo(79);
  }

  @Test
  void should_give_each_shell_command_a_text_and_accept_aliases() {
    assertThat(HelpText.topic("tracing")).startsWith("TRACING [ON|OFF]");
    assertThat(HelpText.topic("CLS")).isEqualTo(HelpText.topic("clear"));
    assertThat(HelpText.topic("desc")).contains("KEYSPACES | KEYSPACE [ks]");
    assertThat(HelpText.topic("show"))
        .contains("SHOW SESSION <uuid>", "SHOW UPLOADS 's3://b/prefix'");
    assertThat(HelpText.topic("copy"))
        .contains("'s3://bucket/key'", "S3_ENDPOINT", "VERIFY (true:")
        .contains(
            "BEGINTOKEN and ENDTOKEN",
            "BEGINTOKEN < t <= ENDTOKEN",
            "PAGETIMEOUT (seconds per page)",
            "NUMPROCESSES (n: n x MAXREQUESTS",
            "REPORTFREQUENCY (seconds",
            "RATEFILE (a file",
            "CONFIGFILE",
            "BROTLI");
    assertThat(HelpText.topic("verify"))
        .startsWith("VERIFY [ks.]table [(col, ...)] AGAINST 'file'");
  }

  @Test
  void should_list_in_help_copy_only_options_that_copy_accepts() {
    java.util.Set<String> accepted =
        io.cqlp.command.Options.union(
            io.cqlp.command.Options.union(
                io.cqlp.transfer.CopyToWorkflow.OPTIONS, io.cqlp.transfer.CopyFromWorkflow.OPTIONS),
            java.util.Set.of("CONFIGFILE", "INCLUDE_METADATA", "FORMAT"));
    java.util.regex.Matcher names =
        java.util.regex.Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b(?= \\(|,|\\)| and|$)")
            .matcher(HelpText.topic("copy").replaceAll("(?s)^.*?COPY TO options:", ""));
    java.util.List<String> listed = new java.util.ArrayList<>();
    while (names.find()) {
      listed.add(names.group());
    }
    java.util.Set<String> values =
        java.util.Set.of(
            "NONE",
            "SNAPPY",
            "GZIP",
            "ZSTD",
            "LZ4",
            "BROTLI",
            "REJECT",
            "TRUNCATE",
            "PARQUET_1_0",
            "PARQUET_2_0",
            "COPY",
            "FROM",
            "PARQUET",
            "CSV",
            "JSON",
            "XLSX",
            "AWS_ENDPOINT_URL",
            "AWS_REGION",
            "AWS_PROFILE",
            "AWS",
            "S3",
            "TO",
            "CAPTURE");
    assertThat(listed)
        .contains("NUMPROCESSES", "BEGINTOKEN", "ENDTOKEN", "PAGETIMEOUT", "RATEFILE");
    assertThat(listed.stream().filter(n -> !values.contains(n)).toList())
        .allMatch(accepted::contains);
  }

  @Test
  void should_point_cql_topics_to_the_cql_documentation() {
    assertThat(HelpText.topic("create_table"))
        .isEqualTo(
            "CQL help topic CREATE_TABLE: "
                + "https://cassandra.apache.org/doc/latest/cassandra/developing/cql/ddl.html#create-table");
  }

  @Test
  void should_know_no_other_topic() {
    assertThat(HelpText.topic("frobnicate")).isNull();
  }
}
