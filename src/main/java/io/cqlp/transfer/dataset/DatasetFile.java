package io.cqlp.transfer.dataset;

import io.cqlp.storage.Location;
import java.util.List;

/**
 * A data file of a dataset and the partition levels of the directories above it.
 *
 * @param file the file
 * @param size its size in bytes, as listed
 * @param levels the {@code key=value} directories between the dataset's root and the file,
 *     outermost first; empty for a file not under any
 */
public record DatasetFile(Location file, long size, List<PathLevel> levels) {

  /** Copies the levels. */
  public DatasetFile {
    levels = List.copyOf(levels);
  }
}
