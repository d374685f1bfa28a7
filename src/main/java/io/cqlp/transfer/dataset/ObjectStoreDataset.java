package io.cqlp.transfer.dataset;

import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.Storage;
import io.cqlp.storage.s3.S3Storage;
import io.cqlp.storage.s3.UploadGroup;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A dataset in an object store, which appears whole or not at all without a rename (S3 has none):
 * the commit protocol of Hadoop's S3A "magic" committer. Every part file is a multipart upload to
 * its final key, uploaded while it is written but completed only by {@link #publish()}, after every
 * part file is finished; {@code _SUCCESS} is written last. Until then no object of the export is
 * visible.
 *
 * <ul>
 *   <li>A target with objects below it is refused unless OVERWRITE or APPEND.
 *   <li>{@link WriteMode#OVERWRITE}: the old objects must all be dataset files (as {@link
 *       StagedDirectory} checks); they are deleted only after the new dataset is complete.
 *   <li>{@link WriteMode#APPEND}: part files are numbered after the highest {@code part-NNNNN}
 *       already in their directory, so no object is replaced.
 * </ul>
 *
 * <p>{@link #discard()} aborts every upload (a failed, cancelled or refused export leaves no object
 * and no pending upload); a JVM shutdown (SIGTERM, Ctrl-C of a script) does the same. What a killed
 * process (SIGKILL) leaves is pending uploads, which hold no visible object: {@code CLEAN UPLOADS}
 * lists and aborts them.
 */
public final class ObjectStoreDataset implements DatasetCommitter {
  private enum State {
    OPEN,
    PUBLISHED,
    DISCARDED
  }

  private final Location target;
  private final S3Storage storage;
  private final S3Storage deferred;
  private final UploadGroup group = new UploadGroup();
  private final WriteMode mode;
  private final List<String> oldKeys;
  private final Map<String, Integer> highestPart;
  private final Thread hook;
  private State state = State.OPEN;

  private ObjectStoreDataset(
      Location target,
      S3Storage storage,
      WriteMode mode,
      List<String> oldKeys,
      Map<String, Integer> highestPart) {
    this.target = target;
    this.storage = storage;
    this.deferred = storage.deferred(group);
    this.mode = mode;
    this.oldKeys = oldKeys;
    this.highestPart = highestPart;
    this.hook = new Thread(this::discard, "cqlp-dataset-abort");
  }

  /**
   * Checks the target (one listing of the objects below it).
   *
   * @param target the dataset's prefix in an object store
   * @param mode what to do when objects are there already
   * @return the open dataset
   * @throws TransferException if the target has objects and neither OVERWRITE nor APPEND is given,
   *     or OVERWRITE would delete an object that is not part of a dataset
   * @throws IOException if the bucket cannot be listed (no such bucket, access denied, ...)
   */
  public static ObjectStoreDataset create(Location target, WriteMode mode) throws IOException {
    if (!(target.storage() instanceof S3Storage storage)) {
      throw new IllegalArgumentException(target + " is not in an object store");
    }
    String root = target.path();
    List<Storage.Entry> existing = storage.listAll(root);
    Map<String, Integer> highest = new HashMap<>();
    if (!existing.isEmpty()) {
      if (mode == WriteMode.ERROR_IF_NOT_EMPTY) {
        throw new TransferException(
            "Target '"
                + target
                + "/' is not empty: add OVERWRITE=true to replace it,"
                + " or APPEND=true to add files to it.");
      }
      for (Storage.Entry e : existing) {
        String relative = e.location().path().substring(root.isEmpty() ? 0 : root.length() + 1);
        String name = e.location().name();
        if (mode == WriteMode.OVERWRITE && !StagedDirectory.isDatasetFile(name)) {
          throw new TransferException(
              "Cannot overwrite '"
                  + target
                  + "/': it holds '"
                  + relative
                  + "', which is not part of a Parquet dataset; remove it or choose another"
                  + " target.");
        }
        Matcher m = StagedDirectory.PART.matcher(name);
        if (m.matches() && m.group(1).length() < 10) {
          int slash = relative.lastIndexOf('/');
          highest.merge(
              slash < 0 ? "" : relative.substring(0, slash),
              Integer.parseInt(m.group(1)),
              Math::max);
        }
      }
    }
    List<String> old =
        mode == WriteMode.OVERWRITE
            ? existing.stream().map(e -> e.location().path()).toList()
            : List.of();
    ObjectStoreDataset dataset = new ObjectStoreDataset(target, storage, mode, old, highest);
    Runtime.getRuntime().addShutdownHook(dataset.hook);
    return dataset;
  }

  @Override
  public Location targetLocation() {
    return target;
  }

  /** The file's final key, in an upload completed only with the dataset. */
  @Override
  public Location partFile(String directory, String name) {
    String file = name;
    Integer after = mode == WriteMode.APPEND ? highestPart.get(directory) : null;
    Matcher m = StagedDirectory.PART.matcher(name);
    if (after != null && m.matches()) {
      file = String.format("part-%05d%s", after + 1 + Integer.parseInt(m.group(1)), m.group(2));
    }
    String relative = directory.isEmpty() ? file : directory + "/" + file;
    return new Location(deferred, storage.resolve(target.path(), relative));
  }

  @Override
  public synchronized boolean isDiscarded() {
    return state == State.DISCARDED;
  }

  /**
   * Completes every upload, writes {@code _SUCCESS}, then (OVERWRITE) deletes the old objects that
   * the new dataset did not replace.
   *
   * @throws IOException if an upload cannot be completed: the others are aborted and those
   *     completed deleted, so the target is as it was
   */
  @Override
  public synchronized void publish() throws IOException {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "dataset '" + target + "' is " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
    try {
      Set<String> written = new HashSet<>(group.uploadedKeys());
      group.completeAll();
      String success = storage.resolve(target.path(), StagedDirectory.SUCCESS);
      storage.put(success, new byte[0]);
      written.add(success);
      state = State.PUBLISHED;
      removeHook();
      for (String key : oldKeys) {
        if (!written.contains(key)) {
          storage.delete(key);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (state == State.OPEN) {
        discard();
      }
      throw e;
    }
  }

  @Override
  public void discard() {
    synchronized (this) {
      if (state != State.OPEN) {
        return;
      }
      state = State.DISCARDED;
    }
    group.abortAll();
    removeHook();
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs and finds nothing to do
    }
  }
}
