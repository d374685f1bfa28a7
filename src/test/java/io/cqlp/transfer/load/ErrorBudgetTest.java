package io.cqlp.transfer.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

  @Test
  void should_not_be_exceeded_while_counts_are_at_most_their_maximums() {
    ErrorBudget budget = new ErrorBudget(2, 3);
    budget.addParseErrors(2);
    budget.addInsertErrors(3);
    assertThat(budget.exceeded()).isFalse();
    assertThat(budget.exceededMessage()).isNull();
  }

  @Test
  void should_be_exceeded_when_parse_errors_go_past_the_maximum() {
    ErrorBudget budget = new ErrorBudget(2, 3);
    budget.addParseErrors(3);
    assertThat(budget.exceededMessage()).isEqualTo("Exceeded maximum number of parse errors 2");
  }

  @Test
  void should_be_exceeded_by_a_whole_failed_batch_of_insert_errors() {
    ErrorBudget budget = new ErrorBudget(-1, 10);
    budget.addInsertErrors(5);
    assertThat(budget.exceeded()).isFalse();
    budget.addInsertErrors(20);
    assertThat(budget.insertErrors()).isEqualTo(25);
    assertThat(budget.exceededMessage()).isEqualTo("Exceeded maximum number of insert errors 10");
  }

  @Test
  void should_stop_at_the_first_error_when_the_maximum_is_zero() {
    ErrorBudget budget = new ErrorBudget(0, 0);
    assertThat(budget.exceeded()).isFalse();
    budget.addParseErrors(1);
    assertThat(budget.exceededMessage()).isEqualTo("Exceeded maximum number of parse errors 0");
  }

  @Test
  void should_never_be_exceeded_with_negative_maximums() {
    ErrorBudget budget = new ErrorBudget(-1, -1);
    budget.addParseErrors(1_000_000);
    budget.addInsertErrors(1_000_000);
    assertThat(budget.exceeded()).isFalse();
  }

  @Test
  void should_report_insert_errors_first_when_both_are_exceeded() {
    ErrorBudget budget = new ErrorBudget(0, 0);
    budget.addParseErrors(1);
    budget.addInsertErrors(1);
    assertThat(budget.exceededMessage()).isEqualTo("Exceeded maximum number of insert errors 0");
  }

  @Test
  void should_default_to_cqlsh_maximums() {
    assertThat(ErrorBudget.DEFAULT_MAX_PARSE_ERRORS).isEqualTo(-1);
    assertThat(ErrorBudget.DEFAULT_MAX_INSERT_ERRORS).isEqualTo(1000);
  }
}
