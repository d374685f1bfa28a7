package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs one scan statement per token range, up to {@code maxRequests} ranges at once, and hands
 * the decoded rows to one consumer a page at a time.
 *
 * <p>Each scanning thread pages through its range synchronously and decodes rows off the
 * driver's I/O threads. Pages go through a bounded queue, so memory is bounded by about {@code
 * maxRequests + queuePages} pages whatever the table's size: a slow writer stalls the scans.
 * Rows of one range come out in token order; ranges interleave. Not reusable.
 */
public final class RangeScanner implements AutoCloseable {
  private static final List<Object[]> END = new ArrayList<>();

  private final CqlSession session;
  private final IntFunction<BoundStatement> statements;
  private final int rangeCount;
  private final int maxRequests;
  private final RowDecoder decoder;
  private final BlockingQueue<List<Object[]>> pages;
  private final AtomicInteger nextRange = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final ExecutorService threads;
  private volatile boolean cancelled;
  private boolean ended;

  /**
   * @param session the session to scan with
   * @param statements the bound scan statement of range {@code i}, for {@code 0 <= i < rangeCount}
   *     (page size and consistency already set)
   * @param rangeCount number of ranges, {@code >= 1}
   * @param maxRequests ranges scanned at once, {@code >= 1}
   * @param queuePages decoded pages that may wait for the consumer, {@code >= 1}
   * @param decoder turns rows into value arrays
   */
  public RangeScanner(
      CqlSession session,
      IntFunction<BoundStatement> statements,
      int rangeCount,
      int maxRequests,
      int queuePages,
      RowDecoder decoder) {
    this.session = session;
    this.statements = statements;
    this.rangeCount = rangeCount;
    this.maxRequests = Math.min(maxRequests, rangeCount);
    this.decoder = decoder;
    this.pages = new ArrayBlockingQueue<>(queuePages + this.maxRequests);
    this.threads =
        Executors.newFixedThreadPool(
            this.maxRequests,
            r -> {
              Thread t = new Thread(r, "cqlp-scan");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the scans. */
  public void start() {
    running.set(maxRequests);
    for (int i = 0; i < maxRequests; i++) {
      threads.execute(this::scanRanges);
    }
  }

  private void scanRanges() {
    try {
      int range;
      while (!cancelled && (range = nextRange.getAndIncrement()) < rangeCount) {
        scan(statements.apply(range));
      }
      if (running.decrementAndGet() == 0) {
        pages.put(END);
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t instanceof ExecutionException ? t.getCause() : t);
      cancelled = true;
    }
  }

  /** Pages through one range, asking for the next page before decoding the current one. */
  private void scan(BoundStatement statement) throws InterruptedException, ExecutionException {
    AsyncResultSet result = session.executeAsync(statement).toCompletableFuture().get();
    while (!cancelled) {
      CompletableFuture<AsyncResultSet> next =
          result.hasMorePages() ? result.fetchNextPage().toCompletableFuture() : null;
      List<Object[]> page = new ArrayList<>(result.remaining());
      for (Row row : result.currentPage()) {
        page.add(decoder.decode(row));
      }
      if (!page.isEmpty()) {
        while (!pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
          if (cancelled) {
            return;
          }
        }
      }
      if (next == null) {
        return;
      }
      result = next.get();
    }
  }

  /**
   * The next page of decoded rows, waiting for one if needed.
   *
   * @return a page (never empty), or {@code null} when every range is scanned
   * @throws ScanException if a range's query failed; the other scans are stopped
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public List<Object[]> next() throws InterruptedException {
    while (!ended) {
      Throwable t = failure.get();
      if (t != null) {
        ended = true;
        throw new ScanException(t);
      }
      List<Object[]> page = pages.poll(100, TimeUnit.MILLISECONDS);
      if (page == END) {
        ended = true;
      } else if (page != null) {
        return page;
      }
    }
    return null;
  }

  /** Stops the scans; pages already queued are dropped. Safe to call more than once. */
  @Override
  public void close() {
    cancelled = true;
    pages.clear();
    threads.shutdownNow();
  }
}
