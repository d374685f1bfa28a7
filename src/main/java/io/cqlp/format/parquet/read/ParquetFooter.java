package io.cqlp.format.parquet.read;

import com.datastax.oss.driver.api.core.type.DataType;
import io.cqlp.format.parquet.codec.HadoopFreeCodecFactory;
import io.cqlp.storage.Location;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.Type;

/**
 * What the footer of one Parquet file says, read with parquet-hadoop's {@link ParquetFileReader}
 * over a local file (no Hadoop file system), as {@code
 * io.cqlp.format.parquet.read.ParquetRowReader} reads it.
 *
 * @param file the file
 * @param size the file's size in bytes
 * @param createdBy the writer's {@code created_by} string, or null
 * @param columns the top-level columns, in file order
 * @param rowGroups the row groups, in file order
 * @param codecs the compression codecs of the column chunks, in order of first use
 * @param keyValues the footer's key-value metadata, in footer order
 */
public record ParquetFooter(
    Location file,
    long size,
    String createdBy,
    List<Column> columns,
    List<RowGroup> rowGroups,
    Set<String> codecs,
    Map<String, String> keyValues) {

  /**
   * One top-level column.
   *
   * @param name the name, case kept
   * @param parquetType physical and logical type in words ({@code INT64 TIMESTAMP(MICROS,true)},
   *     {@code LIST<BINARY STRING>})
   * @param repetition {@code required}, {@code optional} or {@code repeated}
   * @param cqlType the CQL type COPY FROM loads the column into without a table to say otherwise
   *     ({@link ImportTypes}), empty if cqlp cannot load it
   * @param field the Parquet field
   */
  public record Column(
      String name, String parquetType, String repetition, Optional<DataType> cqlType, Type field) {}

  /**
   * One row group.
   *
   * @param rows its row count
   * @param compressedBytes bytes of its column chunks as stored
   * @param uncompressedBytes bytes of its column chunks before compression
   */
  public record RowGroup(long rows, long compressedBytes, long uncompressedBytes) {}

  /** Rows in all row groups. */
  public long totalRows() {
    return rowGroups.stream().mapToLong(RowGroup::rows).sum();
  }

  /**
   * Reads a footer.
   *
   * @param file a Parquet file
   * @return its footer
   * @throws IOException if the file is missing, or is not a readable Parquet file (one line naming
   *     it)
   */
  public static ParquetFooter read(Location file) throws IOException {
    if (!file.isFile()) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new HadoopFreeCodecFactory())
            .build();
    InputFile input = file.inputFile();
    try (ParquetFileReader reader = ParquetFileReader.open(input, options)) {
      FileMetaData meta = reader.getFileMetaData();
      List<Column> columns = new ArrayList<>();
      for (Type field : meta.getSchema().getFields()) {
        columns.add(
            new Column(
                field.getName(),
                ImportTypes.describe(field),
                field.getRepetition().name().toLowerCase(Locale.ROOT),
                ImportTypes.of(field),
                field));
      }
      List<RowGroup> groups = new ArrayList<>();
      Set<String> codecs = new LinkedHashSet<>();
      for (BlockMetaData block : reader.getRowGroups()) {
        long uncompressed = 0;
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          uncompressed += chunk.getTotalUncompressedSize();
          codecs.add(chunk.getCodec().name());
        }
        groups.add(new RowGroup(block.getRowCount(), block.getCompressedSize(), uncompressed));
      }
      return new ParquetFooter(
          file,
          input.getLength(),
          meta.getCreatedBy(),
          List.copyOf(columns),
          List.copyOf(groups),
          codecs,
          new LinkedHashMap<>(meta.getKeyValueMetaData()));
    } catch (IOException | RuntimeException e) {
      String why =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      // parquet-java names the file by its InputFile's toString (LocalInputFile@1a2b3c): say "the
      // file".
      why = why.replace(input.toString(), "the file");
      throw new IOException("cannot read '" + file + "' as Parquet: " + why, e);
    }
  }
}
