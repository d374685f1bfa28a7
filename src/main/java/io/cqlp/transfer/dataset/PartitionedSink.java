package io.cqlp.transfer.dataset;

import io.cqlp.rows.PartFileSpec;
import io.cqlp.rows.PartWriterFactory;
import io.cqlp.rows.ResultColumns;
import io.cqlp.rows.RowSink;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes rows into a Hive-style dataset directory: each row goes to the part file of its partition
 * directory ({@link PartitionSpec#directory}), {@code part-00000.parquet}, {@code
 * part-00001.parquet}, ... per directory.
 *
 * <p>Bounds: at most {@code maxOpenFiles} part files are open at once; when a new partition needs a
 * writer and the cap is reached, the least recently written one is finished (committed) and closed.
 * A partition that comes back later gets a new part file with the next number: no file is ever
 * reopened, overwritten or truncated. Each writer buffers at most {@code 256 MiB / maxOpenFiles}
 * (between 1 MiB and 128 MiB) before it writes a row group out, so memory stays about 256 MiB
 * whatever the number of partitions. With MAX_FILE_SIZE, a part file is finished before the next
 * row would take its size ({@link RowSink#bytesWritten()}) past the limit, and the partition goes
 * on in the next part file.
 *
 * <p>A part file is finished (last row group, footer, forced to disk, renamed into place) by one of
 * {@value #FINISHERS} background threads, so the export does not wait for the disk; at most {@value
 * #PENDING} finished files wait for them at a time.
 *
 * <p>Everything is written under a {@link StagedDirectory}; {@link #commit()} finishes the open
 * files, waits for the background threads and publishes the directory; {@link #abort()} (or {@link
 * #close()} without commit) deletes it: the target gets the whole dataset or nothing. Not
 * thread-safe; see {@link RowSink}.
 */
public final class PartitionedSink implements RowSink {
  /** Memory the open writers of one export may buffer together, in bytes. */
  public static final long WRITER_MEMORY = 256L << 20;

  /** Threads that finish part files. */
  static final int FINISHERS = 4;

  /** Part files that may wait to be finished. */
  static final int PENDING = 8;

  private static final long MIN_ROW_GROUP_BYTES = 1L << 20;
  private static final long MAX_ROW_GROUP_BYTES = 128L << 20;

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private final DatasetCommitter staged;
  private final PartitionSpec spec;
  private final DatasetWriteOptions options;
  private final PartWriterFactory parts;
  private final long rowGroupBytes;
  private final Object[] fileRow;

  /** Open part files by relative directory, least recently written first. */
  private final LinkedHashMap<String, Part> open = new LinkedHashMap<>(16, 0.75f, true);

  /** Next part number by relative directory; one entry per partition seen. */
  private final Map<String, Integer> nextPart = new HashMap<>();

  private final ExecutorService finishers;
  private final Semaphore pending = new Semaphore(PENDING);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong closedBytes = new AtomicLong();
  private volatile boolean aborted;
  private State state = State.OPEN;
  private long rows;

  private static final class Part {
    final RowSink sink;
    long rows;

    Part(RowSink sink) {
      this.sink = sink;
    }
  }

  private PartitionedSink(
      DatasetCommitter staged,
      PartitionSpec spec,
      DatasetWriteOptions options,
      PartWriterFactory parts) {
    this.staged = staged;
    this.spec = spec;
    this.options = options;
    this.parts = parts;
    long share =
        spec.isPartitioned() ? WRITER_MEMORY / options.maxOpenFiles() : MAX_ROW_GROUP_BYTES;
    this.rowGroupBytes = Math.max(MIN_ROW_GROUP_BYTES, Math.min(MAX_ROW_GROUP_BYTES, share));
    this.fileRow = new Object[spec.fileColumns().size()];
    this.finishers =
        Executors.newFixedThreadPool(
            FINISHERS,
            r -> {
              Thread t = new Thread(r, "cqlp-part-finisher");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Checks the target and opens the staging directory.
   *
   * @param target the dataset directory: local ({@link StagedDirectory}) or in an object store
   *     ({@link ObjectStoreDataset})
   * @param spec the partition levels and the columns of the rows
   * @param options MAX_FILE_SIZE, MAX_OPEN_FILES and the write mode
   * @param parts opens each part file in the export's format
   * @return an open sink; nothing exists at {@code target} until it is committed
   * @throws io.cqlp.rows.TransferException if the target cannot take a dataset (see {@link
   *     StagedDirectory#create})
   * @throws IOException if the staging directory cannot be created
   */
  public static PartitionedSink open(
      Location target, PartitionSpec spec, DatasetWriteOptions options, PartWriterFactory parts)
      throws IOException {
    DatasetCommitter committer =
        target.isLocal()
            ? StagedDirectory.create(target.localPath(), options.mode())
            : ObjectStoreDataset.create(target, options.mode());
    return new PartitionedSink(committer, spec, options, parts);
  }

  /**
   * {@inheritDoc}
   *
   * @param row one value per column of the spec's {@link PartitionSpec#columns()}
   * @throws io.cqlp.rows.TransferException if a partition value is too long for a directory name
   * @throws IllegalStateException after commit or abort
   */
  @Override
  public void write(Object[] row) throws IOException {
    if (state != State.OPEN) {
      throw new IllegalStateException("the dataset '" + staged.targetLocation() + "' is closed");
    }
    checkFailure();
    String directory = spec.directory(row);
    Part part = open.get(directory);
    if (part == null) {
      part = openPart(directory);
    }
    part.sink.write(spec.project(row, fileRow));
    part.rows++;
    rows++;
    long limit = options.maxFileBytes();
    if (limit > 0) {
      long size = part.sink.bytesWritten();
      if (size + size / part.rows > limit) {
        finish(directory, part);
      }
    }
  }

  private Part openPart(String directory) throws IOException {
    if (open.size() >= options.maxOpenFiles()) {
      Iterator<Map.Entry<String, Part>> eldest = open.entrySet().iterator();
      Map.Entry<String, Part> entry = eldest.next();
      finish(entry.getKey(), entry.getValue());
    }
    if (staged.isDiscarded()) {
      throw new IOException("the export was cancelled");
    }
    int number = nextPart.merge(directory, 1, Integer::sum) - 1;
    Location file = staged.partFile(directory, String.format("part-%05d.parquet", number));
    RowSink sink =
        parts.open(
            new PartFileSpec(
                file,
                spec.fileColumns(),
                spec.pathColumns(),
                rowGroupBytes,
                options.maxFileBytes()));
    Part part = new Part(sink);
    open.put(directory, part);
    return part;
  }

  /** Hands a part file to the finishers, waiting while {@value #PENDING} wait already. */
  private void finish(String directory, Part part) throws IOException {
    open.remove(directory);
    try {
      pending.acquire();
    } catch (InterruptedException e) {
      part.sink.abort();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while finishing a part file");
    }
    finishers.execute(
        () -> {
          try {
            if (aborted) {
              part.sink.abort();
            } else {
              part.sink.commit();
              files.incrementAndGet();
              closedBytes.addAndGet(part.sink.bytesWritten());
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
            part.sink.abort();
          } finally {
            pending.release();
          }
        });
  }

  /** Waits until every part file handed to the finishers is finished. */
  private void awaitFinishers() throws IOException {
    finishers.shutdown();
    try {
      while (!finishers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
        // a part file is being finished
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while finishing the part files");
    }
    checkFailure();
  }

  private void checkFailure() throws IOException {
    Throwable t = failure.get();
    if (t instanceof IOException e) {
      throw new IOException(e.getMessage(), e);
    } else if (t instanceof RuntimeException e) {
      throw e;
    } else if (t != null) {
      throw new IOException("cannot finish a part file: " + t, t);
    }
  }

  /**
   * Finishes every open part file, then publishes the dataset ({@link DatasetCommitter#publish}).
   *
   * @throws IOException if a file cannot be finished or the dataset cannot be published; the
   *     staging directory is then deleted and the target left as it was
   */
  /** Takes a further result of the same columns only ({@link ResultColumns#requireSame}). */
  @Override
  public void beginResult(List<ColumnSpec> columns) {
    ResultColumns.requireSame(spec.columns(), columns, "a Parquet dataset");
  }

  @Override
  public void commit() throws IOException {
    if (state != State.OPEN) {
      throw new IllegalStateException("the dataset '" + staged.targetLocation() + "' is closed");
    }
    try {
      for (Map.Entry<String, Part> entry : new ArrayList<>(open.entrySet())) {
        finish(entry.getKey(), entry.getValue());
      }
      awaitFinishers();
      staged.publish();
      state = State.COMMITTED;
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  @Override
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    aborted = true;
    for (Part part : open.values()) {
      part.sink.abort();
    }
    open.clear();
    finishers.shutdown();
    boolean interrupted = Thread.interrupted();
    try {
      finishers.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    staged.discard();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public long rowsWritten() {
    return rows;
  }

  /** Bytes of the finished part files plus the current size of the open ones. */
  @Override
  public long bytesWritten() {
    long bytes = closedBytes.get();
    for (Part part : open.values()) {
      bytes += part.sink.bytesWritten();
    }
    return bytes;
  }

  /** Part files finished so far (all of them after commit; a few may still be finishing before). */
  public long filesWritten() {
    return files.get();
  }

  /** Partition directories written to; 0 when the dataset is not partitioned. */
  public long partitionCount() {
    return spec.isPartitioned() ? nextPart.size() : 0;
  }

  /** The dataset directory. */
  public Location target() {
    return staged.targetLocation();
  }

  /** Aborts unless committed or aborted. */
  @Override
  public void close() {
    abort();
  }

  /** Relative directories of the part files open now, least recently written first (tests). */
  List<String> openDirectories() {
    return List.copyOf(open.keySet());
  }
}
