package io.cqlp.repl.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.repl.StatementParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CqlCompleterTest {
  private final FakeSchema schema = new FakeSchema();
  private final Terminal terminal;
  private final LineReader reader;

  CqlCompleterTest() throws IOException {
    terminal =
        TerminalBuilder.builder()
            .dumb(true)
            .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
            .build();
    reader = LineReaderBuilder.builder().terminal(terminal).parser(new StatementParser()).build();
  }

  @AfterEach
  void close() throws IOException {
    terminal.close();
  }

  /** The candidates jline would keep for the text before the cursor (case-insensitive prefix). */
  private List<String> complete(String text) {
    ParsedLine line = new StatementParser().parse(text, text.length(), ParseContext.COMPLETE);
    List<Candidate> candidates = new ArrayList<>();
    new CqlCompleter(schema).complete(reader, line, candidates);
    String word = line.word().substring(0, line.wordCursor()).toLowerCase(Locale.ROOT);
    return candidates.stream()
        .map(Candidate::value)
        .filter(v -> v.toLowerCase(Locale.ROOT).startsWith(word))
        .toList();
  }

  @Test
  void should_offer_statement_keywords_at_the_start() {
    assertThat(complete("SEL")).containsExactly("SELECT");
    assertThat(complete("co")).contains("COPY", "CONSISTENCY");
    assertThat(complete("")).contains("SELECT", "COPY", "CAPTURE", "EXIT");
  }

  @Test
  void should_offer_qualified_tables_after_a_keyspace_prefix() {
    assertThat(complete("SELECT * FROM ks.fli")).containsExactly("ks.flights");
    assertThat(complete("SELECT * FROM ks.")).containsExactly("ks.airports", "ks.flights");
  }

  @Test
  void should_offer_tables_of_the_current_keyspace_and_keyspaces_after_from() {
    schema.current = "ks";
    assertThat(complete("SELECT * FROM ")).containsExactly("airports", "flights", "ks.", "other.");
    assertThat(complete("INSERT INTO fl")).containsExactly("flights");
    assertThat(complete("UPDATE ai")).containsExactly("airports");
    assertThat(complete("COPY ")).contains("flights", "ks.");
  }

  @Test
  void should_offer_keyspaces_after_use() {
    assertThat(complete("USE o")).containsExactly("other");
  }

  @Test
  void should_offer_the_columns_of_the_statement_table() {
    assertThat(complete("SELECT id, ori")).isEmpty();
    assertThat(complete("SELECT * FROM ks.flights WHERE ori")).containsExactly("origin");
    assertThat(complete("UPDATE ks.flights SET de")).containsExactly("dest");
    assertThat(complete("INSERT INTO ks.flights (id,"))
        .containsExactlyInAnyOrder("id", "origin", "dest");
    assertThat(complete("COPY ks.flights (id, de")).containsExactly("dest");
  }

  @Test
  void should_offer_columns_of_a_select_whose_table_comes_after_the_cursor() {
    String text = "SELECT ori";
    String full = text + " FROM ks.flights";
    ParsedLine line = new StatementParser().parse(full, text.length(), ParseContext.COMPLETE);
    List<Candidate> candidates = new ArrayList<>();
    new CqlCompleter(schema).complete(reader, line, candidates);
    assertThat(candidates).extracting(Candidate::value).contains("origin", "id", "*");
  }

  @Test
  void should_offer_clauses_after_the_table() {
    assertThat(complete("SELECT * FROM ks.flights WH")).containsExactly("WHERE");
    assertThat(complete("COPY ks.flights T")).containsExactly("TO");
    assertThat(complete("UPDATE ks.flights ")).containsExactly("SET", "USING");
  }

  @Test
  void should_offer_copy_to_options_after_with_and_and() {
    assertThat(complete("COPY t TO 'x.parquet' WITH COMPRE"))
        .containsExactly("COMPRESSION", "COMPRESSION_LEVEL");
    assertThat(complete("COPY t TO 'x.parquet' WITH COMPRESSION='ZSTD' AND OVER"))
        .containsExactly("OVERWRITE");
    assertThat(complete("COPY t TO 'x.parquet' ")).containsExactly("WITH");
  }

  @Test
  void should_offer_only_copy_from_options_for_an_import() {
    assertThat(complete("COPY t FROM 'x.csv' WITH "))
        .containsExactlyInAnyOrderElementsOf(io.cqlp.transfer.CopyFromWorkflow.OPTIONS);
    assertThat(complete("COPY t FROM 'x.csv' WITH MAXR")).containsExactly("MAXREQUESTS", "MAXROWS");
  }

  @Test
  void should_offer_file_conversion_options_after_copy_file_to() {
    assertThat(complete("COPY 'in.parquet' TO 'x.csv' WITH INCL"))
        .containsExactly("INCLUDE_METADATA");
    assertThat(complete("COPY 'in.parquet' TO 'x.csv' WITH PAGES")).isEmpty();
  }

  @Test
  void should_offer_capture_options_and_formats() {
    assertThat(complete("CAPTURE ")).contains("OFF", "PARQUET", "JSON", "CSV", "TEXT");
    assertThat(complete("CAPTURE PARQUET 'o.parquet' WITH PART")).containsExactly("PARTITION");
  }

  @Test
  void should_offer_enumerated_option_values() {
    assertThat(complete("COPY t TO 'x.parquet' WITH COMPRESSION=Z")).containsExactly("ZSTD");
    assertThat(complete("COPY t TO 'x.parquet' WITH COMPRESSION = '"))
        .contains("SNAPPY", "ZSTD", "GZIP", "NONE", "LZ4");
    assertThat(complete("COPY t TO 'x' WITH FORMAT="))
        .containsExactly("CSV", "JSON", "PARQUET", "XLSX");
    assertThat(complete("COPY t TO 'x/' WITH OVERWRITE = ")).containsExactly("false", "true");
  }

  @Test
  void should_offer_consistency_levels() {
    assertThat(complete("CONSISTENCY LOCAL_"))
        .containsExactly("LOCAL_ONE", "LOCAL_QUORUM", "LOCAL_SERIAL");
    assertThat(complete("SERIAL CONSISTENCY ")).containsExactly("LOCAL_SERIAL", "SERIAL");
  }

  @Test
  void should_offer_types_in_create_and_alter() {
    assertThat(complete("CREATE TABLE t (id uu")).containsExactly("uuid");
    assertThat(complete("CREATE TABLE t (id int PRIMARY KEY, tags se")).containsExactly("set");
    assertThat(complete("CREATE TABLE t (id int PRIMARY KEY, m map<te")).containsExactly("text");
    assertThat(complete("ALTER TABLE ks.flights ADD delay dou")).containsExactly("double");
  }

  @Test
  void should_offer_keywords_in_context() {
    assertThat(complete("CREATE T")).containsExactly("TABLE", "TRIGGER", "TYPE");
    assertThat(complete("PAGING O")).containsExactly("OFF", "ON");
    assertThat(complete("SELECT * FROM ks.flights ORDER ")).containsExactly("BY");
  }

  @Test
  void should_follow_schema_changes_between_completions() {
    assertThat(complete("SELECT * FROM ks.ro")).isEmpty();
    schema.tables.put("ks", List.of("airports", "flights", "routes"));
    assertThat(complete("SELECT * FROM ks.ro")).containsExactly("ks.routes");
  }

  @Test
  void should_complete_only_the_statement_after_the_last_semicolon() {
    assertThat(complete("USE ks; SEL")).containsExactly("SELECT");
  }

  @Test
  void should_complete_file_names_inside_quotes_after_to_from_and_source(@TempDir Path dir)
      throws IOException {
    Files.createFile(dir.resolve("flights.parquet"));
    Files.createFile(dir.resolve("other.csv"));
    assertThat(complete("COPY t TO '" + dir + "/fli")).containsExactly(dir + "/flights.parquet");
    assertThat(complete("COPY t FROM '" + dir + "/oth")).containsExactly(dir + "/other.csv");
    assertThat(complete("SOURCE '" + dir + "/")).hasSize(2);
    assertThat(complete("SELECT * FROM t WHERE a = '" + dir + "/")).isEmpty();
  }

  /** A schema of two keyspaces: ks (flights, airports) and other (empty). */
  private static final class FakeSchema implements SchemaView {
    final Map<String, List<String>> tables =
        new java.util.HashMap<>(Map.of("ks", List.of("airports", "flights"), "other", List.of()));
    String current;

    @Override
    public List<String> keyspaces() {
      return List.of("ks", "other");
    }

    @Override
    public List<String> tables(String keyspace) {
      return tables.getOrDefault(keyspace, List.of());
    }

    @Override
    public List<String> columns(String keyspace, String table) {
      String ks = keyspace == null ? current : keyspace;
      return "ks".equals(ks) && "flights".equals(table)
          ? List.of("id", "origin", "dest")
          : List.of();
    }

    @Override
    public String currentKeyspace() {
      return current;
    }
  }
}
