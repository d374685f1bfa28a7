package io.cqlp.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An INI file read the way Python's {@code configparser.RawConfigParser} reads it with its
 * defaults, which is how cqlsh reads {@code cqlshrc} and the credentials file:
 *
 * <ul>
 *   <li>{@code [section]} headers; the section name is everything between the first {@code [} and
 *       the last {@code ]}, case-sensitive. Every option line must follow a header.
 *   <li>{@code name = value} or {@code name: value}, split at the first {@code =} or {@code :};
 *       names are lower-cased and trimmed, values trimmed.
 *   <li>Lines whose first non-blank character is {@code #} or {@code ;} are comments; there are no
 *       inline comments ({@code a = b ; c} has the value {@code b ; c}).
 *   <li>A line indented deeper than its option line continues the value, joined with {@code \n}; an
 *       empty line ends nothing by itself (as configparser's {@code empty_lines_in_values}), and
 *       trailing empty lines are dropped.
 *   <li>No interpolation: {@code %(name)s} and {@code %%} are kept as typed, so passwords and
 *       format strings are read verbatim.
 *   <li>Options of a {@code [DEFAULT]} section are seen in every section that lacks them.
 *   <li>A section or an option given twice is an error, as in configparser's strict mode.
 * </ul>
 *
 * <p>Immutable.
 */
public final class IniFile {
  private static final Pattern SECTION = Pattern.compile("\\[(.+)\\]");
  private static final Pattern OPTION = Pattern.compile("(.*?)\\s*([=:])\\s*(.*)");
  private static final String DEFAULT_SECTION = "DEFAULT";

  private final String source;
  private final Map<String, Map<String, String>> sections;
  private final Map<String, String> defaults;

  private IniFile(
      String source, Map<String, Map<String, String>> sections, Map<String, String> defaults) {
    this.source = source;
    this.sections = sections;
    this.defaults = defaults;
  }

  /**
   * @return a file with no sections, named {@code source}
   */
  public static IniFile empty(String source) {
    return new IniFile(source, Map.of(), Map.of());
  }

  /**
   * Reads a file as UTF-8 (a leading byte-order mark is skipped).
   *
   * @param file the file; must exist
   * @return its sections
   * @throws IOException if it cannot be read
   * @throws IniException for a line configparser would reject, naming the file and line
   */
  public static IniFile read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses INI text.
   *
   * @param text the file's text; not null
   * @param source the name used in error messages, e.g. the file's path
   * @return the sections
   * @throws IniException for an option line before any section, a line that is neither a section,
   *     an option, a comment nor a continuation, or a duplicate section or option
   */
  public static IniFile parse(String text, String source) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<String, Map<String, List<String>>> raw = new LinkedHashMap<>();
    Map<String, List<String>> current = null;
    String section = null;
    String option = null;
    int indentOfOption = Integer.MAX_VALUE;
    String[] lines = text.split("\\r?\\n|\\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNumber = i + 1;
      String stripped = line.strip();
      boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
      if (stripped.isEmpty() || comment) {
        if (!comment && current != null && option != null) {
          current.get(option).add("");
        }
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (current != null && option != null && indent > indentOfOption) {
        current.get(option).add(stripped);
        continue;
      }
      indentOfOption = indent;
      Matcher header = SECTION.matcher(stripped);
      if (header.lookingAt()) {
        section = header.group(1);
        if (raw.containsKey(section)) {
          throw new IniException(source, lineNumber, "section [" + section + "] appears twice");
        }
        current = new LinkedHashMap<>();
        raw.put(section, current);
        option = null;
        continue;
      }
      if (current == null) {
        throw new IniException(source, lineNumber, "an option before any [section] header");
      }
      Matcher m = OPTION.matcher(stripped);
      if (!m.matches() || m.group(1).isBlank()) {
        throw new IniException(
            source, lineNumber, "not a 'name = value' line, a [section] header or a comment");
      }
      option = m.group(1).strip().toLowerCase(Locale.ROOT);
      if (current.containsKey(option)) {
        throw new IniException(
            source,
            lineNumber,
            "option '" + option + "' appears twice in section [" + section + "]");
      }
      List<String> value = new ArrayList<>();
      value.add(m.group(3).strip());
      current.put(option, value);
    }
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> defaults = Map.of();
    for (Map.Entry<String, Map<String, List<String>>> s : raw.entrySet()) {
      Map<String, String> values = new LinkedHashMap<>();
      s.getValue().forEach((k, v) -> values.put(k, String.join("\n", v).stripTrailing()));
      if (s.getKey().equals(DEFAULT_SECTION)) {
        defaults = Collections.unmodifiableMap(values);
      } else {
        sections.put(s.getKey(), Collections.unmodifiableMap(values));
      }
    }
    return new IniFile(source, Collections.unmodifiableMap(sections), defaults);
  }

  /**
   * @return the file's name as given to {@link #read} or {@link #parse}
   */
  public String source() {
    return source;
  }

  /**
   * @return whether the section (case-sensitive) exists; never true for {@code DEFAULT}
   */
  public boolean hasSection(String section) {
    return sections.containsKey(section);
  }

  /**
   * @return the section names in file order, without {@code DEFAULT}
   */
  public List<String> sectionNames() {
    return List.copyOf(sections.keySet());
  }

  /**
   * @param section the section, case-sensitive
   * @param option the option, any case
   * @return the value, or the {@code [DEFAULT]} section's when the section exists but lacks it;
   *     empty when the section does not exist or neither has it
   */
  public Optional<String> get(String section, String option) {
    Map<String, String> values = sections.get(section);
    if (values == null) {
      return Optional.empty();
    }
    String key = option.toLowerCase(Locale.ROOT);
    String value = values.get(key);
    return Optional.ofNullable(value != null ? value : defaults.get(key));
  }

  /**
   * @return the section's options with the {@code [DEFAULT]} ones it lacks, names lower-cased, in
   *     file order (the section's first); empty when the section does not exist
   */
  public Map<String, String> section(String section) {
    Map<String, String> values = sections.get(section);
    if (values == null) {
      return Map.of();
    }
    Map<String, String> merged = new LinkedHashMap<>(values);
    defaults.forEach(merged::putIfAbsent);
    return Collections.unmodifiableMap(merged);
  }
}
