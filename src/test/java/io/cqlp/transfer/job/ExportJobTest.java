package io.cqlp.transfer.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.command.CommandParser;
import io.cqlp.command.CopyTo;
import io.cqlp.transfer.plan.ScanRange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parts of a distributed export that need no cluster: splitting and travelling. */
class ExportJobTest {

  private static List<ScanRange> ranges(int n) {
    return IntStream.range(0, n).mapToObj(i -> ScanRange.all()).toList();
  }

  @Test
  void ranges_split_into_contiguous_groups_of_nearly_equal_counts() {
    List<ScanRange> ranges = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ranges.add(ScanRange.all());
    }
    List<List<ScanRange>> groups = ExportJob.split(ranges, 4);
    assertThat(groups).extracting(List::size).containsExactly(2, 3, 2, 3);
    assertThat(ExportJob.split(ranges(3), 8)).hasSize(3).allMatch(g -> g.size() == 1);
    assertThat(ExportJob.split(ranges(1), 1)).hasSize(1);
  }

  @Test
  void a_statement_travels_and_comes_back_equal() throws Exception {
    CopyTo copy =
        (CopyTo)
            CommandParser.parse(
                "COPY ks.t (a, \"B c\") TO '/data/t/' WITH PARTITION='a' AND MAX_FILE_SIZE='64MB'"
                    + " WHERE a > 3");
    CopyToSpec spec = roundTrip(CopyToSpec.of(copy));
    assertThat(spec.command()).isEqualTo(copy);
    CopyTo query = (CopyTo) CommandParser.parse("COPY (SELECT a FROM ks.t) TO 'q.csv'");
    assertThat(roundTrip(CopyToSpec.of(query)).command()).isEqualTo(query);
  }

  @Test
  void a_task_writes_parts_without_the_targets_write_mode() {
    CopyTo copy =
        (CopyTo)
            CommandParser.parse(
                "COPY ks.t TO '/data/t/' WITH PARTITION='a' AND APPEND=true AND"
                    + " COMPRESSION='zstd'");
    ExportTask dataset =
        new ExportTask(0, CopyToSpec.of(copy), List.of(), "/tmp/job", false, "ONE");
    assertThat(dataset.partOptions().asMap())
        .containsEntry("PARTITION", "a")
        .containsEntry("COMPRESSION", "zstd")
        .doesNotContainKey("APPEND");
    ExportTask file = new ExportTask(0, CopyToSpec.of(copy), List.of(), "/tmp/job", true, "ONE");
    assertThat(file.partOptions().asMap())
        .containsExactlyEntriesOf(java.util.Map.of("FORMAT", "parquet"));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
