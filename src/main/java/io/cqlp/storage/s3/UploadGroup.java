package io.cqlp.storage.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The multipart uploads of one dataset, made visible together: the commit step of Hadoop's S3A
 * "magic" committer without its rename. Each file of the dataset is uploaded while it is written
 * and finished when its writer publishes it, but no object appears until {@link #completeAll()}
 * completes every upload; {@link #abortAll()} aborts them instead, which leaves no object and no
 * pending upload. Thread-safe.
 */
public final class UploadGroup {
  private static final int COMPLETERS = 8;

  private final List<S3StagedFile> files = new ArrayList<>();
  private final List<String> completed = new ArrayList<>();

  synchronized void add(S3StagedFile file) {
    files.add(file);
  }

  /** Keys of the files uploaded and waiting for {@link #completeAll()}, in creation order. */
  public synchronized List<String> uploadedKeys() {
    return files.stream().filter(S3StagedFile::uploaded).map(S3StagedFile::key).toList();
  }

  /**
   * Completes every finished upload ({@value #COMPLETERS} at a time). Files that were discarded are
   * left out.
   *
   * @throws IOException if an upload cannot be completed, or a file is still being written; the
   *     other uploads are then aborted and the objects already completed deleted (best effort), so
   *     the dataset appears whole or not at all
   */
  public void completeAll() throws IOException {
    List<S3StagedFile> toComplete;
    synchronized (this) {
      toComplete = files.stream().filter(S3StagedFile::uploaded).toList();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            COMPLETERS,
            r -> {
              Thread t = new Thread(r, "cqlp-s3-complete");
              t.setDaemon(true);
              return t;
            });
    IOException failure = null;
    try {
      List<Future<?>> done = new ArrayList<>();
      for (S3StagedFile file : toComplete) {
        done.add(
            pool.submit(
                () -> {
                  file.complete();
                  synchronized (completed) {
                    completed.add(file.key());
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = new InterruptedIOException("interrupted while completing the uploads");
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (failure != null) {
      abortAll();
      throw failure;
    }
  }

  /**
   * Aborts every upload not completed and deletes the objects that {@link #completeAll()} had
   * completed. Never throws; runs when the calling thread is interrupted too.
   */
  public void abortAll() {
    List<S3StagedFile> all;
    synchronized (this) {
      all = List.copyOf(files);
    }
    long deadline =
        System.nanoTime()
            + java.util.concurrent.TimeUnit.SECONDS.toNanos(S3StagedFile.ABORT_PATIENCE_SECONDS);
    all.forEach(file -> file.discard(deadline));
    List<String> visible;
    synchronized (completed) {
      visible = List.copyOf(completed);
      completed.clear();
    }
    boolean interrupted = Thread.interrupted();
    try {
      for (S3StagedFile file : all) {
        if (visible.contains(file.key())) {
          try {
            file.target().delete();
          } catch (IOException e) {
            // best effort: the dataset has no _SUCCESS, so readers of the convention skip it
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
