package io.cqlp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The openssl command line (part of the machine's base image), for keys made as users make them.
 */
public final class OpenSsl {
  private OpenSsl() {}

  /**
   * Runs {@code openssl args...} in {@code dir} and asserts it succeeded.
   *
   * @param dir the working directory: relative file names are resolved there
   * @param args the arguments after {@code openssl}
   * @throws Exception if openssl cannot be started or is interrupted
   */
  public static void run(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
  }
}
