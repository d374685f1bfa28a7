package io.cqlp.bench;

import io.cqlp.format.parquet.codec.ParquetCompression;
import io.cqlp.format.parquet.write.ParquetRowWriter;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Parquet write path alone ({@link ParquetRowWriter}: value checks, record consumer,
 * encoding, compression, file), one thread, for the flights table of bench/run: {@code origin
 * text, date timestamp, destination text, delay bigint, distance bigint}. The score is rows per
 * second (one operation is one row).
 *
 * <p>Rows are built once, as the driver hands them over (boxed values, {@code Instant}, shared
 * airport strings), grouped by origin with rising dates as a token-order scan of that table
 * returns them, and written again and again: 1,000,000 rows and a commit per invocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ParquetWriteJmh {
  static final int ROWS = 1_000_000;
  private static final int DISTINCT_ROWS = 1 << 18;

  @Param({"SNAPPY", "ZSTD"})
  public String codec;

  private Object[][] rows;
  private List<ColumnSpec> columns;
  private ParquetWriteOptions options;
  private Path dir;
  private Path file;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    columns = List.of(
        new ColumnSpec("origin", DataTypes.TEXT, ColumnKind.PARTITION_KEY),
        new ColumnSpec("date", DataTypes.TIMESTAMP, ColumnKind.CLUSTERING),
        new ColumnSpec("destination", DataTypes.TEXT, ColumnKind.CLUSTERING),
        new ColumnSpec("delay", DataTypes.BIGINT, ColumnKind.CLUSTERING),
        new ColumnSpec("distance", DataTypes.BIGINT, ColumnKind.CLUSTERING));
    // As COPY TO writes this table: it has no static columns, so its clustering columns are
    // REQUIRED (no definition levels).
    options = ParquetWriteOptions.defaults().withCompression(ParquetCompression.parse(codec))
        .withRequiredClustering(true);
    String[] airports = new String[229];
    for (int i = 0; i < airports.length; i++) {
      airports[i] = "" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 7);
    }
    rows = new Object[DISTINCT_ROWS][];
    int perOrigin = DISTINCT_ROWS / airports.length + 1;
    long start = 978_307_200_000L;
    for (int i = 0; i < DISTINCT_ROWS; i++) {
      long h = i * 0x9E3779B97F4A7C15L;
      int origin = i / perOrigin;
      rows[i] = new Object[] {
          airports[origin],
          Instant.ofEpochMilli(start + (i % perOrigin) * 60_000L * 60),
          airports[(int) ((h >>> 8) % airports.length)],
          (long) ((h >>> 56) - 30),
          100 + ((h >>> 40) & 2047)};
    }
    dir = Files.createTempDirectory("cqlp-jmh");
    file = dir.resolve("flights.parquet");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long writeFlights() throws IOException {
    try (ParquetRowWriter w = ParquetRowWriter.open(file, columns, options)) {
      Object[][] r = rows;
      for (int i = 0; i < ROWS; i++) {
        w.write(r[i & (DISTINCT_ROWS - 1)]);
      }
      w.commit();
      return w.bytesWritten();
    }
  }
}
