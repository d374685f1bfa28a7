package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.CopyTo;
import io.cqlp.format.FileFormat;
import io.cqlp.format.Formats;
import io.cqlp.format.compress.StreamCompression;
import io.cqlp.storage.Locations;
import io.cqlp.transfer.dataset.DatasetFile;
import io.cqlp.transfer.dataset.DatasetListing;
import io.cqlp.transfer.dataset.PartitionFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How many rows a COPY will move, roughly, for a percentage and an ETA; {@link #UNKNOWN} when it
 * cannot tell. Never fails: any error gives {@link #UNKNOWN}.
 *
 * <ul>
 *   <li>COPY TO of a whole table without clustering columns: the partitions of {@code
 *       system.size_estimates} summed over the table's token ranges (Cassandra refreshes that table
 *       every few minutes from its SSTables, so recent writes are missing). With clustering columns
 *       a partition holds many rows, so there is no estimate; nor for a WHERE or a SELECT.
 *   <li>COPY FROM a Parquet file or dataset: the row counts of the footers (exact).
 *   <li>COPY FROM an uncompressed CSV or JSON file: the file size divided by the mean length of the
 *       lines in its first 64 KiB.
 * </ul>
 */
public final class RowEstimate {
  /** No estimate. */
  public static final long UNKNOWN = -1;

  private static final int SAMPLE_BYTES = 64 * 1024;
  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private RowEstimate() {}

  /**
   * Estimates a COPY TO from {@code system.size_estimates} (one query, two seconds at most).
   *
   * @param session the shell's session (its schema metadata tells whether the table has clustering
   *     columns)
   * @param command the parsed COPY TO
   * @return the estimated rows, or {@link #UNKNOWN}
   */
  public static long forExport(CqlSession session, CopyTo command) {
    try {
      if (command.selectQuery() != null
          || command.where() != null
          || command.table() == null
          || command.options().contains("BEGINTOKEN")
          || command.options().contains("ENDTOKEN")) {
        return UNKNOWN;
      }
      String keyspace =
          command.table().keyspace() != null
              ? command.table().keyspace()
              : session.getKeyspace().map(CqlIdentifier::asInternal).orElse(null);
      if (keyspace == null) {
        return UNKNOWN;
      }
      var table =
          session
              .getMetadata()
              .getKeyspace(CqlIdentifier.fromInternal(keyspace))
              .flatMap(ks -> ks.getTable(CqlIdentifier.fromInternal(command.table().table())));
      if (table.isEmpty() || !table.get().getClusteringColumns().isEmpty()) {
        return UNKNOWN;
      }
      long partitions = 0;
      for (Row row :
          session.execute(
              SimpleStatement.newInstance(
                      "SELECT partitions_count FROM system.size_estimates WHERE keyspace_name = ?"
                          + " AND table_name = ?",
                      keyspace,
                      command.table().table())
                  .setTimeout(Duration.ofSeconds(2)))) {
        partitions += row.getLong(0);
      }
      return partitions > 0 ? partitions : UNKNOWN;
    } catch (RuntimeException e) {
      return UNKNOWN;
    }
  }

  /**
   * Estimates a COPY FROM from its file or dataset, reading only footers or the first 64 KiB.
   *
   * @param command the parsed COPY FROM
   * @return the estimated rows (before SKIPROWS and MAXROWS), or {@link #UNKNOWN} (always for an
   *     object store, where it would cost requests of its own)
   */
  public static long forImport(CopyFrom command) {
    try {
      String source = command.source();
      if (Locations.isObjectStore(source)) {
        return UNKNOWN;
      }
      if (DatasetListing.isDataset(source)) {
        String filter = command.options().getString("PARTITION_FILTER", null);
        List<DatasetFile> files =
            DatasetListing.list(source, PartitionFilter.parse(filter)).files();
        long rows = 0;
        for (DatasetFile file : files) {
          long count = parquetRows(file.file().localPath());
          if (count < 0) {
            return UNKNOWN;
          }
          rows += count;
        }
        return rows;
      }
      Path file = Path.of(source);
      FileFormat format = Formats.format(command.options(), source);
      return switch (format) {
        case PARQUET -> parquetRows(file);
        case CSV, JSON ->
            StreamCompression.stripExtension(source).equals(source) ? textRows(file) : UNKNOWN;
        default -> UNKNOWN;
      };
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  /**
   * The row count of a Parquet file's footer (FileMetaData.num_rows of the Parquet format), or
   * {@link #UNKNOWN} when the file is not Parquet. Reads only the footer.
   */
  static long parquetRows(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      if (size < 12) {
        return UNKNOWN;
      }
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(tail, size - 8);
      tail.flip();
      int footerLength = tail.getInt();
      byte[] magic = new byte[4];
      tail.get(magic);
      if (!java.util.Arrays.equals(magic, PARQUET_MAGIC)
          || footerLength <= 0
          || footerLength > size - 12) {
        return UNKNOWN;
      }
      channel.position(size - 8 - footerLength);
      InputStream in = Channels.newInputStream(channel);
      return org.apache.parquet.format.Util.readFileMetaData(in).getNum_rows();
    }
  }

  /** File size over the mean line length of the first 64 KiB; a header line is not subtracted. */
  static long textRows(Path file) throws IOException {
    long size = Files.size(file);
    byte[] sample;
    try (InputStream in = Files.newInputStream(file)) {
      sample = in.readNBytes(SAMPLE_BYTES);
    }
    long lines = 0;
    for (byte b : sample) {
      if (b == '\n') {
        lines++;
      }
    }
    if (sample.length == 0) {
      return 0;
    }
    if (lines == 0) {
      return UNKNOWN;
    }
    return Math.round(size * (double) lines / sample.length);
  }
}
