package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cqlp.command.Capture;
import io.cqlp.command.Command;
import io.cqlp.command.CommandException;
import io.cqlp.command.CommandParser;
import io.cqlp.command.CopyFrom;
import io.cqlp.command.Exit;
import io.cqlp.command.HostileInput;
import io.cqlp.command.RunScript;
import io.cqlp.local.LocalCassandra;
import io.cqlp.script.StatementSplitter;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 hostile statements ({@link HostileInput}) fed to one shell through standard input against
 * the real node: each failure is one line, no stack trace, and the shell still answers a query at
 * the end.
 */
@ExtendWith(CassandraExtension.class)
class HostileInputIT {
  /** Generated statements fed to the one shell: the fuzz budget of the issue, 10,000 inputs. */
  private static final int STATEMENTS = 10_000;

  private static final Pattern ERROR_LINE = Pattern.compile("^<stdin>:(\\d+):\\S.*");

  @Test
  void should_answer_each_hostile_statement_in_one_line_and_stay_usable() throws Exception {
    String keyspace = CassandraExtension.createKeyspace(getClass());
    LocalCassandra node = CassandraExtension.node();
    Random random = new Random(20261122L);
    List<String> vocabulary = HostileInput.vocabulary();
    StringBuilder script = new StringBuilder();
    int fed = 0;
    for (int i = 0; fed < STATEMENTS; i++) {
      String input = HostileInput.generate(random, vocabulary, i);
      if (usable(input)) {
        script.append(input).append(";\n");
        fed++;
      }
    }
    script.append("SELECT release_version FROM system.local;\n");

    Shell.Result result =
        Shell.runRaw(script.toString(), node.host(), String.valueOf(node.port()), "-k", keyspace);

    assertThat(result.exitCode()).isEqualTo(2);
    String errTail = result.err().substring(Math.max(0, result.err().length() - 2000));
    assertThat(result.out())
        .as("the shell answers the last SELECT; standard error ends: %s", errTail)
        .contains("release_version")
        .containsPattern("\\d+\\.\\d+\\.\\d+");
    Set<Integer> statementLines = new HashSet<>();
    for (String line : result.errLines()) {
      Matcher m = ERROR_LINE.matcher(line);
      assertThat(m.matches()).as("a one-line error, not: %s", line).isTrue();
      assertThat(statementLines.add(Integer.parseInt(m.group(1))))
          .as("one line per statement: %s", line)
          .isTrue();
      assertThat(line)
          .doesNotContain(
              "\tat ",
              "Exception in thread",
              "at io.cqlp",
              "NullPointerException",
              "IndexOutOfBounds",
              "StackOverflow",
              "ClassCast");
    }
    assertThat(result.errLines()).hasSizeGreaterThan(STATEMENTS / 2);
  }

  /**
   * A statement the script splitter sees as one whole statement (an open quote would swallow the
   * rest of the script), that neither ends the shell nor starts writing a capture file, nor is a
   * COPY FROM STDIN (which reads the script's next lines as its data, as cqlsh does).
   */
  private static boolean usable(String input) {
    StatementSplitter.Result split = StatementSplitter.split(input + ";\n");
    if (split.statements().size() != 1 || !split.remainder().isBlank()) {
      return false;
    }
    try {
      Command command = CommandParser.parse(input);
      return !(command instanceof Exit)
          && !(command instanceof Capture)
          && !(command instanceof RunScript)
          && !(command instanceof CopyFrom copy && copy.stdin());
    } catch (CommandException e) {
      return true;
    }
  }
}
