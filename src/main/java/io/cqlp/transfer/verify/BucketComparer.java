package io.cqlp.transfer.verify;

import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two spills of the same layout bucket by bucket: the files' fingerprints of a bucket go
 * into a hash map by key, the table's are looked up in it one by one, and what is left is only in
 * the files. A bucket holding more than {@code bucketRows} file rows is first split by the next
 * {@value #SPLIT_BITS} key-hash bits (both sides alike), so at most about {@code bucketRows}
 * fingerprints are in memory at once. Bucket files are deleted once compared.
 */
final class BucketComparer {
  /** Key-hash bits of each further split: 16 buckets. */
  static final int SPLIT_BITS = 4;

  private final Path dir;
  private final List<ColumnSpec> cells;
  private final long bucketRows;
  private final VerifyReport report;

  /**
   * @param dir where split buckets go
   * @param cells the compared columns other than the key, in the order of the hashes
   * @param bucketRows file rows of a bucket held in memory at most (while hash bits remain)
   * @param report receives the counts and the sample keys
   */
  BucketComparer(Path dir, List<ColumnSpec> cells, long bucketRows, VerifyReport report) {
    this.dir = dir;
    this.cells = cells;
    this.bucketRows = bucketRows;
    this.report = report;
  }

  /** Compares every bucket of {@code files} with the same bucket of {@code table}; both closed. */
  void compareAll(Spill files, Spill table) throws IOException {
    for (int i = 0; i < files.buckets(); i++) {
      compare(files.bucket(i), files.count(i), table.bucket(i), files.nextShift(), 0);
    }
  }

  /**
   * Compares one bucket of each side, or splits both by the next hash bits when the files' side is
   * too large to hold.
   */
  private void compare(Path fileBucket, long fileRows, Path tableBucket, int shift, int depth)
      throws IOException {
    int cells = this.cells.size();
    if (fileRows > bucketRows && shift + SPLIT_BITS <= 64) {
      String name = fileBucket.getFileName() + "." + depth;
      Spill files = new Spill(dir, name + "f", SPLIT_BITS, shift, cells);
      Spill rows = new Spill(dir, name + "t", SPLIT_BITS, shift, cells);
      try (files;
          rows) {
        Spill.read(fileBucket, cells, e -> add(files, e));
        Spill.read(tableBucket, cells, e -> add(rows, e));
      }
      Files.delete(fileBucket);
      Files.delete(tableBucket);
      for (int i = 0; i < files.buckets(); i++) {
        compare(files.bucket(i), files.count(i), rows.bucket(i), shift + SPLIT_BITS, depth + 1);
      }
      return;
    }
    Map<String, long[]> fromFiles = new HashMap<>();
    Spill.read(
        fileBucket,
        cells,
        e -> {
          if (fromFiles.put(e.key(), e.hashes()) != null) {
            report.duplicates++;
          }
        });
    Spill.read(
        tableBucket,
        cells,
        e -> {
          report.tableRows++;
          long[] file = fromFiles.remove(e.key());
          if (file == null) {
            report.onlyInTable(e.key());
          } else if (!Arrays.equals(file, e.hashes())) {
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
              if (file[i] != e.hashes()[i]) {
                columns.add(this.cells.get(i).name());
              }
            }
            report.different(e.key(), columns);
          }
        });
    fromFiles.keySet().stream().sorted().forEach(report::onlyInFiles);
    Files.delete(fileBucket);
    Files.delete(tableBucket);
  }

  private static void add(Spill spill, Spill.Entry e) {
    try {
      spill.add(e);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }
}
