package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.format.parquet.read.ParquetRowReader;
import io.cqlp.format.parquet.write.ParquetRowWriter;
import io.cqlp.format.parquet.write.ParquetWriteOptions;
import io.cqlp.rows.PartFileSpec;
import io.cqlp.rows.PartWriterFactory;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedSinkTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(
          ColumnSpec.regular("id", DataTypes.INT),
          ColumnSpec.regular("p", DataTypes.TEXT),
          ColumnSpec.regular("payload", DataTypes.TEXT));

  @TempDir Path parent;
  private final List<PartFileSpec> opened = new ArrayList<>();

  private final PartWriterFactory parquet =
      spec -> {
        opened.add(spec);
        return ParquetRowWriter.open(
            spec.file(),
            spec.columns(),
            ParquetWriteOptions.defaults().withMaxRowGroupBytes(spec.maxRowGroupBytes()),
            Map.of(),
            spec.maxFileBytes());
      };

  private PartitionedSink open(String partition, long maxFileBytes, int maxOpen, WriteMode mode)
      throws IOException {
    return PartitionedSink.open(
        Location.local(parent.resolve("out")),
        PartitionSpec.parse(partition, COLUMNS),
        new DatasetWriteOptions(partition, maxFileBytes, maxOpen, mode),
        parquet);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<Object[]> read(Path file) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (ParquetRowReader r =
        ParquetRowReader.open(file, List.of(COLUMNS.get(0), COLUMNS.get(2)), true)) {
      for (Object[] row; (row = r.next()) != null; ) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static String payload(Random random, int bytes) {
    byte[] b = new byte[bytes / 2];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Test
  void should_roll_each_partition_into_part_files_that_end_near_the_size_limit() throws Exception {
    long limit = 64 * 1024;
    Random random = new Random(1);
    try (PartitionedSink sink = open("p", limit, 8, WriteMode.ERROR_IF_NOT_EMPTY)) {
      for (int i = 0; i < 600; i++) {
        sink.write(new Object[] {i, i % 2 == 0 ? "even" : "odd", payload(random, 1000)});
      }
      sink.commit();
      assertThat(sink.filesWritten()).isGreaterThanOrEqualTo(8);
      assertThat(sink.bytesWritten()).isGreaterThan(500_000);
    }
    Set<Integer> ids = new HashSet<>();
    for (String p : List.of("even", "odd")) {
      List<Path> parts = files(parent.resolve("out/p=" + p));
      assertThat(parts.size()).isGreaterThanOrEqualTo(4);
      for (int i = 0; i < parts.size(); i++) {
        assertThat(parts.get(i).getFileName().toString())
            .isEqualTo(String.format("part-%05d.parquet", i));
        long size = Files.size(parts.get(i));
        assertThat(size).as(parts.get(i).toString()).isLessThanOrEqualTo(limit + 4096);
        if (i < parts.size() - 1) {
          assertThat(size).as(parts.get(i).toString()).isGreaterThan(limit * 8 / 10);
        }
        read(parts.get(i)).forEach(row -> assertThat(ids.add((Integer) row[0])).isTrue());
      }
    }
    assertThat(ids).hasSize(600);
  }

  @Test
  void should_give_a_partition_that_comes_back_after_its_writer_was_closed_a_new_part_file()
      throws Exception {
    try (PartitionedSink sink = open("p", 0, 2, WriteMode.ERROR_IF_NOT_EMPTY)) {
      for (int i = 0; i < 30; i++) {
        sink.write(new Object[] {i, "p" + (i % 3), "v" + i});
        assertThat(sink.openDirectories().size()).isLessThanOrEqualTo(2);
      }
      sink.commit();
      assertThat(sink.partitionCount()).isEqualTo(3);
      assertThat(sink.filesWritten()).isEqualTo(30);
    }
    Set<Integer> ids = new HashSet<>();
    for (int p = 0; p < 3; p++) {
      List<Path> parts = files(parent.resolve("out/p=p" + p));
      assertThat(parts).hasSize(10);
      for (Path part : parts) {
        List<Object[]> rows = read(part);
        assertThat(rows).hasSize(1);
        assertThat((Integer) rows.get(0)[0] % 3).isEqualTo(p);
        ids.add((Integer) rows.get(0)[0]);
      }
    }
    assertThat(ids).hasSize(30);
  }

  @Test
  void should_cap_the_bytes_each_writer_buffers_by_the_number_of_open_writers() throws Exception {
    try (PartitionedSink sink = open("p", 0, 64, WriteMode.ERROR_IF_NOT_EMPTY)) {
      sink.write(new Object[] {1, "a", "x"});
      sink.commit();
    }
    try (PartitionedSink sink =
        PartitionedSink.open(
            Location.local(parent.resolve("flat")),
            PartitionSpec.parse(null, COLUMNS),
            new DatasetWriteOptions(null, 0, 64, WriteMode.ERROR_IF_NOT_EMPTY),
            parquet)) {
      sink.write(new Object[] {1, "a", "x"});
      sink.commit();
    }
    assertThat(opened)
        .extracting(PartFileSpec::maxRowGroupBytes)
        .containsExactly(4L << 20, 128L << 20);
    assertThat(opened.get(0).columns())
        .extracting(ColumnSpec::name)
        .containsExactly("id", "payload");
    assertThat(opened.get(0).pathColumns()).extracting(ColumnSpec::name).containsExactly("p");
  }

  @Test
  void should_show_nothing_at_the_target_until_commit_and_then_the_whole_dataset()
      throws Exception {
    PartitionedSink sink = open("p", 0, 4, WriteMode.ERROR_IF_NOT_EMPTY);
    sink.write(new Object[] {1, "a/b", "x"});
    sink.write(new Object[] {2, null, "y"});
    assertThat(parent.resolve("out")).doesNotExist();
    sink.commit();
    assertThat(files(parent.resolve("out")))
        .extracting(p -> parent.resolve("out").relativize(p).toString())
        .containsExactly(
            "_SUCCESS",
            "p=__HIVE_DEFAULT_PARTITION__/part-00000.parquet",
            "p=a%2Fb/part-00000.parquet");
    try (Stream<Path> s = Files.list(parent)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }

  @Test
  void should_leave_nothing_when_aborted_or_closed_without_commit() throws Exception {
    try (PartitionedSink sink = open("p", 0, 2, WriteMode.ERROR_IF_NOT_EMPTY)) {
      for (int i = 0; i < 20; i++) {
        sink.write(new Object[] {i, "p" + (i % 5), "v"});
      }
    }
    try (Stream<Path> s = Files.list(parent)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void should_leave_nothing_when_a_part_file_cannot_be_opened() throws Exception {
    PartWriterFactory failing =
        spec -> {
          if (spec.file().toString().contains("p=c")) {
            throw new IOException("disk full");
          }
          return parquet.open(spec);
        };
    PartitionedSink sink =
        PartitionedSink.open(
            Location.local(parent.resolve("out")),
            PartitionSpec.parse("p", COLUMNS),
            new DatasetWriteOptions("p", 0, 1, WriteMode.ERROR_IF_NOT_EMPTY),
            failing);
    sink.write(new Object[] {1, "a", "x"});
    sink.write(new Object[] {2, "b", "x"});
    assertThatThrownBy(() -> sink.write(new Object[] {3, "c", "x"}))
        .hasMessageContaining("disk full");
    sink.close();
    try (Stream<Path> s = Files.list(parent)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void should_refuse_a_directory_that_is_not_empty_before_writing_anything() throws Exception {
    Files.createDirectories(parent.resolve("out"));
    Files.writeString(parent.resolve("out/x"), "x");
    assertThatThrownBy(() -> open("p", 0, 2, WriteMode.ERROR_IF_NOT_EMPTY))
        .isInstanceOf(TransferException.class);
    try (Stream<Path> s = Files.list(parent)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }
}
