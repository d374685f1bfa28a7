package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY TO, COPY FROM, CAPTURE, DESCRIBE FILE and SHOW FILE on {@code s3://} paths through the real
 * shell, against a real S3 server (s3proxy) and a real node: 200,001 flights (three slices of
 * flights-3m.parquet, from January, February and March 2001) go out as one object and as a Hive
 * dataset by origin and month, come back into fresh tables, and DuckDB judges what was uploaded
 * after downloading it.
 */
@ExtendWith(CassandraExtension.class)
class ObjectStorageIT {
  private static final long SLICE = 66_667;
  private static final FlightSlices SLICES = new FlightSlices(SLICE, FlightSlices.THREE_MONTHS);
  private static final String COLUMNS =
      "origin, CAST(date AS TIMESTAMP) AS date, destination, delay, distance";

  private static String keyspace;
  private static LocalCassandra node;
  private static S3Server s3;
  private static String bucket;
  private static Path dir;

  @BeforeAll
  static void load() throws Exception {
    keyspace = CassandraExtension.createKeyspace(ObjectStorageIT.class);
    node = CassandraExtension.node();
    s3 = S3Server.shared();
    bucket = s3.createBucket("flights");
    FlightSlices.createTables(
        keyspace, List.of("flights", "from_file", "from_dataset", "filtered", "from_text"));
    dir = Shell.home().resolve("target/it/object-storage");
    deleteTree(dir);
    Files.createDirectories(dir);
    Shell.Result load = shell(SLICES.loadStatements("flights"));
    assertThat(load.err()).isEmpty();
    assertThat(load.out()).contains(SLICE + " rows imported from 1 files");
  }

  static Shell.Result shell(String statements, String... flags) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(node.host(), String.valueOf(node.port()), "-k", keyspace));
    args.addAll(List.of(flags));
    args.addAll(List.of("-e", statements));
    return Shell.runWithEnv(s3.env(), null, args.toArray(String[]::new));
  }

  /** The distinct rows loaded, as DuckDB sees them in the source file. */
  private static void sourceView(DuckDb duck) throws Exception {
    SLICES.sourceView(duck, COLUMNS);
  }

  /** Rows in one view and not in the other, both ways. */
  private static long difference(DuckDb duck, String a, String b) throws Exception {
    return duck.longValue(
        "SELECT count(*) FROM ((SELECT * FROM "
            + a
            + " EXCEPT ALL SELECT * FROM "
            + b
            + ") UNION ALL (SELECT * FROM "
            + b
            + " EXCEPT ALL SELECT * FROM "
            + a
            + "))");
  }

  /** Exports a table to a local file and makes it a DuckDB view. */
  private static void tableView(DuckDb duck, String table) throws Exception {
    Path file = dir.resolve(table + ".parquet");
    Files.deleteIfExists(file);
    Shell.Result export = shell("COPY " + table + " TO '" + file + "'");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    duck.execute(
        "CREATE VIEW "
            + table
            + " AS SELECT "
            + COLUMNS
            + " FROM read_parquet("
            + DuckDb.literal(file)
            + ")");
  }

  @Test
  void should_verify_a_table_against_its_partitioned_dataset_in_the_bucket() throws Exception {
    String target = "s3://" + bucket + "/verified/";
    Shell.Result export =
        shell("COPY flights TO '" + target + "' WITH PARTITION='origin' AND VERIFY=true");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.out())
        .containsPattern(
            "Compared (\\d{6}) rows of "
                + keyspace
                + ".flights with \\1 rows of '"
                + target
                + "' by primary key in [0-9.]+ seconds: all equal\\.");
    String origin =
        CassandraExtension.session()
            .execute("SELECT origin FROM " + keyspace + ".flights LIMIT 1")
            .one()
            .getString(0);
    Shell.Result filtered =
        shell(
            "VERIFY flights AGAINST '"
                + target
                + "' WITH PARTITION_FILTER='origin="
                + origin
                + "'");
    assertThat(filtered.exitCode()).isEqualTo(2);
    assertThat(filtered.out())
        .containsPattern(": [1-9]\\d+ only in the table, 0 only in the files, 0 different\\.")
        .contains("  only in the table: origin=");
  }

  @Test
  void should_export_one_object_that_duckdb_reads_and_copy_from_loads_back_row_by_row()
      throws Exception {
    String target = "s3://" + bucket + "/single/flights.parquet";
    Shell.Result export = shell("COPY flights TO '" + target + "'");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.err()).isEmpty();
    assertThat(s3.keys(bucket, "single/")).containsExactly("single/flights.parquet");
    assertThat(s3.pendingUploads(bucket, "single/")).isEmpty();

    Shell.Result again = shell("COPY flights TO '" + target + "'");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.errLines())
        .containsExactly(
            "<stdin>:1:" + target + " already exists; add OVERWRITE=true to replace it.");

    Shell.Result load = shell("COPY from_file FROM '" + target + "'");
    assertThat(load.exitCode()).as(load.toString()).isZero();
    Shell.Result glob = shell("COPY from_file FROM 's3://" + bucket + "/single/*.parquet'");
    assertThat(glob.out()).as(glob.toString()).containsPattern("\\d+ rows imported from 1 files");

    Path local = dir.resolve("downloaded");
    s3.download(bucket, "single/", local);
    try (DuckDb duck = new DuckDb()) {
      sourceView(duck);
      duck.execute(
          "CREATE VIEW uploaded AS SELECT "
              + COLUMNS
              + " FROM read_parquet("
              + DuckDb.literal(local.resolve("single/flights.parquet"))
              + ")");
      long rows = duck.longValue("SELECT count(*) FROM source");
      assertThat(rows).isGreaterThan(199_000);
      assertThat(export.out()).contains(rows + " rows exported to 1 files");
      assertThat(load.out()).contains(rows + " rows imported from 1 files");
      assertThat(difference(duck, "source", "uploaded")).isZero();
      tableView(duck, "from_file");
      assertThat(difference(duck, "uploaded", "from_file")).isZero();
    }
  }

  @Test
  void should_export_a_hive_dataset_that_appears_whole_and_loads_back_with_partition_filter()
      throws Exception {
    String target = "s3://" + bucket + "/dataset/";
    Shell.Result export =
        shell("COPY flights TO '" + target + "' WITH PARTITION='origin,date.month'");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    List<String> keys = s3.keys(bucket, "dataset/");
    assertThat(keys).contains("dataset/_SUCCESS");
    assertThat(keys)
        .allMatch(
            k ->
                k.equals("dataset/_SUCCESS")
                    || k.matches("dataset/origin=[^/]+/date\\.month=0[123]/part-\\d{5}\\.parquet"));
    assertThat(s3.pendingUploads(bucket, "dataset/")).isEmpty();
    long files = keys.size() - 1;
    assertThat(export.out()).contains(" rows exported to " + files + " files");

    Shell.Result load = shell("COPY from_dataset FROM '" + target + "'", "--debug");
    assertThat(load.exitCode()).as(load.toString()).isZero();
    assertThat(requests(load.err()).get("GetObject"))
        .as("every file is read")
        .isGreaterThanOrEqualTo(files);

    long atlFiles = keys.stream().filter(k -> k.startsWith("dataset/origin=ATL/")).count();
    long atlMonths =
        keys.stream()
            .filter(k -> k.startsWith("dataset/origin=ATL/"))
            .map(k -> k.split("/")[2])
            .distinct()
            .count();
    Shell.Result filtered =
        shell("COPY filtered FROM '" + target + "' WITH PARTITION_FILTER='origin=ATL'", "--debug");
    assertThat(filtered.exitCode()).as(filtered.toString()).isZero();
    Map<String, Long> requests = requests(filtered.err());
    assertThat(requests.get("ListObjectsV2"))
        .as("the root, origin=ATL and its months: %s", requests)
        .isEqualTo(2 + atlMonths);
    assertThat(requests.get("GetObject"))
        .as("only ATL's %s files are read: %s", atlFiles, requests)
        .isBetween(atlFiles, 6 * atlFiles);
    assertThat(requests.keySet()).containsOnly("ListObjectsV2", "GetObject");

    Path local = dir.resolve("downloaded-dataset");
    s3.download(bucket, "dataset/", local);
    try (DuckDb duck = new DuckDb()) {
      sourceView(duck);
      duck.execute(
          "CREATE VIEW uploaded AS SELECT "
              + COLUMNS
              + " FROM read_parquet("
              + DuckDb.literal(local.resolve("dataset") + "/**/*.parquet")
              + ", hive_partitioning = true)");
      assertThat(difference(duck, "source", "uploaded")).isZero();
      assertThat(
              duck.longValue(
                  "SELECT count(*) FROM read_parquet("
                      + DuckDb.literal(local.resolve("dataset") + "/**/*.parquet")
                      + ", hive_partitioning = true) WHERE \"date.month\" <> month(CAST(date AS"
                      + " TIMESTAMP))"))
          .isZero();
      tableView(duck, "from_dataset");
      assertThat(difference(duck, "uploaded", "from_dataset")).isZero();
      tableView(duck, "filtered");
      assertThat(difference(duck, "(SELECT * FROM uploaded WHERE origin = 'ATL')", "filtered"))
          .isZero();
      assertThat(duck.longValue("SELECT count(*) FROM filtered")).isGreaterThan(1000);
    }
  }

  @Test
  void should_capture_parquet_and_json_to_objects_and_describe_and_show_an_object()
      throws Exception {
    String parquet = "s3://" + bucket + "/capture/ord.parquet";
    String json = "s3://" + bucket + "/capture/ord.json";
    Shell.Result capture =
        shell(
            "CAPTURE '"
                + parquet
                + "';\n"
                + "SELECT origin, date, destination, delay, distance FROM flights WHERE origin ="
                + " 'ORD';\n"
                + "CAPTURE OFF;\n"
                + "CAPTURE JSON '"
                + json
                + "';\n"
                + "SELECT origin, delay FROM flights WHERE origin = 'ORD';\n"
                + "CAPTURE OFF;\n"
                + "DESCRIBE FILE '"
                + parquet
                + "';\n"
                + "SHOW FILE '"
                + parquet
                + "' LIMIT 3;\n"
                + "SHOW UPLOADS 's3://"
                + bucket
                + "/capture/';");
    assertThat(capture.exitCode()).as(capture.toString()).isZero();
    assertThat(s3.keys(bucket, "capture/"))
        .containsExactly("capture/ord.json", "capture/ord.parquet");
    Path local = dir.resolve("downloaded-capture");
    s3.download(bucket, "capture/", local);
    long ord;
    try (DuckDb duck = new DuckDb()) {
      sourceView(duck);
      ord = duck.longValue("SELECT count(*) FROM source WHERE origin = 'ORD'");
      duck.execute(
          "CREATE VIEW captured AS SELECT "
              + COLUMNS
              + " FROM read_parquet("
              + DuckDb.literal(local.resolve("capture/ord.parquet"))
              + ")");
      assertThat(difference(duck, "(SELECT * FROM source WHERE origin = 'ORD')", "captured"))
          .isZero();
    }
    List<String> lines = Files.readAllLines(local.resolve("capture/ord.json"));
    assertThat(lines)
        .hasSize((int) ord)
        .allMatch(l -> l.startsWith("{\"origin\":\"ORD\",\"delay\":"));
    assertThat(capture.out())
        .contains("Now capturing query output to '" + parquet + "'.")
        .contains("Stopped capture. " + ord + " rows written to '" + parquet + "'.")
        .contains("File: " + parquet)
        .contains("Rows: " + ord)
        .contains("(3 rows)")
        .contains("0 pending uploads below s3://" + bucket + "/capture/.");
  }

  @Test
  void should_run_the_example_script_on_an_s3_compatible_endpoint() throws Exception {
    s3.ensureBucket("cqlp-demo");
    Shell.Result run =
        Shell.runWithEnv(
            s3.env(),
            null,
            node.host(),
            String.valueOf(node.port()),
            "-f",
            "examples/s3-roundtrip.cql");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    Matcher counts = Pattern.compile("(?m)^\\s+(\\d+)$").matcher(run.out());
    List<Long> values = new java.util.ArrayList<>();
    while (counts.find()) {
      values.add(Long.parseLong(counts.group(1)));
    }
    assertThat(values).as(run.out()).hasSize(3).allMatch(v -> v.equals(values.get(0)));
    assertThat(values.get(0)).isGreaterThan(48_000);
    assertThat(run.out()).contains("0 pending uploads below s3://cqlp-demo/.");
    assertThat(s3.keys("cqlp-demo", "flights/")).contains("flights/_SUCCESS");
  }

  @Test
  void should_read_text_formats_and_globs_from_objects_and_write_the_errfile_there()
      throws Exception {
    String csv =
        "origin,date,destination,delay,distance\n"
            + "ZZA,2001-01-01 10:00:00+0000,ZZB,5,100\n"
            + "ZZA,not a date,ZZB,6,100\n"
            + "ZZA,2001-01-02 10:00:00+0000,ZZC,7,200\n";
    try (var client = s3.client()) {
      client.putObject(
          b -> b.bucket(bucket).key("text/in.csv"),
          software.amazon.awssdk.core.sync.RequestBody.fromString(csv));
    }
    String errfile = "s3://" + bucket + "/text/import.err";
    Shell.Result load =
        shell(
            "COPY from_text FROM 's3://"
                + bucket
                + "/text/in.csv' WITH HEADER=true AND ERRFILE='"
                + errfile
                + "';\n"
                + "COPY from_text TO 's3://"
                + bucket
                + "/text/out.csv.gz' WITH HEADER=true;\n"
                + "COPY from_text TO 's3://"
                + bucket
                + "/text/out.json';\n"
                + "COPY from_text TO 's3://"
                + bucket
                + "/text/out.xlsx';\n"
                + "TRUNCATE from_text;\n"
                + "COPY from_text FROM 's3://"
                + bucket
                + "/text/out.csv.gz' WITH HEADER=true;\n"
                + "COPY from_text FROM 's3://"
                + bucket
                + "/text/*.json';\n"
                + "SELECT origin, destination, delay FROM from_text;");
    assertThat(load.out())
        .as(load.toString())
        .contains("2 rows imported from 1 files")
        .contains("2 rows exported to 1 files")
        .containsPattern("ZZA\\s*\\|\\s*ZZB\\s*\\|\\s*5\\b")
        .containsPattern("ZZA\\s*\\|\\s*ZZC\\s*\\|\\s*7\\b")
        .contains("(2 rows)");
    assertThat(load.errLines())
        .as(load.toString())
        .anyMatch(l -> l.contains("failed rows written to " + errfile));
    Path local = dir.resolve("downloaded-text");
    s3.download(bucket, "text/", local);
    assertThat(Files.readString(local.resolve("text/import.err")))
        .isEqualTo("ZZA,not a date,ZZB,6,100\n");
    assertThat(Files.readAllLines(local.resolve("text/out.json"))).hasSize(2);
    try (var workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(local.resolve("text/out.xlsx").toFile())) {
      assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(3);
    }
    assertThat(s3.pendingUploads(bucket, "text/")).isEmpty();
  }

  /** The counts of the {@code S3 requests: ...} line that --debug prints after a statement. */
  static Map<String, Long> requests(String err) {
    Matcher line = Pattern.compile("S3 requests: (.*)").matcher(err);
    assertThat(line.find()).as(err).isTrue();
    Map<String, Long> counts = new HashMap<>();
    for (String part : line.group(1).split(", ")) {
      String[] op = part.split(" ");
      counts.put(op[0], Long.parseLong(op[1]));
    }
    return counts;
  }

  static void deleteTree(Path root) throws Exception {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
