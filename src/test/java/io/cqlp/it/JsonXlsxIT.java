package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cqlp.local.LocalCassandra;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JSON and XLSX through the real shell: every CQL type goes table → JSON Lines, a JSON array and
 * .jsonl.zst (COPY TO) → new tables (COPY FROM) and comes back exactly; the JSON holds typed values
 * as Jackson reads them; COPY TO .xlsx and CAPTURE .xlsx hold every row as Apache POI reads it.
 */
@ExtendWith(CassandraExtension.class)
class JsonXlsxIT {
  private static final int SMALL_ROWS = 1000;
  private static String keyspace;
  private static LocalCassandra node;
  private static Map<String, DataType> columns;
  private static int rowCount;
  private static Path dir;

  @BeforeAll
  static void createTables() throws Exception {
    keyspace = CassandraExtension.createKeyspace(JsonXlsxIT.class);
    node = CassandraExtension.node();
    CqlSession session = CassandraExtension.session();
    EveryTypeTable.create(session, keyspace, "everything", "from_lines", "from_array", "from_zst");
    session.execute("CREATE TABLE " + keyspace + ".keyed (id int PRIMARY KEY, name text)");
    columns = EveryTypeTable.columns(session, keyspace, "everything");
    List<Map<String, Object>> rows =
        new ArrayList<>(
            EveryTypeTable.randomRows(columns, new RandomCql(20_251_122L, false), 60, 1));
    rows.addAll(EveryTypeTable.edgeRows(session, keyspace, "everything", false, 100_000));
    EveryTypeTable.insert(session, keyspace, "everything", rows);
    rowCount = rows.size();
    session.execute(
        "CREATE TABLE "
            + keyspace
            + ".small (id int PRIMARY KEY, name text, big bigint,"
            + " huge varint, score double, ok boolean, at timestamp, tags list<int>)");
    PreparedStatement insert =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".small"
                + " (id, name, big, huge, score, ok, at, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    List<java.util.concurrent.CompletionStage<?>> writes = new ArrayList<>();
    for (int i = 0; i < SMALL_ROWS; i++) {
      writes.add(
          session.executeAsync(
              insert.bind(
                  i,
                  "name " + i,
                  i * 1_000_000_007L,
                  new java.math.BigInteger("123456789012345678901234567890")
                      .add(java.math.BigInteger.valueOf(i)),
                  i / 4.0,
                  i % 2 == 0,
                  Instant.ofEpochMilli(1_700_000_000_000L + i),
                  List.of(i, -i))));
      if (writes.size() == 64) {
        for (var w : writes) {
          w.toCompletableFuture().join();
        }
        writes.clear();
      }
    }
    for (var w : writes) {
      w.toCompletableFuture().join();
    }
    dir = Files.createDirectories(Shell.home().resolve("target/it/json-xlsx"));
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void should_bring_every_value_of_every_type_back_from_json_lines_an_array_and_zstd()
      throws Exception {
    Path lines = dir.resolve("everything.jsonl");
    Path array = dir.resolve("everything.json");
    Path zst = dir.resolve("everything.jsonl.zst");
    Shell.Result run =
        cqlp(
            "COPY everything TO '"
                + lines
                + "'; COPY everything TO '"
                + array
                + "' WITH JSON_ARRAY=true; COPY everything TO '"
                + zst
                + "';"
                + " COPY from_lines FROM '"
                + lines
                + "'; COPY from_array FROM '"
                + array
                + "';"
                + " COPY from_zst FROM '"
                + zst
                + "'");
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out().split(rowCount + " rows exported to 1 files", -1)).hasSize(4);
    assertThat(run.out().split(rowCount + " rows imported from 1 files", -1)).hasSize(4);
    assertThat(Files.readString(array)).startsWith("[\n{");
    assertThat(Files.size(zst)).isLessThan(Files.size(lines));
    for (String copy : List.of("from_lines", "from_array", "from_zst")) {
      assertSameRows("everything", copy);
    }
  }

  @Test
  void should_write_typed_json_and_every_row_to_xlsx_by_copy_and_by_capture() throws Exception {
    Path file = dir.resolve("small.jsonl");
    Path copied = dir.resolve("small.xlsx");
    Path captured = dir.resolve("captured.xlsx");
    Shell.Result run =
        cqlp(
            "COPY small TO '"
                + file
                + "'; COPY small TO '"
                + copied
                + "'; CAPTURE '"
                + captured
                + "';"
                + " SELECT id, name, big, huge, score, ok, at, tags FROM small; CAPTURE OFF");
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out().split(SMALL_ROWS + " rows exported to 1 files", -1)).hasSize(3);
    assertTypedJson(file);
    assertXlsx(copied);
    assertXlsx(captured);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("cqlp-tmp"));
    }
  }

  private static void assertTypedJson(Path file) throws Exception {
    Map<Integer, Map<String, Object>> byId = new HashMap<>();
    try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
      while (json.nextToken() == JsonToken.START_OBJECT) {
        Map<String, Object> row = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          JsonToken token = json.nextToken();
          row.put(
              name,
              switch (token) {
                case VALUE_NUMBER_INT -> json.getBigIntegerValue();
                case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
                case VALUE_TRUE, VALUE_FALSE -> json.getBooleanValue();
                case VALUE_STRING -> json.getText();
                case START_ARRAY -> {
                  List<Object> items = new ArrayList<>();
                  while (json.nextToken() != JsonToken.END_ARRAY) {
                    items.add(json.getIntValue());
                  }
                  yield items;
                }
                default -> String.valueOf(token);
              });
        }
        byId.put(((java.math.BigInteger) row.get("id")).intValue(), row);
      }
    }
    assertThat(byId).hasSize(SMALL_ROWS);
    Map<String, Object> row = byId.get(7);
    assertThat(row.keySet())
        .containsExactly("id", "at", "big", "huge", "name", "ok", "score", "tags");
    assertThat(row.get("big")).isEqualTo(java.math.BigInteger.valueOf(7_000_000_049L));
    assertThat(row.get("huge"))
        .isEqualTo(new java.math.BigInteger("123456789012345678901234567897"));
    assertThat(row.get("score")).isEqualTo(1.75);
    assertThat(row.get("ok")).isEqualTo(false);
    assertThat(row.get("at")).isEqualTo("2023-11-14T22:13:20.007Z");
    assertThat(row.get("name")).isEqualTo("name 7");
    assertThat(row.get("tags")).isEqualTo(List.of(7, -7));
  }

  private static void assertXlsx(Path file) throws Exception {
    try (Workbook book = new XSSFWorkbook(file.toFile())) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1);
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).as(file.toString()).isEqualTo(SMALL_ROWS);
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header)
          .containsExactlyInAnyOrder("id", "name", "big", "huge", "score", "ok", "at", "tags");
      boolean[] seen = new boolean[SMALL_ROWS];
      for (int r = 1; r <= SMALL_ROWS; r++) {
        Map<String, Cell> cells = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
          cells.put(header.get(c), sheet.getRow(r).getCell(c));
        }
        int id = (int) cells.get("id").getNumericCellValue();
        seen[id] = true;
        assertThat(cells.get("name").getStringCellValue()).isEqualTo("name " + id);
        assertThat(cells.get("big").getNumericCellValue()).isEqualTo(id * 1_000_000_007d);
        assertThat(cells.get("huge").getCellType()).isEqualTo(CellType.STRING);
        assertThat(cells.get("huge").getStringCellValue())
            .isEqualTo(
                new java.math.BigInteger("123456789012345678901234567890")
                    .add(java.math.BigInteger.valueOf(id))
                    .toString());
        assertThat(cells.get("score").getNumericCellValue()).isEqualTo(id / 4.0);
        assertThat(cells.get("ok").getBooleanCellValue()).isEqualTo(id % 2 == 0);
        assertThat(cells.get("at").getLocalDateTimeCellValue())
            .isEqualTo(
                LocalDateTime.ofInstant(
                    Instant.ofEpochMilli(1_700_000_000_000L + id), ZoneOffset.UTC));
        assertThat(cells.get("tags").getStringCellValue()).isEqualTo("[" + id + ", " + -id + "]");
      }
      for (boolean s : seen) {
        assertThat(s).isTrue();
      }
    }
  }

  @Test
  void should_refuse_an_unknown_key_with_one_line_naming_it() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("unknown.jsonl"), "{\"id\":1,\"name\":\"a\",\"colour\":\"red\"}\n");
    Path errFile = dir.resolve("unknown.err");
    Shell.Result run =
        cqlp(
            "COPY keyed FROM '"
                + file
                + "' WITH ERRFILE='"
                + errFile
                + "';"
                + " COPY keyed FROM '"
                + file
                + "' WITH IGNORE_UNKNOWN_KEYS=true");
    assertThat(run.errLines()).hasSize(2);
    assertThat(run.errLines().get(1))
        .isEqualTo("Failed to process 1 rows; failed rows written to " + errFile);
    assertThat(Files.readAllLines(errFile))
        .hasSize(1)
        .first()
        .asString()
        .contains("\"colour\":\"red\"");
    assertThat(run.errLines().get(0))
        .contains(
            file + ", row 1 (line 1): key 'colour' names no column", "IGNORE_UNKNOWN_KEYS=true");
    assertThat(run.out()).contains("1 rows imported from 1 files");
    assertThat(
            CassandraExtension.session()
                .execute("SELECT name FROM " + keyspace + ".keyed WHERE id = 1")
                .one()
                .getString(0))
        .isEqualTo("a");
  }

  /** Same keys, and for each column of each row the same bytes from Cassandra. */
  private static void assertSameRows(String original, String copy) {
    CqlSession session = CassandraExtension.session();
    Map<String, Row> expected = EveryTypeTable.rowsByKey(session, keyspace, original);
    Map<String, Row> actual = EveryTypeTable.rowsByKey(session, keyspace, copy);
    assertThat(expected).hasSize(rowCount);
    assertThat(actual.keySet()).as(copy).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, Row> e : expected.entrySet()) {
      Row a = actual.get(e.getKey());
      for (String column : columns.keySet()) {
        ByteBuffer want = e.getValue().getBytesUnsafe(column);
        ByteBuffer got = a.getBytesUnsafe(column);
        assertThat(got)
            .as(
                "%s, row %s, column %s (%s)",
                copy, e.getKey(), column, columns.get(column).asCql(true, true))
            .isEqualTo(want);
      }
    }
  }

  private static Shell.Result cqlp(String statement) throws Exception {
    return Shell.run(node.host(), node.port(), "-k", keyspace, "-e", statement);
  }
}
