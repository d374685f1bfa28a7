package io.cqlp.transfer.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What VERIFY found: rows on each side, rows only in the table, only in the files, rows whose
 * values differ (per column), keys the files hold more than once, and the first few keys of each
 * kind ({@link #SAMPLES}).
 */
public final class VerifyReport {
  /** Keys shown per kind of difference. */
  public static final int SAMPLES = 5;

  private final String table;
  private final String path;
  private final List<String> compared;
  private final List<String> notCompared;
  long tableRows;
  long fileRows;
  long onlyInTable;
  long onlyInFiles;
  long different;
  long duplicates;
  private final Map<String, Long> differentByColumn = new LinkedHashMap<>();
  private final List<String> onlyInTableKeys = new ArrayList<>();
  private final List<String> onlyInFilesKeys = new ArrayList<>();
  private final List<String> differentKeys = new ArrayList<>();
  private Duration elapsed = Duration.ZERO;

  /**
   * @param table the table, {@code ks.t}
   * @param path the files as typed
   * @param compared the columns compared, key columns first
   * @param notCompared the table's columns the files do not hold
   */
  VerifyReport(String table, String path, List<String> compared, List<String> notCompared) {
    this.table = table;
    this.path = path;
    this.compared = List.copyOf(compared);
    this.notCompared = List.copyOf(notCompared);
  }

  void onlyInTable(String key) {
    onlyInTable++;
    sample(onlyInTableKeys, key);
  }

  void onlyInFiles(String key) {
    onlyInFiles++;
    sample(onlyInFilesKeys, key);
  }

  void different(String key, List<String> columns) {
    different++;
    for (String c : columns) {
      differentByColumn.merge(c, 1L, Long::sum);
    }
    sample(differentKeys, key + " (" + String.join(", ", columns) + ")");
  }

  private static void sample(List<String> samples, String key) {
    if (samples.size() < SAMPLES) {
      samples.add(key);
    }
  }

  void elapsed(Duration elapsed) {
    this.elapsed = elapsed;
  }

  /** Whether the table and the files hold the same rows with the same values. */
  public boolean equal() {
    return onlyInTable == 0 && onlyInFiles == 0 && different == 0;
  }

  /** Rows the table scan returned. */
  public long tableRows() {
    return tableRows;
  }

  /** Rows read from the files (a key held twice counts twice). */
  public long fileRows() {
    return fileRows;
  }

  /** Rows whose key is only in the table. */
  public long onlyInTable() {
    return onlyInTable;
  }

  /** Rows whose key is only in the files. */
  public long onlyInFiles() {
    return onlyInFiles;
  }

  /** Rows with the same key on both sides and a value that differs. */
  public long different() {
    return different;
  }

  /**
   * The report as printed: a summary line, then up to {@link #SAMPLES} keys of each kind of
   * difference, each on a line of its own indented by two spaces.
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    String head =
        "Compared "
            + tableRows
            + " rows of "
            + table
            + " with "
            + fileRows
            + " rows of '"
            + path
            + "' by primary key in "
            + String.format(Locale.ROOT, "%.3f", elapsed.toNanos() / 1e9)
            + " seconds: ";
    if (equal()) {
      out.add(head + "all equal.");
    } else {
      List<String> parts = new ArrayList<>();
      parts.add(onlyInTable + " only in the table");
      parts.add(onlyInFiles + " only in the files");
      String byColumn =
          differentByColumn.isEmpty()
              ? ""
              : " ("
                  + String.join(
                      ", ",
                      differentByColumn.entrySet().stream()
                          .map(e -> e.getKey() + ": " + e.getValue())
                          .toList())
                  + ")";
      parts.add(different + " different" + byColumn);
      out.add(head + String.join(", ", parts) + ".");
    }
    onlyInTableKeys.forEach(k -> out.add("  only in the table: " + k));
    onlyInFilesKeys.forEach(k -> out.add("  only in the files: " + k));
    differentKeys.forEach(k -> out.add("  different: " + k));
    if (duplicates > 0) {
      out.add(
          "  "
              + duplicates
              + " keys are in the files more than once; the last row of each was compared.");
    }
    if (!notCompared.isEmpty()) {
      out.add("  not compared (not in the files): " + String.join(", ", notCompared));
    }
    return out;
  }

  /** The columns compared, key columns first. */
  public List<String> compared() {
    return compared;
  }
}
