package io.cqlp.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file being written, which appears at its target only when {@link #publish() published}: a
 * hidden staging file renamed into place on a local disk, a multipart upload completed in an object
 * store. Exactly one of {@link #publish()} and {@link #discard()} ends it; {@link #close()}
 * discards unless published. Not thread-safe.
 */
public abstract class StagedFile implements AutoCloseable {
  private final Location target;

  /**
   * @param target where the file appears on {@link #publish()}; not null
   */
  protected StagedFile(Location target) {
    this.target = java.util.Objects.requireNonNull(target, "target");
  }

  /**
   * The stream to write the content to. Closing it does not publish; buffer it as needed (local
   * writes are not buffered here).
   */
  public abstract OutputStream stream();

  /** Where the file appears on {@link #publish()}. */
  public final Location target() {
    return target;
  }

  /** Bytes written to {@link #stream()} so far; after {@link #publish()}, the size published. */
  public abstract long size();

  /**
   * Ends the content and makes the file visible at its target, replacing what was there. A file of
   * a dataset may be made visible later, with the dataset ({@link io.cqlp.storage.s3.UploadGroup}).
   *
   * @throws IOException if the content cannot be stored or made visible; nothing is then left at
   *     the target (and no staging file or pending upload is left behind)
   */
  public abstract void publish() throws IOException;

  /** Drops everything written; the target is left as it was. Never throws; safe to call again. */
  public abstract void discard();

  /** Discards unless published. */
  @Override
  public void close() {
    discard();
  }
}
