package io.cqlp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {

  @Test
  void should_mask_the_string_after_password_in_any_case_with_or_without_equals() {
    assertThat(
            SecretRedaction.redact(
                "line 1:40 mismatched input (...WITH PASSWORD = 'It''s-s3cret' AND [LOGI]...)"))
        .isEqualTo("line 1:40 mismatched input (...WITH PASSWORD = '*****' AND [LOGI]...)");
    assertThat(SecretRedaction.redact("CREATE USER u WITH password 'abc' SUPERUSER"))
        .isEqualTo("CREATE USER u WITH password '*****' SUPERUSER");
    assertThat(SecretRedaction.redact("ALTER ROLE r WITH HASHED PASSWORD = '$2a$10$x'"))
        .isEqualTo("ALTER ROLE r WITH HASHED PASSWORD = '*****'");
  }

  @Test
  void should_mask_a_password_cut_off_by_the_end_of_the_message() {
    assertThat(SecretRedaction.redact("input 'PASSWORD = 'abc"))
        .isEqualTo("input 'PASSWORD = '*****'");
  }

  @Test
  void should_mask_the_password_of_login() {
    assertThat(SecretRedaction.redact("Failed: LOGIN alice 'pw1' was refused"))
        .isEqualTo("Failed: LOGIN alice '*****' was refused");
  }

  @Test
  void should_leave_other_messages_alone() {
    String message =
        "InvalidRequest: Error from server: code=2200 [Invalid query] message=\"Table 'ks.nope'"
            + " does not exist\"";

    assertThat(SecretRedaction.redact(message)).isEqualTo(message);
    assertThat(SecretRedaction.redact(null)).isNull();
  }

  @Test
  void should_mask_the_strings_of_a_syntax_error_excerpt_that_names_a_role_option() {
    assertThat(
            SecretRedaction.redact(
                "SyntaxException: line 1:81 mismatched input 'maybe' expecting BOOLEAN (...="
                    + " 'x1y2z3' AND LOGIN = [maybe])"))
        .isEqualTo(
            "SyntaxException: line 1:81 mismatched input 'maybe' expecting BOOLEAN (...= '*****'"
                + " AND LOGIN = [maybe])");
  }

  @Test
  void should_mask_a_remembered_password_anywhere_but_not_a_very_short_one() {
    SecretRedaction.remember("Rem3mbered-pw");
    SecretRedaction.remember("ab");

    assertThat(
            SecretRedaction.redact(
                "no viable alternative at input Rem3mbered-pw (SELECT [Rem3mbered-pw])"))
        .isEqualTo("no viable alternative at input ***** (SELECT [*****])");
    assertThat(SecretRedaction.redact("table tab does not exist"))
        .isEqualTo("table tab does not exist");
  }
}
