package io.cqlp.transfer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.Options;
import io.cqlp.format.Formats;
import io.cqlp.rows.RowSink;
import io.cqlp.rows.RowSource;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.transfer.plan.ScanRange;
import io.cqlp.transfer.scan.ScanPage;
import io.cqlp.types.ColumnSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableExportTest {
  private static final TableSchema SCHEMA =
      new TableSchema(
          "ks",
          "t",
          List.of(
              new ColumnSpec("id", DataTypes.INT, io.cqlp.types.ColumnKind.PARTITION_KEY),
              ColumnSpec.regular("v", DataTypes.TEXT)),
          List.of("id"));
  private static final Options OPTIONS = Options.builder().add("COMPRESSION", "ZSTD").build();
  private static final List<ScanRange> ONE_RANGE = List.of(ScanRange.all());

  @TempDir Path dir;

  private RowSink open(ResumableExport export) throws Exception {
    return Formats.sinks().open(Location.local(export.partFile()), SCHEMA, OPTIONS);
  }

  private ResumableExport start(Path target, boolean resume) throws Exception {
    return ResumableExport.start(
        target, SCHEMA, null, OPTIONS, Optional.empty(), ONE_RANGE, resume);
  }

  @Test
  void should_keep_the_rows_and_the_paging_state_and_resume_from_them() throws Exception {
    Path target = dir.resolve("t.parquet");
    ResumableExport first = start(target, false);
    assertThat(first.partFile().getParent()).isEqualTo(dir.resolve("t.parquet.cqlp-checkpoint"));
    RowSink sink = open(first);
    sink.write(new Object[] {1, "one"});
    sink.write(new Object[] {2, "two"});
    first.written(new ScanPage(0, List.of(), ByteBuffer.wrap(new byte[] {7, 8, 9}), false));
    String said = first.keep(sink);

    assertThat(said).contains("2 rows (0 of 1 token ranges finished) are kept in", "RESUME=true");
    assertThat(target).doesNotExist();
    String json =
        Files.readString(
            dir.resolve("t.parquet.cqlp-checkpoint/checkpoint.json"), StandardCharsets.UTF_8);
    assertThat(json)
        .contains(
            "\"status\" : \"started\"", "\"resume\" : \"BwgJ\"", "\"COMPRESSION\" : \"ZSTD\"");

    ResumableExport second = start(target, true);
    assertThat(second.ranges()).containsExactly(ScanRange.all());
    assertThat(second.startState(0)).isEqualTo(ByteBuffer.wrap(new byte[] {7, 8, 9}));
    assertThat(second.partFile().getFileName().toString()).isEqualTo("part-00001-t.parquet");
    RowSink rest = open(second);
    second.copyEarlierRows(rest, Formats.sources());
    rest.write(new Object[] {3, "three"});
    second.written(new ScanPage(0, List.of(), null, true));
    rest.commit();
    second.publish();

    assertThat(dir.resolve("t.parquet.cqlp-checkpoint")).doesNotExist();
    List<Object> ids = new ArrayList<>();
    try (RowSource rows =
        Formats.sources().open(Location.local(target), SCHEMA, true, Options.empty())) {
      Object[] row;
      while ((row = rows.next()) != null) {
        ids.add(row[0]);
      }
    }
    assertThat(ids).containsExactly(1, 2, 3);
  }

  @Test
  void should_refuse_a_new_export_while_a_checkpoint_waits() throws Exception {
    Path target = dir.resolve("t.parquet");
    ResumableExport first = start(target, false);
    first.keep(open(first));
    assertThatThrownBy(() -> start(target, false))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("RESUME=true");
  }

  @Test
  void should_refuse_to_resume_with_other_options_or_without_a_checkpoint() throws Exception {
    Path target = dir.resolve("t.parquet");
    assertThatThrownBy(() -> start(target, true))
        .isInstanceOf(TransferException.class)
        .hasMessageStartingWith("Nothing to resume");
    ResumableExport first = start(target, false);
    first.keep(open(first));
    assertThatThrownBy(
            () ->
                ResumableExport.start(
                    target, SCHEMA, null, Options.empty(), Optional.empty(), ONE_RANGE, true))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("options {COMPRESSION=ZSTD}");
  }

  @Test
  void should_remove_everything_it_created_when_discarded() throws Exception {
    Path target = dir.resolve("t.parquet");
    ResumableExport export = start(target, false);
    RowSink sink = open(export);
    sink.write(new Object[] {1, "one"});
    sink.abort();
    export.discard();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void should_not_create_a_missing_directory() {
    Path target = dir.resolve("missing/t.parquet");
    assertThatThrownBy(() -> start(target, false)).hasMessageContaining("does not exist");
    assertThat(dir.resolve("missing")).doesNotExist();
  }
}
