package io.cqlp.transfer.dataset;

import io.cqlp.rows.TransferException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The PARTITION_FILTER option of COPY FROM: which partition directories of a dataset to read.
 *
 * <p>Form: {@code 'key=value[,key=value...]'}, e.g. {@code 'year=2024,month=01'}. A directory level
 * {@code key=value} whose key is named (ignoring case) is read only if its value, unescaped ({@link
 * HiveEscaping#unescape}), equals one of the values given for that key (naming a key twice accepts
 * either value, {@code 'origin=ORD,origin=ATL'}); two whole numbers are equal by value, so {@code
 * month=1} matches the directory {@code month=01}; NULL directories are matched by {@code
 * __HIVE_DEFAULT_PARTITION__}. A file is read only if every named key is one of the levels above
 * it. Keys may be columns, virtual columns ({@code date.month}) or any other level. Values cannot
 * contain commas. Immutable and thread-safe.
 */
public final class PartitionFilter {
  private static final PartitionFilter NONE = new PartitionFilter(Map.of());
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  /** Accepted values by lower-cased key. */
  private final Map<String, Set<String>> accepted;

  private PartitionFilter(Map<String, Set<String>> accepted) {
    this.accepted = accepted;
  }

  /** A filter that accepts every directory. */
  public static PartitionFilter none() {
    return NONE;
  }

  /**
   * Reads the option.
   *
   * @param option the value as typed, or null for no filter
   * @return the filter
   * @throws TransferException for an entry without {@code =} or with an empty key
   */
  public static PartitionFilter parse(String option) {
    if (option == null || option.isBlank()) {
      return NONE;
    }
    Map<String, Set<String>> accepted = new LinkedHashMap<>();
    for (String entry : option.split(",")) {
      int eq = entry.indexOf('=');
      String key = eq < 0 ? "" : entry.substring(0, eq).trim();
      if (key.isEmpty()) {
        throw new TransferException(
            "PARTITION_FILTER entry '"
                + entry.trim()
                + "' is not key=value; write e.g."
                + " PARTITION_FILTER='year=2024,month=01'.");
      }
      accepted
          .computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
          .add(entry.substring(eq + 1).trim());
    }
    return new PartitionFilter(Map.copyOf(accepted));
  }

  /** Whether the filter accepts everything. */
  public boolean isEmpty() {
    return accepted.isEmpty();
  }

  /** The keys named, lower-cased. */
  public Set<String> keys() {
    return accepted.keySet();
  }

  /**
   * Whether a directory level may hold files to read.
   *
   * @param level a level of a directory name
   * @return false when its key is named and its value is none of those given
   */
  public boolean accepts(PathLevel level) {
    Set<String> values = accepted.get(level.key().toLowerCase(Locale.ROOT));
    if (values == null) {
      return true;
    }
    String value =
        level.rawValue().equals(HiveEscaping.DEFAULT_PARTITION)
            ? HiveEscaping.DEFAULT_PARTITION
            : HiveEscaping.unescape(level.rawValue());
    for (String wanted : values) {
      if (wanted.equals(value)
          || (INTEGER.matcher(wanted).matches()
              && INTEGER.matcher(value).matches()
              && new BigInteger(wanted.replace("+", ""))
                  .equals(new BigInteger(value.replace("+", ""))))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a file under these levels is to be read: every named key is among them, and each level
   * is accepted.
   */
  public boolean acceptsAll(List<PathLevel> levels) {
    for (String key : accepted.keySet()) {
      if (levels.stream().noneMatch(l -> l.key().toLowerCase(Locale.ROOT).equals(key))) {
        return false;
      }
    }
    return levels.stream().allMatch(this::accepts);
  }

  @Override
  public String toString() {
    return accepted.toString();
  }
}
