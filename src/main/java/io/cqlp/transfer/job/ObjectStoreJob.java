package io.cqlp.transfer.job;

import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import io.cqlp.storage.Storage;
import io.cqlp.storage.s3.S3Storage;
import io.cqlp.transfer.dataset.ObjectStoreDataset;
import io.cqlp.transfer.dataset.StagedDirectory;
import io.cqlp.transfer.dataset.WriteMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;

/**
 * The job directory of a distributed export whose target is in an object store ({@code s3://}): a
 * hidden prefix beside the target ({@code .<name>.cqlp-job-<hex>/}), under which each task attempt
 * publishes its dataset through {@link ObjectStoreDataset} (its uploads completed when the attempt
 * succeeds). The commit copies the winning attempts' objects into the target's own {@link
 * ObjectStoreDataset}, whose uploads complete together when it is published, then deletes the
 * prefix. A bucket has no rename: the objects pass through the driver (a GET and an upload each).
 */
final class ObjectStoreJob {
  private ObjectStoreJob() {}

  /** The hidden job prefix beside {@code target}. */
  static Location beside(Location target) {
    return target
        .parent()
        .resolve(
            "."
                + target.name()
                + ".cqlp-job-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
  }

  /**
   * The objects a finished attempt published, in key order, without {@code _SUCCESS}.
   *
   * @param attempt the attempt's prefix
   */
  static List<Storage.Entry> files(Location attempt) throws IOException {
    List<Storage.Entry> files = new ArrayList<>();
    for (Storage.Entry e : storage(attempt).listAll(attempt.path())) {
      if (!e.location().name().equals(StagedDirectory.SUCCESS)) {
        files.add(e);
      }
    }
    return files;
  }

  /** What a dataset commit published. */
  record Published(long files, long bytes, long directories) {}

  /**
   * Publishes the winning attempts' objects as the target dataset: part files numbered on in each
   * directory, in task order, then {@code _SUCCESS}; OVERWRITE and APPEND as the shell's.
   *
   * @param target the dataset's prefix
   * @param mode OVERWRITE, APPEND or neither
   * @param attempts the winning attempts' prefixes, in task order
   * @throws IOException if an object cannot be read or uploaded: the target is then as it was
   */
  static Published publish(Location target, WriteMode mode, List<Location> attempts)
      throws IOException {
    ObjectStoreDataset dataset = ObjectStoreDataset.create(target, mode);
    Map<String, Integer> next = new HashMap<>();
    Set<String> directories = new HashSet<>();
    long files = 0;
    long bytes = 0;
    try {
      for (Location attempt : attempts) {
        for (Storage.Entry file : files(attempt)) {
          String relative = attempt.relativize(file.location());
          int slash = relative.lastIndexOf('/');
          String directory = slash < 0 ? "" : relative.substring(0, slash);
          String name = relative.substring(slash + 1);
          Matcher m = StagedDirectory.PART.matcher(name);
          if (m.matches()) {
            int n = next.merge(directory, 1, Integer::sum) - 1;
            name = String.format("part-%05d%s", n, m.group(2));
          }
          // Not closed after publish(): a file of the dataset's group completes with the group,
          // and closing it would abort its upload.
          StagedFile copy = dataset.partFile(directory, name).create();
          try (InputStream in = file.location().open()) {
            in.transferTo(copy.stream());
            copy.publish();
          } catch (IOException | RuntimeException e) {
            copy.discard();
            throw e;
          }
          files++;
          bytes += file.size();
          directories.add(directory);
        }
      }
      dataset.publish();
    } finally {
      dataset.discard();
    }
    return new Published(files, bytes, directories.size());
  }

  /**
   * Deletes every object below the job's prefix. Never throws: what stays keeps its hidden name.
   */
  static void delete(Location job) {
    try {
      S3Storage storage = storage(job);
      for (Storage.Entry e : storage.listAll(job.path())) {
        storage.delete(e.location().path());
      }
    } catch (IOException | RuntimeException e) {
      // best effort, as StagedDirectory.deleteTree
    }
  }

  private static S3Storage storage(Location location) {
    if (!(location.storage() instanceof S3Storage s3)) {
      throw new IllegalArgumentException(location + " is not in an object store");
    }
    return s3;
  }
}
