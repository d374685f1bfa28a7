package io.cqlp.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretFilteringHistoryTest {

  @Test
  void should_keep_lines_that_hold_no_password() {
    assertThat(SecretFilteringHistory.mayHoldSecret("SELECT * FROM users;")).isFalse();
    assertThat(SecretFilteringHistory.mayHoldSecret("COPY t TO 'passwords_are_not_here.parquet';"))
        .isFalse();
  }

  @Test
  void should_drop_logins_and_statements_naming_a_password() {
    assertThat(SecretFilteringHistory.mayHoldSecret("LOGIN alice 's3cret'")).isTrue();
    assertThat(SecretFilteringHistory.mayHoldSecret("  login bob")).isTrue();
    assertThat(
            SecretFilteringHistory.mayHoldSecret(
                "CREATE ROLE r WITH PASSWORD = 'x' AND LOGIN = true;"))
        .isTrue();
    assertThat(SecretFilteringHistory.mayHoldSecret("ALTER USER u WITH\npassword 'y';")).isTrue();
    assertThat(
            SecretFilteringHistory.mayHoldSecret(
                "CREATE ROLE r WITH HASHED PASSWORD = '$2a$10$abc';"))
        .isTrue();
  }

  @Test
  void should_not_record_a_secret_line() {
    SecretFilteringHistory history = new SecretFilteringHistory();
    history.add(java.time.Instant.now(), "USE ks;");
    history.add(java.time.Instant.now(), "LOGIN alice 'pw'");
    assertThat(history.size()).isEqualTo(1);
    assertThat(history.get(0)).isEqualTo("USE ks;");
  }
}
