package io.cqlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cqlp --completion bash|zsh}: the script, sourced by a real bash, completes cqlp's flags.
 * Needs no cluster.
 */
class CompletionIT {
  @TempDir Path dir;

  /** Runs {@code script} in a non-interactive bash and returns its standard output. */
  private static String bash(String script) throws Exception {
    Process process =
        new ProcessBuilder("bash", "-c", script)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isZero();
    return out;
  }

  /** Completes the last word of {@code words} with the sourced script, as bash does at TAB. */
  private static String complete(Path script, String words) throws Exception {
    return bash(
        "source '"
            + script
            + "'\n"
            + "COMP_WORDS=("
            + words
            + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
            + "COMP_LINE='"
            + words
            + "'; COMP_POINT=${#COMP_LINE}\n"
            + "_complete_cqlp cqlp \"${COMP_WORDS[COMP_CWORD]}\" cqlp\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
  }

  @Test
  void should_complete_cqlp_flags_in_bash() throws Exception {
    Shell.Result result = Shell.runRaw(null, "--completion", "bash");
    assertThat(result.exitCode()).as(result.err()).isZero();
    Path script = Files.writeString(dir.resolve("cqlp.bash"), result.out());

    assertThat(bash("source '" + script + "'; complete -p cqlp"))
        .contains("-F _complete_cqlp")
        .contains("cqlp");
    assertThat(complete(script, "cqlp --pro").lines()).containsExactly("--protocol-version");
    assertThat(complete(script, "cqlp --no-co").lines())
        .containsExactlyInAnyOrder("--no-color", "--no-connect");
    assertThat(complete(script, "cqlp -").lines())
        .contains(
            "-C",
            "-t",
            "-v",
            "--encoding",
            "--cqlversion",
            "--cqlshrc",
            "--credentials",
            "--completion",
            "--browser");
  }

  @Test
  void should_print_the_same_script_for_zsh_which_loads_bashcompinit() throws Exception {
    Shell.Result zsh = Shell.runRaw(null, "--completion", "zsh");
    Shell.Result bash = Shell.runRaw(null, "--completion", "bash");

    assertThat(zsh.exitCode()).isZero();
    assertThat(zsh.out()).isEqualTo(bash.out()).contains("bashcompinit", "ZSH_VERSION");
  }

  @Test
  void should_refuse_an_unknown_shell_in_one_line() throws Exception {
    Shell.Result result = Shell.runRaw(null, "--completion", "fish");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly("--completion fish: cqlp has completion scripts for bash and zsh.");
    assertThat(result.out()).isEmpty();
  }
}
