package io.cqlp.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real shell, {@code bin/cqlp}, as a user would: a separate process from the built
 * artifacts, with its own HOME, and captures its exit status and output.
 */
public final class Shell {

  /**
   * What one run of the shell did. {@code err} is standard error without the progress lines that
   * COPY and CAPTURE print every 10 seconds in scripts ({@code Processed: ...}, {@code Captured:
   * ...}); those are in {@code progress}.
   */
  public record Result(int exitCode, String out, String err, List<String> progress) {
    /** Standard error's lines, without blank ones. */
    public List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  /** A progress line of a script: its verb, then a row count and a rate. */
  private static final java.util.regex.Pattern PROGRESS =
      java.util.regex.Pattern.compile("(Processed|Captured): [0-9,]+ rows; Rate: ");

  private Shell() {}

  /** The repository root (system property {@code cqlp.home}, set by the build). */
  public static Path home() {
    return Path.of(System.getProperty("cqlp.home", ".")).toAbsolutePath();
  }

  /**
   * Runs {@code bin/cqlp host port args...} with nothing on standard input.
   *
   * @param host the node's host
   * @param port the node's CQL port
   * @param args further arguments
   */
  public static Result run(String host, int port, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(host, String.valueOf(port)));
    command.addAll(List.of(args));
    return runRaw(null, command.toArray(String[]::new));
  }

  /**
   * Runs {@code bin/cqlp args...}, feeding {@code stdin} (or nothing) to it; its HOME is a fresh
   * temporary directory, its working directory the repository root.
   */
  public static Result runRaw(String stdin, String... args)
      throws IOException, InterruptedException {
    return runWithEnv(java.util.Map.of(), stdin, args);
  }

  /** As {@link #runRaw(String, String...)}, with extra environment variables. */
  public static Result runWithEnv(java.util.Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    return runScript(home().resolve("bin/cqlp"), home(), env, stdin, args);
  }

  /**
   * As {@link #runWithEnv}, with another {@code bin/cqlp} (e.g. of an unpacked distribution) and
   * working directory. {@code env} may set {@code HOME}.
   */
  public static Result runScript(
      Path script, Path workDir, java.util.Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Path userHome = Files.createTempDirectory("cqlp-home");
    builder.environment().put("HOME", userHome.toString());
    builder.environment().remove("CQLSH_HOST");
    builder.environment().remove("CQLSH_PORT");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("cqlp-out", ".txt");
    Path err = Files.createTempFile("cqlp-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process process = builder.start();
    if (stdin != null) {
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("cqlp did not finish within 10 minutes: " + command);
    }
    List<String> errors = new ArrayList<>();
    List<String> progress = new ArrayList<>();
    for (String line : Files.readString(err, StandardCharsets.UTF_8).split("\n", -1)) {
      (PROGRESS.matcher(line).lookingAt() ? progress : errors).add(line);
    }
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            String.join("\n", errors),
            List.copyOf(progress));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }
}
