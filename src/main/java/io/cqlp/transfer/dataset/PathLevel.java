package io.cqlp.transfer.dataset;

/**
 * One {@code key=value} level of a partition directory path.
 *
 * @param key the key, unescaped ({@code date.month}); not null
 * @param rawValue the value as found in the directory name, still escaped; {@link
 *     HiveEscaping#DEFAULT_PARTITION} for NULL; not null
 */
public record PathLevel(String key, String rawValue) {

  /**
   * The level of a directory name.
   *
   * @param name a directory name
   * @return the level, or null when the name has no {@code =} or starts with it
   */
  public static PathLevel of(String name) {
    int eq = name.indexOf('=');
    if (eq <= 0) {
      return null;
    }
    return new PathLevel(HiveEscaping.unescape(name.substring(0, eq)), name.substring(eq + 1));
  }
}
