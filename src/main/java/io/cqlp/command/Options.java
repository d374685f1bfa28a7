package io.cqlp.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code WITH name=value AND ...} options of a COPY or CAPTURE command: immutable, in the order
 * typed, names upper-cased (option names are case-insensitive), values unquoted strings exactly as
 * typed otherwise ({@code 'a''b'} becomes {@code a'b}, {@code FORMAT=parquet} keeps {@code
 * parquet}).
 *
 * <p>Every name argument of the getters is case-insensitive. Typed getters return the default when
 * the option is absent and throw {@link CommandException} with a one-line message naming the
 * option, the value and the expected form when the value cannot be read. Options that a command
 * does not know are rejected with {@link #requireKnown(Set, String)}, never ignored.
 */
public final class Options {
  private static final Options EMPTY = new Options(Map.of());

  // Row counts: 50000, '50K', '1M', '1.5M', -1 (cqlsh's "no limit" for MAXROWS).
  private static final Pattern ROW_COUNT =
      Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*([KM]?)", Pattern.CASE_INSENSITIVE);
  // Byte sizes: 1024, '500MB', '1.5 GB', '64K'.
  private static final Pattern BYTE_SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|K|KB|M|MB|G|GB)?", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @return options holding nothing
   */
  public static Options empty() {
    return EMPTY;
  }

  /**
   * @return a new mutable builder; the built {@link Options} are immutable
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return {@code true} when no option was given
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * @return the number of options
   */
  public int size() {
    return values.size();
  }

  /**
   * @return whether the option (any case) was given
   */
  public boolean contains(String name) {
    return values.containsKey(normalize(name));
  }

  /**
   * @return the upper-cased option names in the order typed, unmodifiable
   */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * @return upper-cased names to unquoted values in the order typed, unmodifiable
   */
  public Map<String, String> asMap() {
    return values;
  }

  /**
   * Adds defaults, for example from a cqlshrc {@code [copy-to]} section.
   *
   * @param defaults options to use where this one has none
   * @return this options' entries in their order, then the defaults' entries not given here
   */
  public Options withDefaults(Options defaults) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    defaults.values.forEach(merged::putIfAbsent);
    return new Options(Collections.unmodifiableMap(merged));
  }

  /**
   * @param defaultValue returned when absent; may be null
   * @return the unquoted value, or the default
   */
  public String getString(String name, String defaultValue) {
    return values.getOrDefault(normalize(name), defaultValue);
  }

  /**
   * @return the value as an int, or the default when absent
   * @throws CommandException when the value is not a whole number within the int range
   */
  public int getInt(String name, int defaultValue) {
    String value = values.get(normalize(name));
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(
          name,
          value,
          "a whole number from "
              + Integer.MIN_VALUE
              + " to "
              + Integer.MAX_VALUE
              + ", e.g. "
              + normalize(name)
              + "=1000");
    }
  }

  /**
   * @return the value as a long, or the default when absent
   * @throws CommandException when the value is not a whole number within the long range
   */
  public long getLong(String name, long defaultValue) {
    String value = values.get(normalize(name));
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, value, "a whole number, e.g. " + normalize(name) + "=1000");
    }
  }

  /**
   * Reads a boolean, case-insensitive: true, yes, on, 1 or false, no, off, 0.
   *
   * @return the value as a boolean, or the default when absent
   * @throws CommandException for any other value (never silently false)
   */
  public boolean getBoolean(String name, boolean defaultValue) {
    String value = values.get(normalize(name));
    if (value == null) {
      return defaultValue;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(name, value, "true or false (or yes/no, on/off, 1/0)");
    };
  }

  /**
   * Reads a number of rows: a whole number, or a number with the suffix K (thousand) or M
   * (million), case-insensitive: {@code 50000}, {@code '50K'}, {@code '1.5M'}. A negative number is
   * returned as is (cqlsh uses -1 for "no limit").
   *
   * @return the row count, or the default when absent
   * @throws CommandException when the value has another form or is not a whole number of rows
   */
  public long getRowCount(String name, long defaultValue) {
    String value = values.get(normalize(name));
    if (value == null) {
      return defaultValue;
    }
    Matcher m = ROW_COUNT.matcher(value.trim());
    String expected = "a row count such as 50000, '50K' or '1M' (K = 1,000, M = 1,000,000)";
    if (!m.matches()) {
      throw invalid(name, value, expected);
    }
    long unit =
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
          case "K" -> 1_000L;
          case "M" -> 1_000_000L;
          default -> 1L;
        };
    try {
      return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(name, value, expected);
    }
  }

  /**
   * Reads a size in bytes: a number with an optional unit B, KB (or K), MB (or M), GB (or G),
   * case-insensitive and 1024-based: {@code '500MB'} is 524,288,000. A fraction is allowed ({@code
   * '1.5GB'}); the result is rounded down to whole bytes. No unit means bytes.
   *
   * @return the size in bytes, or the default when absent
   * @throws CommandException when the value has another form or does not fit in a long
   */
  public long getByteSize(String name, long defaultValue) {
    String value = values.get(normalize(name));
    if (value == null) {
      return defaultValue;
    }
    Matcher m = BYTE_SIZE.matcher(value.trim());
    String expected = "a size such as '500MB' (units B, KB, MB, GB; 1 KB = 1024 bytes)";
    if (!m.matches()) {
      throw invalid(name, value, expected);
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    int shift =
        switch (unit.charAt(0)) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          default -> 0;
        };
    try {
      return new BigDecimal(m.group(1))
          .multiply(BigDecimal.valueOf(1L << shift))
          .setScale(0, RoundingMode.DOWN)
          .longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(name, value, expected);
    }
  }

  /**
   * Reads one of a fixed set of words, case-insensitive.
   *
   * @param defaultValue returned when absent; may be null
   * @param choices the valid values in their canonical spelling
   * @return the matching element of {@code choices} (its spelling, not the user's), or the default
   * @throws CommandException naming the valid values (sorted) when the value is none of them
   */
  public String getChoice(String name, String defaultValue, Set<String> choices) {
    String value = values.get(normalize(name));
    if (value == null) {
      return defaultValue;
    }
    for (String choice : choices) {
      if (choice.equalsIgnoreCase(value.trim())) {
        return choice;
      }
    }
    throw invalid(name, value, "one of " + String.join(", ", new TreeSet<>(choices)));
  }

  /**
   * Rejects options that a command does not know.
   *
   * @param valid the known option names (any case)
   * @param what the command named in the message, e.g. {@code COPY} or {@code CAPTURE}
   * @throws CommandException for the first unknown option, e.g. {@code Unknown COPY option 'FOO'.
   *     Valid options are: A, B, C} (sorted, upper case)
   */
  public void requireKnown(Set<String> valid, String what) {
    Set<String> known = new TreeSet<>();
    valid.forEach(v -> known.add(normalize(v)));
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new CommandException(
            "Unknown "
                + what
                + " option '"
                + name
                + "'. Valid options are: "
                + String.join(", ", known));
      }
    }
  }

  private static CommandException invalid(String name, String value, String expected) {
    return new CommandException(
        "Invalid value '" + value + "' for option " + normalize(name) + ": expected " + expected);
  }

  private static String normalize(String name) {
    return name.trim().toUpperCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Options o && values.equals(o.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /**
   * @return a debugging form such as {@code {FORMAT=PARQUET, CHUNKSIZE=50K}}
   */
  @Override
  public String toString() {
    return values.toString();
  }

  /** Collects options in order; mutable, not thread-safe. Names are upper-cased as added. */
  public static final class Builder {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @return whether an option of that name (any case) was added
     */
    public boolean contains(String name) {
      return values.containsKey(normalize(name));
    }

    /**
     * @param name the option name, any case
     * @param value the unquoted value, not null
     * @return this builder
     * @throws CommandException when the option was already added
     */
    public Builder add(String name, String value) {
      String key = normalize(name);
      if (values.containsKey(key)) {
        throw new CommandException("Option '" + key + "' is given twice: keep only one");
      }
      values.put(key, Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * @return the immutable options added so far
     */
    public Options build() {
      return values.isEmpty()
          ? EMPTY
          : new Options(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }
  }

  /**
   * The names in either set, for option sets made of a workflow's own names and a format's.
   *
   * @return an unmodifiable set; never null
   */
  public static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
