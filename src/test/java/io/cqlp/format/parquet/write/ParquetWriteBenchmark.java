package io.cqlp.format.parquet.write;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.codec.ParquetCompression;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Write speed of {@link ParquetRowWriter} on one thread, for a flights-like table {@code (id
 * bigint, date timestamp, delay bigint, distance bigint, origin text, destination text)}: not a
 * unit test, run by hand.
 *
 * <p>{@code java -cp target/classes:target/test-classes:<test classpath>
 * io.cqlp.format.parquet.write.ParquetWriteBenchmark [rows] [codec] [runs]} (defaults 5,000,000,
 * SNAPPY, 5). Prints wall-clock and thread CPU rates per run; the rows are built as the driver
 * would hand them over (fresh boxed values, 229 distinct airport strings).
 */
public final class ParquetWriteBenchmark {
  private ParquetWriteBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    ParquetCompression codec = ParquetCompression.parse(args.length > 1 ? args[1] : "SNAPPY");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<ColumnSpec> columns =
        List.of(
            new ColumnSpec("id", DataTypes.BIGINT, ColumnKind.PARTITION_KEY),
            ColumnSpec.regular("date", DataTypes.TIMESTAMP),
            ColumnSpec.regular("delay", DataTypes.BIGINT),
            ColumnSpec.regular("distance", DataTypes.BIGINT),
            ColumnSpec.regular("origin", DataTypes.TEXT),
            ColumnSpec.regular("destination", DataTypes.TEXT));
    String[] airports = new String[229];
    for (int i = 0; i < airports.length; i++) {
      airports[i] = "" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 7);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Path dir = Files.createTempDirectory("cqlp-bench");
    Path file = dir.resolve("flights.parquet");
    for (int run = 1; run <= runs; run++) {
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      try (ParquetRowWriter w =
          ParquetRowWriter.open(
              file, columns, ParquetWriteOptions.defaults().withCompression(codec))) {
        Object[] row = new Object[6];
        long start = 978_307_200_000L;
        for (int i = 0; i < rows; i++) {
          long h = i * 0x9E3779B97F4A7C15L;
          row[0] = (long) i;
          row[1] = Instant.ofEpochMilli(start + i * 5_000L);
          row[2] = (h >>> 56) - 30;
          row[3] = 100 + ((h >>> 40) & 2047);
          row[4] = airports[(int) ((h >>> 20) % 229)];
          row[5] = airports[(int) ((h >>> 8) % 229)];
          w.write(row);
        }
        w.commit();
      }
      double wallS = (System.nanoTime() - wall) / 1e9;
      double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      System.out.printf(
          "run %d: %,d rows %s in %.2f s wall (%,.0f rows/s), %.2f s thread CPU"
              + " (%,.0f rows/s), %,d bytes%n",
          run, rows, codec, wallS, rows / wallS, cpuS, rows / cpuS, Files.size(file));
    }
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }
}
