package io.cqlp.capture;

import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import java.io.IOException;

/**
 * A result writer of one file under a staging name ({@link StagedFile}): commit closes the format's
 * writer and publishes the file; abort discards it.
 */
abstract class StagedResultWriter implements ResultWriter {
  /** The file being written; subclasses wrap its stream. */
  protected final StagedFile file;

  StagedResultWriter(Location target) throws IOException {
    this.file = target.create();
  }

  /** Flushes and closes the format's writer over {@link #file}'s stream. */
  protected abstract void closeContent() throws IOException;

  @Override
  public final void commit() throws IOException {
    closeContent();
    file.publish();
  }

  @Override
  public final void abort() {
    file.discard();
  }

  @Override
  public final int files() {
    return 1;
  }
}
