package io.cqlp.storage;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one spelling of cqlp's hidden names beside a local target: {@code .<name>.cqlp-<kind>-<hex>}
 * (kind {@code tmp} for what is being written, {@code old} for a replaced dataset on its way out).
 * The leading dot hides them from {@code ls} and from Parquet readers of a directory; the random
 * part keeps two writers of the same target apart.
 */
public final class StagingName {
  private StagingName() {}

  /** Kind of a file or directory being written. */
  public static final String TMP = "tmp";

  /**
   * A hidden name beside {@code target}.
   *
   * @param target the target path; only its file name is used
   * @param kind what the name holds: {@link #TMP} or {@code old}
   * @return the file name (not a path), e.g. {@code .rows.csv.cqlp-tmp-5f3a9c...}
   */
  public static String of(Path target, String kind) {
    return "."
        + target.getFileName()
        + ".cqlp-"
        + kind
        + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
  }
}
