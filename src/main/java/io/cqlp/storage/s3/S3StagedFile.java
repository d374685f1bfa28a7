package io.cqlp.storage.s3;

import io.cqlp.storage.Location;
import io.cqlp.storage.StagedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A file streamed into an object as a multipart upload while it is written: the content is cut into
 * parts of {@link #partSize} bytes, each uploaded by a background thread as soon as it is full (at
 * most {@value #IN_FLIGHT} parts of a file in flight, so a file holds at most three parts in
 * memory), and the upload is completed only by {@link #publish()} — or, for a file of a dataset, by
 * its {@link UploadGroup}. Until then no reader sees the object; {@link #discard()} aborts the
 * upload, which deletes its parts. The upload begins when the file is created, so a missing bucket
 * or refused credentials fail at once, before anything else is done.
 *
 * <p>A part the SDK fails to upload after its retries fails the file: the next write or the publish
 * throws, and the upload is aborted.
 */
final class S3StagedFile extends StagedFile {
  /** How long an abort waits for an endpoint that does not answer. */
  static final int ABORT_PATIENCE_SECONDS = 30;

  /** Parts in flight per file, beside the one being filled. */
  static final int IN_FLIGHT = 2;

  private static final int FIRST_BUFFER = 64 * 1024;
  private static final ExecutorService UPLOADERS =
      Executors.newFixedThreadPool(
          8,
          r -> {
            Thread t = new Thread(r, "cqlp-s3-upload");
            t.setDaemon(true);
            return t;
          });

  private enum State {
    OPEN,
    UPLOADED,
    PUBLISHED,
    DISCARDED
  }

  private final S3Storage storage;
  private final String key;
  private final UploadGroup group;
  private final Semaphore slots = new Semaphore(IN_FLIGHT);
  private final List<CompletedPart> parts = new ArrayList<>();
  private final List<Future<?>> uploads = new ArrayList<>();
  private final OutputStream out = new PartStream();
  private volatile IOException failure;
  private byte[] buffer = new byte[FIRST_BUFFER];
  private int length;
  private long total;
  private int nextPart = 1;
  private String uploadId;
  private State state = State.OPEN;

  S3StagedFile(S3Storage storage, Location target) throws IOException {
    super(target);
    this.storage = storage;
    this.key = target.path();
    this.group = storage.group();
    startUpload();
    if (group != null) {
      group.add(this);
    }
  }

  /**
   * The size of part {@code number} (1 to 10,000, S3's limit): 8 MiB for the first 1,000 parts,
   * then 16, 32 and from part 3,001 on 64 MiB, so an object may grow to about 490 GiB while a small
   * one is cut into parts of 8 MiB (S3's smallest part is 5 MiB).
   */
  static int partSize(int number) {
    return (8 << 20) << Math.min(3, (number - 1) / 1000);
  }

  @Override
  public OutputStream stream() {
    return out;
  }

  @Override
  public long size() {
    return total;
  }

  String key() {
    return key;
  }

  private void startUpload() throws IOException {
    try {
      uploadId =
          storage
              .client()
              .createMultipartUpload(b -> b.bucket(storage.bucket()).key(key))
              .uploadId();
    } catch (SdkException e) {
      throw storage.error(e, key);
    }
  }

  private void write(byte[] b, int off, int len) throws IOException {
    if (state != State.OPEN) {
      throw new IOException("'" + target() + "' is no longer open for writing");
    }
    checkFailure();
    while (len > 0) {
      int size = partSize(nextPart);
      if (length == buffer.length && buffer.length < size) {
        buffer = java.util.Arrays.copyOf(buffer, Math.min(size, buffer.length * 2));
      }
      int n = Math.min(len, buffer.length - length);
      System.arraycopy(b, off, buffer, length, n);
      length += n;
      total += n;
      off += n;
      len -= n;
      if (length == size) {
        sendPart();
        buffer = new byte[partSize(nextPart)];
      }
    }
  }

  /** Hands the filled buffer to an uploader, waiting while {@value #IN_FLIGHT} are in flight. */
  private void sendPart() throws IOException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while uploading " + target());
    }
    byte[] data = buffer;
    int size = length;
    int number = nextPart++;
    length = 0;
    String id = uploadId;
    uploads.add(
        UPLOADERS.submit(
            () -> {
              try {
                String etag =
                    storage
                        .client()
                        .uploadPart(
                            b ->
                                b.bucket(storage.bucket())
                                    .key(key)
                                    .uploadId(id)
                                    .partNumber(number)
                                    .contentLength((long) size),
                            RequestBody.fromContentProvider(
                                () -> new ByteArrayInputStream(data, 0, size),
                                size,
                                "application/octet-stream"))
                        .eTag();
                synchronized (parts) {
                  parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                }
              } catch (SdkException e) {
                if (failure == null) {
                  failure = storage.error(e, key);
                }
              } catch (RuntimeException e) {
                if (failure == null) {
                  failure = new IOException("cannot upload a part of " + target() + ": " + e, e);
                }
              } finally {
                slots.release();
              }
            }));
  }

  private void checkFailure() throws IOException {
    IOException f = failure;
    if (f != null) {
      throw new IOException(f.getMessage(), f);
    }
  }

  private void awaitUploads() throws IOException {
    for (Future<?> upload : uploads) {
      try {
        upload.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while uploading " + target());
      } catch (ExecutionException e) {
        throw new IOException("cannot upload " + target() + ": " + e.getCause(), e.getCause());
      }
    }
    uploads.clear();
    checkFailure();
  }

  /**
   * Uploads what is left and completes the upload; for a file of a group, completion waits for
   * {@link UploadGroup#completeAll()}.
   */
  @Override
  public void publish() throws IOException {
    if (state != State.OPEN) {
      if (state == State.DISCARDED) {
        throw new IOException("'" + target() + "' was discarded");
      }
      return;
    }
    try {
      if (length > 0 || nextPart == 1) {
        sendPart();
      }
      buffer = null;
      awaitUploads();
      if (group != null) {
        state = State.UPLOADED;
        return;
      }
      complete();
    } catch (SdkException e) {
      IOException error = storage.error(e, key);
      discard();
      throw error;
    } catch (IOException | RuntimeException e) {
      discard();
      throw e;
    }
  }

  /** Whether every part is uploaded and the upload waits for its completion. */
  synchronized boolean uploaded() {
    return state == State.UPLOADED;
  }

  /** Completes the multipart upload: the object appears whole. */
  synchronized void complete() throws IOException {
    List<CompletedPart> sorted;
    synchronized (parts) {
      sorted = parts.stream().sorted(Comparator.comparing(CompletedPart::partNumber)).toList();
    }
    String id = uploadId;
    try {
      storage
          .client()
          .completeMultipartUpload(
              b ->
                  b.bucket(storage.bucket())
                      .key(key)
                      .uploadId(id)
                      .multipartUpload(u -> u.parts(sorted)));
    } catch (SdkException e) {
      throw storage.error(e, key);
    }
    state = State.PUBLISHED;
  }

  /**
   * Aborts the upload unless it was completed; waits for parts in flight first, so none lands after
   * the abort. Runs even when the calling thread is interrupted (Ctrl-C, SIGTERM). An endpoint that
   * does not answer is asked again every second for up to {@value #ABORT_PATIENCE_SECONDS} seconds;
   * after that the upload is left pending and a line on standard error names the command that
   * aborts it later.
   */
  @Override
  public void discard() {
    discard(
        System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(ABORT_PATIENCE_SECONDS));
  }

  /** As {@link #discard()}, giving up on an endpoint that does not answer at {@code deadline}. */
  synchronized void discard(long deadline) {
    if (state == State.PUBLISHED || state == State.DISCARDED) {
      return;
    }
    state = State.DISCARDED;
    buffer = null;
    boolean interrupted = Thread.interrupted();
    try {
      for (Future<?> upload : uploads) {
        try {
          upload.get();
        } catch (InterruptedException | ExecutionException e) {
          // abort below deletes whatever parts landed
        }
      }
      abortUpload(deadline);
    } finally {
      if (interrupted || interruptedWhileAborting) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void abortUpload(long deadline) {
    String id = uploadId;
    while (true) {
      try {
        storage
            .client()
            .abortMultipartUpload(b -> b.bucket(storage.bucket()).key(key).uploadId(id));
        // As the S3 API reference advises: a part that was still being stored can outlive an
        // abort, so the upload is looked up again and aborted again while it is listed.
        if (!stillListed(id)) {
          return;
        }
        if (!waitToAskAgain(null, deadline)) {
          return;
        }
      } catch (S3Exception e) {
        // A refusal (4xx) ends the abort only when the upload is gone (NoSuchUpload); while it is
        // still listed, as after an answer from a server that was still starting, it is asked
        // again until the deadline.
        if (e.statusCode() < 500 && e.statusCode() != 429 && !stillListed(id)) {
          return;
        }
        if (!waitToAskAgain(e, deadline)) {
          return;
        }
      } catch (SdkException e) {
        if (!waitToAskAgain(e, deadline)) {
          return;
        }
      }
    }
  }

  /** Whether the upload is still listed; true when the listing itself fails (not known gone). */
  private boolean stillListed(String id) {
    try {
      return storage
          .client()
          .listMultipartUploads(b -> b.bucket(storage.bucket()).prefix(key))
          .uploads()
          .stream()
          .anyMatch(u -> u.uploadId().equals(id));
    } catch (SdkException e) {
      return true;
    }
  }

  /**
   * After a failed abort ({@code e}, or null when the upload is still listed after it): waits a
   * second and returns true while the deadline is ahead; past it, says on standard error how to
   * abort the upload later and returns false.
   */
  private boolean waitToAskAgain(SdkException e, long deadline) {
    if (System.nanoTime() > deadline) {
      System.err.println(
          "cqlp: the upload of "
              + target()
              + " could not be aborted ("
              + (e == null
                  ? "it is still listed after its abort"
                  : storage.error(e, key).getMessage())
              + "); when the endpoint answers again, run ABORT UPLOADS '"
              + target()
              + "'.");
      return false;
    }
    // An interrupt (Ctrl-C, or a thread winding the export down) does not cut the abort short: the
    // deadline bounds it, and discard() sets the interrupt again when it returns.
    long wake = System.nanoTime() + 1_000_000_000L;
    for (long left = wake - System.nanoTime(); left > 0; left = wake - System.nanoTime()) {
      try {
        Thread.sleep(Math.max(1, left / 1_000_000));
      } catch (InterruptedException stop) {
        interruptedWhileAborting = true;
      }
    }
    return true;
  }

  /** Whether an interrupt came while {@link #waitToAskAgain} waited; set again after discard. */
  private boolean interruptedWhileAborting;

  /** The content stream; closing it does not publish. */
  private final class PartStream extends OutputStream {
    private final byte[] one = new byte[1];

    @Override
    public void write(int b) throws IOException {
      one[0] = (byte) b;
      S3StagedFile.this.write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      S3StagedFile.this.write(b, off, len);
    }

    @Override
    public void close() {
      // publish or discard ends the upload
    }
  }
}
