package io.cqlp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IniFileTest {

  @Test
  void should_read_sections_and_options_with_both_delimiters_and_lower_cased_names() {
    IniFile ini = IniFile.parse("[connection]\nHostName = db1\nport: 9142\n[ui]\ncolor=on\n", "rc");

    assertThat(ini.get("connection", "hostname")).contains("db1");
    assertThat(ini.get("connection", "PORT")).contains("9142");
    assertThat(ini.get("ui", "color")).contains("on");
    assertThat(ini.sectionNames()).containsExactly("connection", "ui");
  }

  @Test
  void should_skip_comment_lines_but_keep_inline_semicolons_and_hashes_in_values() {
    IniFile ini =
        IniFile.parse(
            "; a comment\n# another\n[authentication]\n  ; indented comment\n"
                + "password = p;w#d ; not a comment\n",
            "rc");

    assertThat(ini.get("authentication", "password")).contains("p;w#d ; not a comment");
  }

  @Test
  void should_join_indented_continuation_lines_with_newlines() {
    IniFile ini = IniFile.parse("[copy]\nnull = a\n   b\n\n   c\nheader = true\n", "rc");

    assertThat(ini.get("copy", "null")).contains("a\nb\n\nc");
    assertThat(ini.get("copy", "header")).contains("true");
  }

  @Test
  void should_drop_trailing_empty_lines_of_a_value() {
    IniFile ini = IniFile.parse("[copy]\nheader = true\n\n\n[ui]\n", "rc");

    assertThat(ini.get("copy", "header")).contains("true");
  }

  @Test
  void should_not_interpolate_percent_signs() {
    IniFile ini =
        IniFile.parse("[authentication]\nuser = fred\npassword = %(user)s%%!!bang!!$\n", "rc");

    assertThat(ini.get("authentication", "password")).contains("%(user)s%%!!bang!!$");
  }

  @Test
  void should_keep_the_section_name_case_and_read_dotted_copy_sections() {
    IniFile ini = IniFile.parse("[copy-to:KS.Table]\nPAGESIZE = 10\n", "rc");

    assertThat(ini.hasSection("copy-to:KS.Table")).isTrue();
    assertThat(ini.hasSection("copy-to:ks.table")).isFalse();
    assertThat(ini.section("copy-to:KS.Table")).containsEntry("pagesize", "10");
  }

  @Test
  void should_give_default_section_values_to_every_section_that_lacks_them() {
    IniFile ini =
        IniFile.parse("[DEFAULT]\nheader = true\n[copy]\nheader = false\n[copy-to]\nx = 1\n", "rc");

    assertThat(ini.get("copy", "header")).contains("false");
    assertThat(ini.get("copy-to", "header")).contains("true");
    assertThat(ini.get("missing", "header")).isEmpty();
    assertThat(ini.sectionNames()).containsExactly("copy", "copy-to");
  }

  @Test
  void should_read_an_empty_value() {
    IniFile ini = IniFile.parse("[ui]\nbrowser =\n", "rc");

    assertThat(ini.get("ui", "browser")).contains("");
  }

  @Test
  void should_reject_an_option_before_any_section_naming_file_and_line() {
    assertThatThrownBy(() -> IniFile.parse("\nport = 1\n", "/home/u/.cassandra/cqlshrc"))
        .isInstanceOf(IniException.class)
        .hasMessage("/home/u/.cassandra/cqlshrc:2: an option before any [section] header");
  }

  @Test
  void should_reject_a_duplicate_option_and_a_duplicate_section() {
    assertThatThrownBy(() -> IniFile.parse("[connection]\nport = 1\nPort = 2\n", "rc"))
        .hasMessage("rc:3: option 'port' appears twice in section [connection]");
    assertThatThrownBy(() -> IniFile.parse("[ui]\n[copy]\n[ui]\n", "rc"))
        .hasMessage("rc:3: section [ui] appears twice");
  }

  @Test
  void should_reject_a_line_without_a_delimiter() {
    assertThatThrownBy(() -> IniFile.parse("[ui]\njust words\n", "rc"))
        .hasMessageStartingWith("rc:2: not a 'name = value' line");
  }

  @Test
  void should_skip_a_byte_order_mark_and_accept_crlf_line_ends() {
    IniFile ini = IniFile.parse("\uFEFF[connection]\r\nport = 9042\r\n", "rc");

    assertThat(ini.get("connection", "port")).contains("9042");
  }
}
