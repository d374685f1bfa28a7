package io.cqlp.repl.completion;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.cqlp.capture.Capture;
import io.cqlp.capture.CaptureFormat;
import io.cqlp.format.FileFormat;
import io.cqlp.format.parquet.codec.ParquetCompression;
import io.cqlp.transfer.CopyFromWorkflow;
import io.cqlp.transfer.CopyToWorkflow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion for the prompt, from the statement typed so far and the live schema: keywords at a
 * statement's start and after keywords, keyspaces, tables ({@code ks.table} too), the columns of
 * the statement's table, CQL types in CREATE/ALTER, COPY and CAPTURE options after WITH/AND (the
 * sets the commands accept: {@link CopyToWorkflow#OPTIONS}, {@link CopyFromWorkflow#OPTIONS},
 * {@link Capture#OPTIONS}) and their enumerated values, consistency levels, and file names inside
 * the quotes after TO, FROM, CAPTURE and SOURCE.
 *
 * <p>Candidates are offered unfiltered; jline keeps those that start with the typed word (the
 * reader is set case-insensitive, so {@code sel} completes to {@code SELECT}).
 */
public final class CqlCompleter implements Completer {
  private static final Set<String> TABLE_BEFORE =
      Set.of("FROM", "INTO", "UPDATE", "TABLE", "TRUNCATE", "ON");
  private static final Set<String> COLUMN_BEFORE =
      Set.of("SELECT", ",", "WHERE", "AND", "SET", "BY", "(", "DISTINCT", "IF", "JSON");
  private static final Set<String> FILE_BEFORE =
      Set.of("TO", "FROM", "CAPTURE", "SOURCE", "PARQUET", "JSON", "CSV", "TEXT");

  private final SchemaView schema;
  private final Completer files = new Completers.FileNameCompleter();

  /**
   * @param schema the schema to offer names from; read at each completion
   */
  public CqlCompleter(SchemaView schema) {
    this.schema = schema;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    int rawWordCursor =
        line instanceof CompletingParsedLine c ? c.rawWordCursor() : line.wordCursor();
    int wordStart = Math.max(0, line.cursor() - rawWordCursor);
    String buffer = line.line();
    boolean quoted = wordStart < buffer.length() && buffer.charAt(wordStart) == '\'';
    StatementTokens before = StatementTokens.of(buffer.substring(0, wordStart));
    if (quoted) {
      if (FILE_BEFORE.contains(before.last(1))) {
        files.complete(reader, line, candidates);
      } else if (before.last(1).equals("=")) {
        words(candidates, optionValues(before.last(2)));
      }
      return;
    }
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    StatementTokens statement = StatementTokens.of(statementAround(buffer, wordStart));
    for (String suggestion : suggestions(before, statement, word)) {
      boolean prefix = suggestion.endsWith(".");
      candidates.add(new Candidate(suggestion, suggestion, null, null, null, null, !prefix));
    }
  }

  /**
   * What may come at the end of {@code before}.
   *
   * @param before the tokens of the statement up to the word being completed
   * @param statement the whole statement's tokens (the table of a SELECT comes after its columns)
   * @param word the part of the word typed so far (a {@code ks.} prefix picks that keyspace)
   * @return the suggestions, unfiltered; never null
   */
  Collection<String> suggestions(StatementTokens before, StatementTokens statement, String word) {
    Collection<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    String first = before.first();
    String last = before.last(1);
    if (before.size() == 0) {
      out.addAll(CqlWords.STATEMENT_START);
      return out;
    }
    if (last.equals("CONSISTENCY")) {
      if (before.last(2).equals("SERIAL")) {
        out.addAll(List.of("SERIAL", "LOCAL_SERIAL"));
      } else {
        for (DefaultConsistencyLevel level : DefaultConsistencyLevel.values()) {
          out.add(level.name());
        }
      }
      return out;
    }
    if (last.equals("USE") || last.equals("KEYSPACE") && !first.equals("CREATE")) {
      out.addAll(schema.keyspaces());
      return out;
    }
    if (first.equals("CAPTURE") && before.size() == 1) {
      out.add("OFF");
      for (CaptureFormat format : CaptureFormat.values()) {
        out.add(format.name());
      }
      return out;
    }
    boolean transfer = first.equals("COPY") || first.equals("CAPTURE");
    if (transfer && before.contains("WITH")) {
      if (last.equals("WITH") || last.equals("AND")) {
        out.addAll(optionNames(before));
      } else if (last.equals("=")) {
        out.addAll(optionValues(before.last(2)));
      } else if (last.equals("'") || before.isName(before.size() - 1)) {
        out.add("AND");
      }
      return out;
    }
    if (first.equals("COPY") && before.size() == 1
        || TABLE_BEFORE.contains(last) && !transferTarget(before)) {
      if (!first.equals("CREATE")) {
        tables(out, word);
      } else {
        out.addAll(List.of("IF"));
        schema.keyspaces().forEach(ks -> out.add(ks + "."));
      }
      return out;
    }
    if (first.equals("COPY") && last.equals("'")) {
      out.add("WITH");
      return out;
    }
    if ((first.equals("CREATE") || first.equals("ALTER")) && typeExpected(before)) {
      out.addAll(CqlWords.TYPES);
      return out;
    }
    String[] table = tableOf(statement);
    if (table != null && COLUMN_BEFORE.contains(last) && !first.equals("CREATE")) {
      out.addAll(schema.columns(table[0], table[1]));
      if (last.equals("SELECT")) {
        out.addAll(CqlWords.FOLLOWING.get("SELECT"));
      }
      return out;
    }
    if (before.size() >= 2
        && before.isName(before.size() - 1)
        && (TABLE_BEFORE.contains(before.last(2)) || first.equals("COPY") && before.size() == 2)) {
      out.addAll(CqlWords.AFTER_TABLE.getOrDefault(first, List.of()));
      return out;
    }
    List<String> following = CqlWords.FOLLOWING.get(last);
    if (following != null) {
      out.addAll(following);
      return out;
    }
    out.addAll(CqlWords.CLAUSES);
    return out;
  }

  /** COPY's FROM and TO name a file, not a table. */
  private static boolean transferTarget(StatementTokens before) {
    return before.first().equals("COPY") && before.size() > 1;
  }

  private static boolean typeExpected(StatementTokens before) {
    String last = before.last(1);
    String prev = before.last(2);
    if (last.equals("<") || last.equals("TYPE") && before.first().equals("ALTER")) {
      return true;
    }
    if (!before.isName(before.size() - 1) || CqlWords.FOLLOWING.containsKey(last)) {
      return false;
    }
    return (prev.equals("(") || prev.equals(","))
            && before.first().equals("CREATE")
            && (before.contains("TABLE") || before.contains("TYPE"))
        || prev.equals("ADD") && before.first().equals("ALTER");
  }

  private void tables(Collection<String> out, String word) {
    int dot = word.indexOf('.');
    if (dot >= 0) {
      String keyspace = word.substring(0, dot);
      for (String ks : schema.keyspaces()) {
        if (ks.equalsIgnoreCase(keyspace)) {
          schema.tables(ks).forEach(t -> out.add(ks + "." + t));
        }
      }
      return;
    }
    String current = schema.currentKeyspace();
    if (current != null) {
      out.addAll(schema.tables(current));
    }
    schema.keyspaces().forEach(ks -> out.add(ks + "."));
  }

  /**
   * The keyspace (or {@code null}: the current one) and table the statement names after FROM, INTO,
   * UPDATE or COPY, or {@code null} when it names none.
   */
  private static String[] tableOf(StatementTokens statement) {
    int at = -1;
    if (statement.first().equals("COPY")) {
      at = 1;
    } else {
      for (int i = 0; i + 1 < statement.size() && at < 0; i++) {
        String t = statement.upper(i);
        if (t.equals("FROM") || t.equals("INTO") || t.equals("UPDATE")) {
          at = i + 1;
        }
      }
    }
    if (at < 0 || !statement.isName(at)) {
      return null;
    }
    String name = statement.raw(at);
    int dot = name.indexOf('.');
    return dot < 0
        ? new String[] {null, name}
        : new String[] {name.substring(0, dot), name.substring(dot + 1)};
  }

  private static Collection<String> optionNames(StatementTokens before) {
    if (before.first().equals("CAPTURE")) {
      return Capture.OPTIONS;
    }
    int to = before.indexOf("TO");
    int from = before.indexOf("FROM");
    if (from >= 0 && (to < 0 || from < to)) {
      return CopyFromWorkflow.OPTIONS;
    }
    if (to >= 0 && before.size() > 1 && before.raw(1).startsWith("'")) {
      return io.cqlp.transfer.FileCopyWorkflow.OPTIONS; // COPY 'file' TO
    }
    return to >= 0
        ? CopyToWorkflow.OPTIONS
        : union(CopyToWorkflow.OPTIONS, CopyFromWorkflow.OPTIONS);
  }

  private static Collection<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The enumerated values of an option: formats, Parquet codecs, booleans; else none. */
  static List<String> optionValues(String option) {
    List<String> values = new ArrayList<>();
    switch (option) {
      case "FORMAT" -> {
        for (FileFormat format : FileFormat.values()) {
          values.add(format.name());
        }
      }
      case "COMPRESSION" -> {
        for (ParquetCompression codec : ParquetCompression.values()) {
          values.add(codec.name());
        }
      }
      case "OVERWRITE", "APPEND" -> values.addAll(CqlWords.BOOLEANS);
      default -> {}
    }
    return values;
  }

  private static void words(List<Candidate> candidates, List<String> words) {
    words.forEach(w -> candidates.add(new Candidate(w)));
  }

  /** The statement that holds {@code position}: from after the previous {@code ;} to the next. */
  private static String statementAround(String buffer, int position) {
    int end = buffer.indexOf(';', position);
    return buffer.substring(0, end < 0 ? buffer.length() : end);
  }
}
