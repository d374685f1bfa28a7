package io.cqlp.transfer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.transfer.checkpoint.ExportCheckpoint.RangeState;
import io.cqlp.transfer.checkpoint.ExportCheckpoint.Status;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportCheckpointTest {

  private static final ExportCheckpoint CHECKPOINT =
      new ExportCheckpoint(
          "ks",
          "t",
          List.of("id", "v"),
          "v > 1",
          Map.of("COMPRESSION", "ZSTD"),
          "part-00001-t.parquet",
          4321,
          List.of(
              new RangeState(null, "-5", Status.DONE, null),
              new RangeState("-5", "7", Status.STARTED, "AAEC"),
              new RangeState("7", null, Status.TODO, null)));

  @Test
  void should_read_back_what_it_writes() throws IOException {
    String json = CHECKPOINT.toJson();
    assertThat(json)
        .contains("\"status\" : \"started\"", "\"resume\" : \"AAEC\"", "\"rows\" : 4321");
    assertThat(ExportCheckpoint.fromJson(json)).isEqualTo(CHECKPOINT);
  }

  @Test
  void should_count_ranges_by_status() {
    assertThat(CHECKPOINT.count(Status.DONE)).isEqualTo(1);
    assertThat(CHECKPOINT.count(Status.TODO)).isEqualTo(1);
  }

  @Test
  void should_refuse_text_that_is_not_a_checkpoint() {
    assertThatThrownBy(() -> ExportCheckpoint.fromJson("[1, 2]"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a cqlp checkpoint");
    assertThatThrownBy(() -> ExportCheckpoint.fromJson("{\"version\": 9}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 1");
    assertThatThrownBy(
            () ->
                ExportCheckpoint.fromJson("{\"version\": 1, \"ranges\": [{\"status\": \"odd\"}]}"))
        .isInstanceOf(IOException.class);
  }
}
