package io.cqlp.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input never breaks the parser: seeded, reproducible generated statements ({@link
 * HostileInput}) either parse or fail with a {@link CommandException} of one line; no other
 * exception escapes.
 */
class CommandParserFuzzTest {

  /** Each case is built from this seed plus its index, so a failure names a reproducible input. */
  static final long SEED = 0xC0FFEEL;

  static final int CASES = 12_000;

  @Test
  void should_parse_or_refuse_in_one_line_every_generated_input() {
    Random random = new Random(SEED);
    List<String> vocabulary = HostileInput.vocabulary();
    int parsed = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      String input = HostileInput.generate(random, vocabulary, i);
      try {
        Command command = CommandParser.parse(input);
        assertThat(command).isNotNull();
        parsed++;
      } catch (CommandException e) {
        assertThat(e.getMessage())
            .as("case %d: %s", i, input)
            .isNotBlank()
            .doesNotContain("\n", "\r");
        refused++;
      } catch (RuntimeException | StackOverflowError e) {
        fail("case " + i + " threw " + e + " for input: " + printable(input), e);
      }
    }
    assertThat(parsed + refused).isEqualTo(CASES);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    assertThat(parsed).isGreaterThan(CASES / 20);
    assertThat(refused).isGreaterThan(CASES / 5);
  }

  @Test
  void should_generate_the_same_inputs_from_the_same_seed() {
    List<String> vocabulary = HostileInput.vocabulary();
    Random a = new Random(SEED);
    Random b = new Random(SEED);
    for (int i = 0; i < 100; i++) {
      assertThat(HostileInput.generate(a, vocabulary, i))
          .isEqualTo(HostileInput.generate(b, vocabulary, i));
    }
  }

  private static String printable(String input) {
    String shown =
        input.length() > 300
            ? input.substring(0, 300) + "...(" + input.length() + " chars)"
            : input;
    StringBuilder out = new StringBuilder();
    shown
        .codePoints()
        .forEach(
            c ->
                out.append(
                    c < 0x20 || (c >= 0xD800 && c < 0xE000)
                        ? String.format("\\u%04x", c)
                        : new String(Character.toChars(c))));
    return out.toString();
  }
}
