package io.cqlp.transfer.dataset;

import io.cqlp.storage.Location;
import java.io.IOException;

/**
 * The commit protocol of a dataset export: where each part file is written, and how the whole
 * dataset then appears at its target at once, or not at all. {@link StagedDirectory} renames a
 * staging directory on a local file system; {@link ObjectStoreDataset} completes the multipart
 * uploads of an object store, which has no rename. Thread-safe: a JVM shutdown may discard while
 * the export's thread writes.
 */
public interface DatasetCommitter {

  /** Where the dataset appears. */
  Location targetLocation();

  /**
   * Where to write a part file; its directory exists.
   *
   * @param directory the partition directories below the dataset's root ({@code a=1/b=2}), or empty
   * @param name the file's name ({@code part-00000.parquet}); the committer may renumber it so that
   *     APPEND never replaces a file
   * @throws IOException if the directory cannot be created
   */
  Location partFile(String directory, String name) throws IOException;

  /** Whether it was discarded (by {@link #discard()} or at JVM shutdown). */
  boolean isDiscarded();

  /**
   * Makes the dataset appear at its target, with {@code _SUCCESS} last.
   *
   * @throws IOException if it cannot; everything written is then discarded and the target left as
   *     it was
   */
  void publish() throws IOException;

  /** Drops everything written unless published. Never throws; safe to call again. */
  void discard();
}
