package io.cqlp.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Binds a picocli option or positional parameter to a field through a lambda, for command lines
 * declared with picocli's programmatic API ({@code CommandSpec}, {@code OptionSpec}) instead of its
 * annotations.
 *
 * <p>Why: picocli reads annotations through reflection; the JDK makes every annotation instance a
 * dynamic proxy class generated at run time, and picocli then sets fields through method handles
 * spun at run time. None of that can be kept in a class data sharing archive or AOT cache: on JDK
 * 25 with cqlp's AOT cache, building cqlp's command took about 0.24 s with annotations and 0.07 s
 * without (a fresh JVM each, 2 cores), of a one-shot {@code cqlp -e} of about 0.6 s. The
 * programmatic API parses the same command line with the same help, errors and completion.
 *
 * <p>A bound argument has no initial value of picocli's: the field keeps the one it was given in
 * Java until the argument, or its {@code defaultValue}, is applied. Each command line is parsed
 * once.
 */
public final class FieldBinding implements ISetter, IGetter {
  private final Consumer<Object> field;
  private Object value;

  private FieldBinding(Consumer<Object> field) {
    this.field = field;
  }

  /**
   * An option builder bound to a field.
   *
   * @param type the option's type as picocli converts it ({@code boolean.class} for a flag, {@code
   *     String.class}, {@code Integer.class}, {@code java.nio.file.Path.class}, ...)
   * @param field receives the converted value when the option (or its default) is applied; not null
   * @param names the option's names, e.g. {@code "-e", "--execute"}; at least one
   * @param <T> the field's type: {@code type} or its boxed form
   * @return a builder with type, setter and getter set; the caller adds labels and descriptions and
   *     builds it
   */
  public static <T> OptionSpec.Builder option(Class<?> type, Consumer<T> field, String... names) {
    FieldBinding binding = bind(field);
    return OptionSpec.builder(names)
        .type(type)
        .setter(binding)
        .getter(binding)
        .hasInitialValue(false);
  }

  /**
   * An option that takes a value, bound to a field: {@link #option} with its label and help text.
   *
   * @param type the value's type as picocli converts it
   * @param field receives the converted value; not null
   * @param label the value's name in the help, e.g. {@code "FILE"}
   * @param description the help text
   * @param names the option's names; at least one
   * @param <T> the field's type
   * @return the built option
   */
  public static <T> OptionSpec valued(
      Class<T> type, Consumer<T> field, String label, String description, String... names) {
    return option(type, field, names).paramLabel(label).description(description).build();
  }

  /**
   * A flag (an option without a value) bound to a boolean field, which it sets to true when given.
   *
   * @param field receives true when the flag is given; not null
   * @param description the help text
   * @param names the flag's names; at least one
   * @return the built option
   */
  public static OptionSpec flag(Consumer<Boolean> field, String description, String... names) {
    return option(boolean.class, field, names).description(description).build();
  }

  /**
   * Adds the {@code -e, --execute=STATEMENTS} and {@code -f, --file=FILE} options that cqlp and
   * cqlp-spark share (cqlsh's names): "Run these {@code what} and exit." and "Run the {@code what}
   * of this file and exit."
   *
   * @param spec the command line they join
   * @param what what they run, in their help text: {@code "statements"} or {@code "COPY
   *     statements"}
   * @param execute receives the statements of {@code -e}; not null
   * @param file receives the file of {@code -f}; not null
   */
  public static void addScriptOptions(
      CommandSpec spec, String what, Consumer<String> execute, Consumer<Path> file) {
    spec.addOption(
        valued(
            String.class,
            execute,
            "STATEMENTS",
            "Run these " + what + " and exit.",
            "-e",
            "--execute"));
    spec.addOption(
        valued(
            Path.class,
            file,
            "FILE",
            "Run the " + what + " of this file and exit.",
            "-f",
            "--file"));
  }

  /**
   * A positional parameter builder bound to a field.
   *
   * @param type the parameter's type as picocli converts it
   * @param field receives the converted value; not null
   * @param <T> the field's type
   * @return a builder with type, setter and getter set; the caller adds index, arity and labels
   */
  public static <T> PositionalParamSpec.Builder positional(Class<?> type, Consumer<T> field) {
    FieldBinding binding = bind(field);
    return PositionalParamSpec.builder()
        .type(type)
        .setter(binding)
        .getter(binding)
        .hasInitialValue(false);
  }

  /**
   * The {@code -h, --help} option of cqlp's command lines, as picocli's standard one: usage help,
   * "Show this help message and exit."
   *
   * @return a new option; add it to one command line
   */
  public static OptionSpec helpOption() {
    return OptionSpec.builder("-h", "--help")
        .usageHelp(true)
        .description("Show this help message and exit.")
        .build();
  }

  /**
   * A version option: picocli prints the command's version provider's lines and exits.
   *
   * @param description its help text
   * @param names its names, e.g. {@code "-V", "--version"}
   * @return a new option; add it to one command line
   */
  public static OptionSpec versionOption(String description, String... names) {
    return OptionSpec.builder(names).versionHelp(true).description(description).build();
  }

  // The consumer itself, cast: picocli hands it values of the option's type. A wrapping lambda
  // here was spun at run time on every start (its proxy class stayed out of the archive).
  @SuppressWarnings("unchecked")
  private static <T> FieldBinding bind(Consumer<T> field) {
    return new FieldBinding((Consumer<Object>) field);
  }

  /** Stores {@code newValue} in the field; returns the value stored before, null at first. */
  @Override
  @SuppressWarnings("unchecked")
  public <T> T set(T newValue) {
    T previous = (T) value;
    value = newValue;
    field.accept(newValue);
    return previous;
  }

  /** The value last stored, null before any. */
  @Override
  @SuppressWarnings("unchecked")
  public <T> T get() {
    return (T) value;
  }
}
