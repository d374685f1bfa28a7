package io.cqlp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.command.CommandException;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.CopyTo;
import io.cqlp.command.Options;
import io.cqlp.command.TableRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyDefaultsTest {
  private static final String RC =
      String.join(
          "\n",
          "[copy]",
          "maxrequests = 1",
          "chunksize = 100",
          "maxrows = 10",
          "numprocesses = 4",
          "maxpendingchunks = 24",
          "[copy-from]",
          "maxrequests = 2",
          "maxrows = 20",
          "[copy-to]",
          "pagesize = 33",
          "[copy:ks.t]",
          "maxrequests = 3",
          "maxrows = 30",
          "[copy-from:ks.t]",
          "maxrows = 40",
          "");

  private final List<String> notes = new ArrayList<>();
  private final CopyDefaults defaults = CopyDefaults.of(IniFile.parse(RC, "/rc"), notes::add);

  private static CopyFrom from(String keyspace, String table, Options options) {
    return new CopyFrom(new TableRef(keyspace, table), List.of(), "f.parquet", false, options);
  }

  @Test
  void should_let_per_table_direction_sections_beat_per_table_beat_direction_beat_copy() {
    CopyFrom merged = defaults.apply(from("ks", "t", Options.empty()), null);

    assertThat(merged.options().asMap())
        .containsEntry("MAXROWS", "40")
        .containsEntry("MAXREQUESTS", "3")
        .containsEntry("CHUNKSIZE", "100");
  }

  @Test
  void should_let_the_command_options_beat_every_section() {
    CopyFrom merged =
        defaults.apply(from("ks", "t", Options.builder().add("maxrows", "5").build()), null);

    assertThat(merged.options().getString("MAXROWS", null)).isEqualTo("5");
    assertThat(merged.options().names()).first().isEqualTo("MAXROWS");
  }

  @Test
  void should_use_the_current_keyspace_when_the_command_names_none() {
    assertThat(
            defaults
                .apply(from(null, "t", Options.empty()), "ks")
                .options()
                .getString("MAXROWS", null))
        .isEqualTo("40");
    assertThat(
            defaults
                .apply(from(null, "t", Options.empty()), "other")
                .options()
                .getString("MAXROWS", null))
        .isEqualTo("20");
  }

  @Test
  void should_read_copy_to_sections_for_an_export_and_leave_out_options_it_does_not_know() {
    CopyTo copy =
        new CopyTo(
            new TableRef("ks", "t"), List.of(), "out.parquet", false, Options.empty(), null, null);

    CopyTo merged = defaults.apply(copy, null);

    assertThat(merged.options().asMap())
        .containsEntry("PAGESIZE", "33")
        .containsEntry("MAXREQUESTS", "3")
        .containsEntry("NUMPROCESSES", "4")
        .doesNotContainKeys("MAXROWS", "MAXPENDINGCHUNKS", "CHUNKSIZE");
    assertThat(notes)
        .contains("Ignoring option maxpendingchunks of /rc: cqlp's COPY has no such option.")
        .noneMatch(n -> n.startsWith("Ignoring option chunksize"));
    assertThat(notes)
        .anyMatch(n -> n.startsWith("Reading options from /rc:[copy:ks.t]: {maxrequests=3"));
  }

  @Test
  void
      should_keep_a_file_chunksize_for_copy_from_and_leave_it_out_of_copy_to_where_typed_it_sizes_row_groups() {
    CopyDefaults rc =
        CopyDefaults.of(
            IniFile.parse("[copy-to]\nchunksize = 5000\n[copy-from]\nchunksize = 5000\n", "/rc"),
            notes::add);
    CopyTo export =
        new CopyTo(
            new TableRef("ks", "t"), List.of(), "out.parquet", false, Options.empty(), null, null);
    CopyTo typed =
        new CopyTo(
            new TableRef("ks", "t"),
            List.of(),
            "out.parquet",
            false,
            Options.builder().add("CHUNKSIZE", "50K").build(),
            null,
            null);

    assertThat(
            rc.apply(from("ks", "t", Options.empty()), null).options().getString("CHUNKSIZE", null))
        .isEqualTo("5000");
    assertThat(rc.apply(export, null).options().contains("CHUNKSIZE")).isFalse();
    assertThat(rc.apply(typed, null).options().getString("CHUNKSIZE", null)).isEqualTo("50K");
  }

  @Test
  void should_read_only_the_general_sections_for_a_select_export() {
    CopyTo copy =
        new CopyTo(
            null, List.of(), "out.parquet", false, Options.empty(), null, "SELECT * FROM ks.t");

    assertThat(defaults.apply(copy, "ks").options().getString("MAXREQUESTS", null)).isEqualTo("1");
  }

  @Test
  void should_leave_a_command_alone_when_there_is_no_file() {
    CopyFrom copy = from("ks", "t", Options.builder().add("MAXROWS", "1").build());

    assertThat(CopyDefaults.NONE.apply(copy, null)).isSameAs(copy);
  }

  @Test
  void should_read_the_sections_of_a_configfile_option_instead_and_drop_the_option(
      @TempDir Path dir) throws Exception {
    Path other = Files.writeString(dir.resolve("other.rc"), "[copy]\nmaxrows = 7\n");

    CopyFrom merged =
        defaults.apply(
            from("ks", "t", Options.builder().add("CONFIGFILE", other.toString()).build()), null);

    assertThat(merged.options().asMap()).containsExactly(java.util.Map.entry("MAXROWS", "7"));
  }

  @Test
  void should_refuse_a_configfile_that_cannot_be_read(@TempDir Path dir) {
    CopyFrom copy =
        from(
            "ks", "t", Options.builder().add("CONFIGFILE", dir.resolve("nope").toString()).build());

    assertThatThrownBy(() -> defaults.apply(copy, null))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("Could not read CONFIGFILE '" + dir.resolve("nope") + "'");
  }
}
