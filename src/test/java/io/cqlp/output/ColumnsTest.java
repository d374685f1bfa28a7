package io.cqlp.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Test
  void should_put_names_on_one_line_two_spaces_apart_when_they_fit() {
    assertThat(Columns.layout(List.of("system", "ks", "system_auth"), 80))
        .containsExactly("system  ks  system_auth");
  }

  @Test
  void should_fill_columns_downwards_with_the_fewest_rows_that_fit() {
    List<String> names = IntStream.range(0, 5).mapToObj(i -> "name_" + i).toList();
    assertThat(Columns.layout(names, 22))
        .containsExactly("name_0  name_2  name_4", "name_1  name_3");
  }

  @Test
  void should_use_more_rows_when_a_line_would_be_too_wide() {
    List<String> names = IntStream.range(0, 5).mapToObj(i -> "name_" + i).toList();
    assertThat(Columns.layout(names, 21))
        .containsExactly("name_0  name_3", "name_1  name_4", "name_2");
  }

  @Test
  void should_pad_every_cell_to_its_column_width_as_python_does() {
    assertThat(Columns.layout(List.of("a", "bbbb", "cc", "d"), 10))
        .containsExactly("a     cc", "bbbb  d ");
  }

  @Test
  void should_put_one_name_a_line_when_nothing_else_fits() {
    assertThat(Columns.layout(List.of("a_long_name", "another_long_name"), 10))
        .containsExactly("a_long_name", "another_long_name");
  }

  @Test
  void should_print_one_name_alone_and_mark_an_empty_list() {
    assertThat(Columns.layout(List.of("only"), 80)).containsExactly("only");
    assertThat(Columns.layout(List.of(), 80)).containsExactly("<empty>");
  }
}
