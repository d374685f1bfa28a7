package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code COPY 'file.parquet' TO ...} through the real shell started with {@code --no-connect}: no
 * Cassandra node anywhere. The source is the flights slice of examples/ (48,626 rows); DuckDB reads
 * the source and each target, and the rows must match exactly, duplicates counted (EXCEPT ALL both
 * ways, and the counts).
 */
class FileCopyIT {
  private static final Path SOURCE = Shell.home().resolve("examples/flights-slice.parquet");
  private static final long ROWS = 48_626;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    dir = Shell.home().resolve("target/it/file-copy");
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  static Shell.Result cqlp(String statements) throws Exception {
    return Shell.runRaw(null, "--no-connect", "-e", statements);
  }

  /** The source as DuckDB reads it, timestamps as the given strftime text. */
  private static void sourceView(DuckDb duck, String dateFormat) throws Exception {
    sourceViewOf(duck, "strftime(date, '" + dateFormat + "')");
  }

  /** The source as DuckDB reads it, the timestamp column as {@code date} makes it. */
  private static void sourceViewOf(DuckDb duck, String date) throws Exception {
    duck.execute(
        "CREATE OR REPLACE VIEW source AS SELECT "
            + date
            + " AS date,"
            + " delay, distance, origin, destination FROM read_parquet("
            + DuckDb.literal(SOURCE)
            + ")");
  }

  /** Asserts that view {@code target} holds exactly the rows of view {@code source}. */
  private static void assertSameRows(DuckDb duck) throws Exception {
    String columns = "date, delay, distance, origin, destination";
    assertThat(duck.longValue("SELECT count(*) FROM source")).isEqualTo(ROWS);
    assertThat(duck.longValue("SELECT count(*) FROM target")).isEqualTo(ROWS);
    assertThat(
            duck.rows(
                "SELECT " + columns + " FROM source EXCEPT ALL SELECT " + columns + " FROM target"))
        .isEmpty();
    assertThat(
            duck.rows(
                "SELECT " + columns + " FROM target EXCEPT ALL SELECT " + columns + " FROM source"))
        .isEmpty();
  }

  @Test
  void converts_parquet_to_csv() throws Exception {
    Path csv = dir.resolve("flights.csv");
    Shell.Result r = cqlp("COPY '" + SOURCE + "' TO '" + csv + "' WITH HEADER=true");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(ROWS + " rows exported to 1 files");
    try (DuckDb duck = new DuckDb()) {
      sourceView(duck, "%Y-%m-%d %H:%M:%S.%g+0000");
      duck.execute(
          "CREATE VIEW target AS SELECT * FROM read_csv("
              + DuckDb.literal(csv)
              + ", header = true, columns = {'date': 'VARCHAR', 'delay': 'BIGINT', 'distance':"
              + " 'BIGINT', 'origin': 'VARCHAR', 'destination': 'VARCHAR'})");
      assertSameRows(duck);
    }
  }

  @Test
  void converts_parquet_to_a_json_array_with_its_metadata() throws Exception {
    Path json = dir.resolve("flights.json");
    Shell.Result r =
        cqlp(
            "COPY '"
                + SOURCE
                + "' TO '"
                + json
                + "' WITH JSON_ARRAY=true AND INCLUDE_METADATA=true");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(json).stripLeading()).startsWith("[");
    try (DuckDb duck = new DuckDb()) {
      // JSON timestamps are ISO-8601 instants ("2001-01-01T00:01:00Z"): compared as instants.
      sourceViewOf(duck, "CAST(date AS TIMESTAMPTZ)");
      duck.execute(
          "CREATE VIEW target AS SELECT * FROM read_json("
              + DuckDb.literal(json)
              + ", format = 'array', columns = {'date': 'TIMESTAMPTZ', 'delay': 'BIGINT',"
              + " 'distance': 'BIGINT', 'origin': 'VARCHAR', 'destination': 'VARCHAR'})");
      assertSameRows(duck);
    }
    var meta =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("flights.schema.json").toFile());
    assertThat(meta.path("source").asText()).isEqualTo(SOURCE.toString());
    List<String> columns = new ArrayList<>();
    meta.path("columns")
        .forEach(
            c ->
                columns.add(
                    c.path("name").asText()
                        + " "
                        + c.path("cql_type").asText()
                        + " "
                        + c.path("parquet_type").asText()));
    assertThat(columns)
        .containsExactly(
            "date timestamp INT64 TIMESTAMP(MICROS,false)",
            "delay bigint INT64 INTEGER(64,true)",
            "distance bigint INT64 INTEGER(64,true)",
            "origin text BINARY STRING",
            "destination text BINARY STRING");
    assertThat(meta.path("key_value_metadata").isObject()).isTrue();
  }

  @Test
  void converts_parquet_to_xlsx_with_a_metadata_sheet() throws Exception {
    Path xlsx = dir.resolve("flights.xlsx");
    Shell.Result r = cqlp("COPY '" + SOURCE + "' TO '" + xlsx + "' WITH INCLUDE_METADATA=true");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<List<Object>> expected;
    try (DuckDb duck = new DuckDb()) {
      expected =
          duck.rows(
              "SELECT strftime(date, '%Y-%m-%d %H:%M:%S.%g'), delay, distance, origin, destination"
                  + " FROM read_parquet("
                  + DuckDb.literal(SOURCE)
                  + ")");
    }
    DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    List<String> want = new ArrayList<>();
    for (List<Object> row : expected) {
      want.add(
          row.get(0) + "|" + row.get(1) + "|" + row.get(2) + "|" + row.get(3) + "|" + row.get(4));
    }
    List<String> got = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(xlsx.toFile())) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      Sheet rows = book.getSheetAt(0);
      assertThat(rows.getRow(0).getCell(0).getStringCellValue()).isEqualTo("date");
      for (int i = 1; i <= rows.getLastRowNum(); i++) {
        Row row = rows.getRow(i);
        Cell date = row.getCell(0);
        assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
        got.add(
            date.getLocalDateTimeCellValue().atOffset(ZoneOffset.UTC).format(time)
                + "|"
                + (long) row.getCell(1).getNumericCellValue()
                + "|"
                + (long) row.getCell(2).getNumericCellValue()
                + "|"
                + row.getCell(3).getStringCellValue()
                + "|"
                + row.getCell(4).getStringCellValue());
      }
      Sheet meta = book.getSheet("metadata");
      assertThat(meta).isNotNull();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        columns.add(
            meta.getRow(i).getCell(0).getStringCellValue()
                + " "
                + meta.getRow(i).getCell(1).getStringCellValue());
      }
      assertThat(columns)
          .containsExactly(
              "date timestamp",
              "delay bigint",
              "distance bigint",
              "origin text",
              "destination text");
    }
    assertThat(got).hasSize((int) ROWS);
    assertThat(got).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  void converts_parquet_to_a_partitioned_zstd_dataset() throws Exception {
    Path out = dir.resolve("by-origin");
    Shell.Result r =
        cqlp(
            "COPY '"
                + SOURCE
                + "' TO '"
                + out
                + "/' WITH PARTITION='origin' AND COMPRESSION='ZSTD'");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(ROWS + " rows exported");
    try (DuckDb duck = new DuckDb()) {
      String files = DuckDb.literal(out + "/**/*.parquet");
      sourceView(duck, "%Y-%m-%d %H:%M:%S");
      duck.execute(
          "CREATE VIEW target AS SELECT strftime(date, '%Y-%m-%d %H:%M:%S') AS date, delay,"
              + " distance, origin, destination FROM read_parquet("
              + files
              + ", hive_partitioning = true)");
      assertSameRows(duck);
      assertThat(duck.rows("SELECT DISTINCT compression FROM parquet_metadata(" + files + ")"))
          .containsExactly(List.of("ZSTD"));
      assertThat(duck.longValue("SELECT count(DISTINCT origin) FROM source"))
          .isEqualTo(
              Files.list(out)
                  .filter(p -> p.getFileName().toString().startsWith("origin="))
                  .count());
    }
  }

  @Test
  void where_keeps_the_rows_that_meet_it() throws Exception {
    Path csv = dir.resolve("las-late.csv");
    Shell.Result r =
        cqlp(
            "COPY '"
                + SOURCE
                + "' TO '"
                + csv
                + "' WITH HEADER=true"
                + " WHERE origin = 'LAS' AND delay >= 60 AND date < '2001-01-20 00:00:00+0000'");
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (DuckDb duck = new DuckDb()) {
      long expected =
          duck.longValue(
              "SELECT count(*) FROM read_parquet("
                  + DuckDb.literal(SOURCE)
                  + ")"
                  + " WHERE origin = 'LAS' AND delay >= 60 AND date < TIMESTAMP '2001-01-20'");
      assertThat(expected).isPositive();
      duck.execute(
          "CREATE VIEW source AS SELECT strftime(date, '%Y-%m-%d %H:%M:%S.%g+0000') AS date, delay,"
              + " distance, origin, destination FROM read_parquet("
              + DuckDb.literal(SOURCE)
              + ")"
              + " WHERE origin = 'LAS' AND delay >= 60 AND date < TIMESTAMP '2001-01-20'");
      duck.execute(
          "CREATE VIEW target AS SELECT * FROM read_csv("
              + DuckDb.literal(csv)
              + ", header = true, columns = {'date': 'VARCHAR', 'delay': 'BIGINT', 'distance':"
              + " 'BIGINT', 'origin': 'VARCHAR', 'destination': 'VARCHAR'})");
      assertThat(duck.longValue("SELECT count(*) FROM target")).isEqualTo(expected);
      assertThat(duck.rows("SELECT * FROM source EXCEPT ALL SELECT * FROM target")).isEmpty();
      assertThat(duck.rows("SELECT * FROM target EXCEPT ALL SELECT * FROM source")).isEmpty();
    }
    Path none = dir.resolve("bad-where.csv");
    Shell.Result bad = cqlp("COPY '" + SOURCE + "' TO '" + none + "' WHERE nosuch = 1");
    assertThat(bad.errLines())
        .containsExactly(
            "<stdin>:1:WHERE 'nosuch = 1': no column nosuch; the columns are:"
                + " date, delay, distance, origin, destination.");
    assertThat(none).doesNotExist();
  }

  @Test
  void a_bad_source_gives_one_line_and_no_target() throws Exception {
    Path corrupt = dir.resolve("corrupt.parquet");
    Files.writeString(corrupt, "this is not a Parquet file, only some text that is long enough");
    Path truncated = dir.resolve("truncated.parquet");
    byte[] whole = Files.readAllBytes(SOURCE);
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    for (Path bad : List.of(dir.resolve("missing.parquet"), corrupt, truncated)) {
      Path target = dir.resolve("from-" + bad.getFileName() + ".csv");
      Shell.Result r = cqlp("COPY '" + bad + "' TO '" + target + "'");
      assertThat(r.exitCode()).isNotZero();
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.errLines().get(0))
          .contains(bad.getFileName().toString())
          .doesNotContain("Exception");
      assertThat(target).doesNotExist();
      try (Stream<Path> left = Files.list(dir)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.contains("from-" + bad.getFileName()));
      }
    }
  }

  @Test
  void without_a_cluster_file_commands_work_and_cql_fails_with_one_line() throws Exception {
    Shell.Result r =
        cqlp(
            "DESCRIBE FILE '"
                + SOURCE
                + "'; SHOW FILE '"
                + SOURCE
                + "' LIMIT 2; HELP COPY;"
                + " SELECT * FROM system.local; USE ks; COPY ks.t TO 'x.csv'; LOGIN bob 'secret'");
    assertThat(r.out()).contains("48626").contains("COPY 'file.parquet'").contains("LAS");
    assertThat(r.errLines())
        .containsExactly(
            "<stdin>:1:not connected: start cqlp with a host, or without --no-connect",
            "<stdin>:1:not connected: start cqlp with a host, or without --no-connect",
            "<stdin>:1:not connected: start cqlp with a host, or without --no-connect",
            "<stdin>:1:not connected: start cqlp with a host, or without --no-connect");
    assertThat(r.exitCode()).isNotZero();
  }
}
