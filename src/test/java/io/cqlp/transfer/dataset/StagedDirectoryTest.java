package io.cqlp.transfer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.rows.TransferException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedDirectoryTest {
  @TempDir Path parent;

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> tree(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void should_write_under_a_hidden_name_beside_the_target_and_publish_it_whole_with_success_last()
      throws Exception {
    Path target = parent.resolve("out");
    StagedDirectory staged = StagedDirectory.create(target, WriteMode.ERROR_IF_NOT_EMPTY);
    assertThat(staged.staging().getParent()).isEqualTo(parent);
    assertThat(staged.staging().getFileName().toString()).startsWith(".out.cqlp-tmp-");
    Files.createDirectories(staged.staging().resolve("k=1"));
    Files.writeString(staged.staging().resolve("k=1/part-00000.parquet"), "x");
    assertThat(target).doesNotExist();
    staged.publish();
    assertThat(tree(target)).containsExactly("_SUCCESS", "k=1/part-00000.parquet");
    assertThat(names(parent)).containsExactly("out");
  }

  @Test
  void should_adopt_finished_task_directories_numbering_their_parts_on() throws Exception {
    Path target = parent.resolve("out");
    StagedDirectory staged = StagedDirectory.create(target, WriteMode.ERROR_IF_NOT_EMPTY);
    for (String task : List.of("t0", "t1")) {
      Path done = Files.createDirectories(parent.resolve(task).resolve("k=1"));
      Files.writeString(done.resolve("part-00000.parquet"), task + "a");
      Files.writeString(done.resolve("part-00001.parquet"), task + "b");
      Files.writeString(parent.resolve(task).resolve("_SUCCESS"), "");
    }
    Files.writeString(
        Files.createDirectories(parent.resolve("t1/k=2")).resolve("part-00000.parquet"), "t1c");
    assertThat(staged.adopt(parent.resolve("t0"))).isEqualTo(2);
    assertThat(staged.adopt(parent.resolve("t1"))).isEqualTo(3);
    staged.publish();
    assertThat(tree(target))
        .containsExactly(
            "_SUCCESS",
            "k=1/part-00000.parquet",
            "k=1/part-00001.parquet",
            "k=1/part-00002.parquet",
            "k=1/part-00003.parquet",
            "k=2/part-00000.parquet");
    assertThat(Files.readString(target.resolve("k=1/part-00002.parquet"))).isEqualTo("t1a");
    assertThat(parent.resolve("t0/_SUCCESS")).exists();
  }

  @Test
  void should_publish_into_an_existing_empty_directory() throws Exception {
    Path target = Files.createDirectory(parent.resolve("out"));
    StagedDirectory staged = StagedDirectory.create(target, WriteMode.ERROR_IF_NOT_EMPTY);
    Files.writeString(staged.staging().resolve("part-00000.parquet"), "x");
    staged.publish();
    assertThat(tree(target)).containsExactly("_SUCCESS", "part-00000.parquet");
  }

  @Test
  void should_refuse_a_target_that_is_not_empty_or_is_a_file_unless_told_to_overwrite()
      throws Exception {
    Path target = Files.createDirectories(parent.resolve("out"));
    Files.writeString(target.resolve("old.parquet"), "old");
    assertThatThrownBy(() -> StagedDirectory.create(target, WriteMode.ERROR_IF_NOT_EMPTY))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("is not empty")
        .hasMessageContaining("OVERWRITE=true")
        .hasMessageContaining("APPEND=true");
    Path file = Files.writeString(parent.resolve("file"), "f");
    assertThatThrownBy(() -> StagedDirectory.create(file, WriteMode.APPEND))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("it is a file");
    assertThatThrownBy(
            () -> StagedDirectory.create(parent.resolve("no/such/out"), WriteMode.OVERWRITE))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("does not exist");
    assertThat(names(parent)).containsExactly("file", "out");
  }

  @Test
  void should_replace_the_whole_old_target_when_overwriting() throws Exception {
    Path target = Files.createDirectories(parent.resolve("out/k=old"));
    Files.writeString(target.resolve("part-00000.parquet"), "old");
    StagedDirectory staged = StagedDirectory.create(parent.resolve("out"), WriteMode.OVERWRITE);
    Files.writeString(staged.staging().resolve("part-00000.parquet"), "new");
    staged.publish();
    assertThat(tree(parent.resolve("out"))).containsExactly("_SUCCESS", "part-00000.parquet");
    assertThat(names(parent)).containsExactly("out");
  }

  @Test
  void should_refuse_to_overwrite_anything_that_is_not_a_parquet_dataset() throws Exception {
    Path target = Files.createDirectories(parent.resolve("out/k=1"));
    Files.writeString(target.resolve("part-00000.parquet"), "data");
    Files.writeString(parent.resolve("out/notes.txt"), "mine");
    assertThatThrownBy(() -> StagedDirectory.create(parent.resolve("out"), WriteMode.OVERWRITE))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("'notes.txt'")
        .hasMessageContaining("not part of a Parquet dataset");
    Path file = Files.writeString(parent.resolve("plain.txt"), "x");
    assertThatThrownBy(() -> StagedDirectory.create(file, WriteMode.OVERWRITE))
        .isInstanceOf(TransferException.class);
    assertThatThrownBy(
            () -> StagedDirectory.create(Path.of("").toAbsolutePath(), WriteMode.OVERWRITE))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("current directory");
    assertThat(Files.readString(parent.resolve("out/notes.txt"))).isEqualTo("mine");
  }

  @Test
  void should_number_appended_part_files_after_those_already_there_and_never_replace_one()
      throws Exception {
    Path target = Files.createDirectories(parent.resolve("out/k=1"));
    Files.writeString(target.resolve("part-00000.parquet"), "old0");
    Files.writeString(target.resolve("part-00003.parquet"), "old3");
    StagedDirectory staged = StagedDirectory.create(parent.resolve("out"), WriteMode.APPEND);
    Files.createDirectories(staged.staging().resolve("k=1"));
    Files.createDirectories(staged.staging().resolve("k=2"));
    Files.writeString(staged.staging().resolve("k=1/part-00000.parquet"), "new0");
    Files.writeString(staged.staging().resolve("k=1/part-00001.parquet"), "new1");
    Files.writeString(staged.staging().resolve("k=2/part-00000.parquet"), "new2");
    staged.publish();
    Path out = parent.resolve("out");
    assertThat(tree(out))
        .containsExactly(
            "_SUCCESS",
            "k=1/part-00000.parquet",
            "k=1/part-00003.parquet",
            "k=1/part-00004.parquet",
            "k=1/part-00005.parquet",
            "k=2/part-00000.parquet");
    assertThat(Files.readString(out.resolve("k=1/part-00000.parquet"))).isEqualTo("old0");
    assertThat(Files.readString(out.resolve("k=1/part-00004.parquet"))).isEqualTo("new0");
    assertThat(Files.readString(out.resolve("k=1/part-00005.parquet"))).isEqualTo("new1");
    assertThat(names(parent)).containsExactly("out");
  }

  @Test
  void should_leave_nothing_behind_when_discarded() throws Exception {
    StagedDirectory staged =
        StagedDirectory.create(parent.resolve("out"), WriteMode.ERROR_IF_NOT_EMPTY);
    Files.createDirectories(staged.staging().resolve("a=1/b=2"));
    Files.writeString(staged.staging().resolve("a=1/b=2/part-00000.parquet"), "x");
    staged.discard();
    staged.discard();
    assertThat(staged.isDiscarded()).isTrue();
    assertThat(names(parent)).isEmpty();
    assertThatThrownBy(staged::publish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void should_leave_the_target_as_it_was_when_it_filled_up_meanwhile() throws Exception {
    Path target = parent.resolve("out");
    StagedDirectory staged = StagedDirectory.create(target, WriteMode.ERROR_IF_NOT_EMPTY);
    Files.writeString(staged.staging().resolve("part-00000.parquet"), "new");
    Files.createDirectories(target);
    Files.writeString(target.resolve("other"), "someone else's");
    assertThatThrownBy(staged::publish).isInstanceOf(java.io.IOException.class);
    assertThat(tree(target)).containsExactly("other");
    assertThat(names(parent)).containsExactly("out");
  }
}
