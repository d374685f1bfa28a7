package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cqlp.local.LocalCassandra;
import io.cqlp.testing.DuckDb;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Damaged Parquet files given to COPY FROM, all in one shell: each gets one line naming the file
 * and the damage, no stack trace, no hang, and no row reaches the table (every damage is in the
 * file's only row group, which is refused whole before any row is sent).
 */
@ExtendWith(CassandraExtension.class)
class CorruptFilesIT {
  private static final int ROWS = 20_000;
  private static String keyspace;
  private static LocalCassandra node;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    keyspace = CassandraExtension.createKeyspace(CorruptFilesIT.class);
    node = CassandraExtension.node();
    CassandraExtension.session()
        .execute("CREATE TABLE " + keyspace + ".t (id bigint PRIMARY KEY, v text)");
    dir = Shell.home().resolve("target/it/corrupt");
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  /** Writes a one-row-group file of {@link #ROWS} rows with DuckDB and returns its bytes. */
  private static byte[] valid(DuckDb duck, String codec) throws Exception {
    Path file = dir.resolve("valid-" + codec + ".parquet");
    duck.execute(
        "COPY (SELECT range::BIGINT AS id, repeat('abc', 20) || (range % 7)::VARCHAR AS v FROM"
            + " range("
            + ROWS
            + ")) TO "
            + DuckDb.literal(file)
            + " (FORMAT parquet, COMPRESSION "
            + codec
            + ", ROW_GROUP_SIZE 1000000)");
    return Files.readAllBytes(file);
  }

  /** The file with 32 bytes flipped in the middle of the id column's compressed data page. */
  private static byte[] badPage(DuckDb duck, String codec, byte[] valid) throws Exception {
    Path file = dir.resolve("valid-" + codec + ".parquet");
    List<List<Object>> chunk =
        duck.rows(
            "SELECT data_page_offset, total_compressed_size FROM parquet_metadata("
                + DuckDb.literal(file)
                + ") WHERE path_in_schema = 'id'");
    long offset = ((Number) chunk.get(0).get(0)).longValue();
    long size = ((Number) chunk.get(0).get(1)).longValue();
    byte[] bytes = valid.clone();
    int at = (int) (offset + size / 2);
    for (int i = 0; i < 32; i++) {
      bytes[at + i] ^= (byte) 0x5A;
    }
    return bytes;
  }

  @Test
  void should_refuse_each_damaged_file_in_one_line_naming_it() throws Exception {
    Map<String, byte[]> damaged = new LinkedHashMap<>();
    try (DuckDb duck = new DuckDb()) {
      byte[] snappy = valid(duck, "SNAPPY");
      byte[] zstd = valid(duck, "ZSTD");
      damaged.put("truncated.parquet", Arrays.copyOf(snappy, snappy.length / 2));
      byte[] footer = snappy.clone();
      ByteBuffer.wrap(footer, footer.length - 8, 4)
          .order(ByteOrder.LITTLE_ENDIAN)
          .putInt(0x7FFFFFF0);
      damaged.put("footer-length.parquet", footer);
      byte[] small = snappy.clone();
      ByteBuffer.wrap(small, small.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(9);
      damaged.put("footer-short.parquet", small);
      byte[] magic = snappy.clone();
      System.arraycopy("PAR2".getBytes(), 0, magic, 0, 4);
      damaged.put("magic.parquet", magic);
      damaged.put("snappy-page.parquet", badPage(duck, "SNAPPY", snappy));
      damaged.put("zstd-page.parquet", badPage(duck, "ZSTD", zstd));
      damaged.put("empty.parquet", new byte[0]);
    }
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : damaged.entrySet()) {
      files.add(Files.write(dir.resolve(e.getKey()), e.getValue()));
    }
    // A directory is read as a dataset, each file in it as Parquet whatever its name.
    Path directory = Files.createDirectories(dir.resolve("x.parquet"));
    Files.writeString(directory.resolve("notes.txt"), "not Parquet at all\n");
    files.add(directory);
    Path dataset = Files.createDirectories(dir.resolve("dataset"));
    Path part = Files.write(dataset.resolve("part-0.parquet"), damaged.get("truncated.parquet"));
    StringBuilder script = new StringBuilder();
    for (Path f : files) {
      script.append("COPY t FROM '").append(f).append("';\n");
    }
    script.append("COPY t FROM '").append(dataset).append("/';\n");
    script.append("SELECT count(*) FROM t;\n");

    Shell.Result result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(120),
            () ->
                Shell.runRaw(
                    script.toString(), node.host(), String.valueOf(node.port()), "-k", keyspace));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    List<String> lines = result.errLines();
    assertThat(lines).as(result.err()).hasSize(files.size() + 1);
    assertThat(result.err())
        .doesNotContain("\tat ", "Exception in thread", "at io.cqlp", "Exception:");
    for (int i = 0; i < files.size(); i++) {
      assertThat(lines.get(i))
          .as("statement %d", i + 1)
          .startsWith("<stdin>:" + (i + 1) + ":")
          .contains(files.get(i).toString());
    }
    assertThat(lines.get(files.size()))
        .startsWith("<stdin>:" + (files.size() + 1) + ":")
        .contains(part.toString());
    assertThat(lines.get(0)).contains("truncated");
    assertThat(lines.get(3)).contains("not a Parquet file");
    assertThat(lines.get(4)).contains("cannot be decoded", "SNAPPY");
    assertThat(lines.get(5)).contains("cannot be decoded");
    assertThat(lines.get(6)).contains("empty");
    assertThat(lines.get(7))
        .contains(directory.resolve("notes.txt").toString(), "not a Parquet file");
    assertThat(result.out()).containsPattern("(?m)^\\s+0\\s*$");
    assertThat(
            CassandraExtension.session()
                .execute("SELECT count(*) FROM " + keyspace + ".t")
                .one()
                .getLong(0))
        .isZero();
  }
}
