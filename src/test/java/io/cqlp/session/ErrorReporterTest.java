package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {

  @Test
  void should_prefix_script_errors_with_source_and_line_and_fold_to_one_line() {
    StringWriter text = new StringWriter();
    ErrorReporter errors = new ErrorReporter(new PrintWriter(text), false);
    errors.report("load.cql", 12, "first\n  second");
    errors.report(null, 0, new IllegalStateException("at the prompt"));
    assertThat(text.toString().lines())
        .containsExactly("load.cql:12:first second", "at the prompt");
    assertThat(errors.count()).isEqualTo(2);
  }

  @Test
  void should_print_a_stack_trace_only_in_debug_mode() {
    StringWriter quiet = new StringWriter();
    new ErrorReporter(new PrintWriter(quiet), false).report(null, 0, new RuntimeException("boom"));
    StringWriter debug = new StringWriter();
    new ErrorReporter(new PrintWriter(debug), true).report(null, 0, new RuntimeException("boom"));
    assertThat(quiet.toString()).isEqualTo("boom" + System.lineSeparator());
    assertThat(debug.toString()).contains("boom", "\tat ");
  }

  @Test
  void should_mask_passwords_in_the_debug_stack_trace_too() {
    StringWriter debug = new StringWriter();
    RuntimeException cause =
        new RuntimeException("line 1:40 no viable alternative at input PASSWORD = 'hunter22'");
    new ErrorReporter(new PrintWriter(debug), true)
        .report(null, 0, new IllegalStateException("refused", cause));
    assertThat(debug.toString())
        .contains("Caused by: ", "\tat ", "PASSWORD = '*****'")
        .doesNotContain("hunter22");
  }

  @Test
  void should_print_errors_in_red_only_when_colours_are_on() {
    StringWriter text = new StringWriter();
    ErrorReporter errors = new ErrorReporter(new PrintWriter(text), false);
    errors.report(null, 0, "plain");
    errors.colors(true).report("s.cql", 3, "red");
    assertThat(text.toString().lines()).containsExactly("plain", "\033[0;1;31ms.cql:3:red\033[0m");
  }
}
