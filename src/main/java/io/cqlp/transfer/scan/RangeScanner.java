package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs one scan statement per token range, up to {@code maxRequests} ranges at once, and hands the
 * decoded rows to one consumer a page at a time.
 *
 * <p>Each scanning thread pages through its range synchronously and decodes rows off the driver's
 * I/O threads. Pages go through a bounded queue, so memory is bounded by about {@code maxRequests +
 * queuePages} pages whatever the table's size: a slow writer stalls the scans. Rows of one range
 * come out in token order; ranges interleave. A failed query is retried ({@link RangeRetry}) from
 * the range's last paging state, so no row comes out twice. The host of every page and every retry
 * are counted, and logged with {@code --debug}, in {@link ScanStats}. Not reusable.
 */
public final class RangeScanner implements AutoCloseable {
  private static final ScanPage END = new ScanPage(-1, List.of(), null, true);

  private final CqlSession session;
  private final IntFunction<BoundStatement> statements;
  private final int rangeCount;
  private final int maxRequests;
  private final RowDecoder decoder;
  private final BlockingQueue<ScanPage> pages;
  private final AtomicInteger nextRange = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final Queue<ScanException.RangeFailure> failures = new ConcurrentLinkedQueue<>();
  private RangeRetry retry = RangeRetry.of(RangeRetry.DEFAULT_MAX_ATTEMPTS);
  private ScanStats stats = new ScanStats(null);
  private volatile boolean stopping;
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

  /**
   * Starts the scans.
   *
   * @return this scanner
   */
  public RangeScanner start() {
    running.set(maxRequests);
    for (int i = 0; i < maxRequests; i++) {
      threads.execute(this::scanRanges);
    }
    return this;
  }

  /**
   * Sets how failed range queries are retried (before {@link #start()}); by default each range gets
   * {@link RangeRetry#DEFAULT_MAX_ATTEMPTS} attempts.
   *
   * @param retry the retry policy
   * @return this scanner
   */
  public RangeScanner retry(RangeRetry retry) {
    this.retry = retry;
    return this;
  }

  /**
   * Sets where the scan's hosts and retries are counted and logged (before {@link #start()}); by
   * default a fresh {@link ScanStats} that logs nothing.
   *
   * @param stats the counters; not null
   * @return this scanner
   */
  public RangeScanner stats(ScanStats stats) {
    this.stats = stats;
    return this;
  }

  /** Where the scan's requests ran and which ranges were retried, so far. */
  public ScanStats stats() {
    return stats;
  }

  private void scanRanges() {
    try {
      int range;
      while (!cancelled && !stopping && (range = nextRange.getAndIncrement()) < rangeCount) {
        scanWithRetry(range);
      }
    } catch (InterruptedException e) {
      // closed
    } catch (Throwable t) {
      failures.add(new ScanException.RangeFailure(-1, t, 1));
      stopping = true;
    } finally {
      if (running.decrementAndGet() == 0) {
        try {
          while (!cancelled && !pages.offer(END, 100, TimeUnit.MILLISECONDS)) {
            // wait for the consumer
          }
        } catch (InterruptedException e) {
          // closed
        }
      }
    }
  }

  /**
   * Scans one range; a failed query is retried from the paging state after the last page handed on
   * (or the statement's own paging state, when it resumes a checkpoint), so no row is handed on
   * twice. A range that fails for good is recorded and stops new ranges from starting.
   */
  private void scanWithRetry(int range) throws InterruptedException {
    ByteBuffer[] resume = null;
    for (int attempt = 1; ; attempt++) {
      try {
        // Built in the loop: preparing the statement may itself fail while a node is down.
        BoundStatement statement = statements.apply(range);
        if (resume == null) {
          resume = new ByteBuffer[] {statement.getPagingState()};
        }
        scan(range, statement.setPagingState(resume[0]), resume);
        return;
      } catch (ExecutionException | RuntimeException e) {
        Throwable cause =
            e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cancelled) {
          return;
        }
        if (attempt >= retry.maxAttempts() || !RangeRetry.isRetryable(cause)) {
          failures.add(new ScanException.RangeFailure(range, cause, attempt));
          stopping = true;
          return;
        }
        stats.retrying(range, attempt, cause, resume != null && resume[0] != null);
        Thread.sleep(retry.delayMillis(attempt));
      }
    }
  }

  /** Pages through one range, asking for the next page before decoding the current one. */
  private void scan(int range, BoundStatement statement, ByteBuffer[] resume)
      throws InterruptedException, ExecutionException {
    AsyncResultSet result = await(session.executeAsync(statement).toCompletableFuture());
    String host = stats.page(range, 1, result.getExecutionInfo(), null);
    for (int number = 2; !cancelled; number++) {
      boolean last = !result.hasMorePages();
      CompletableFuture<AsyncResultSet> next =
          last ? null : result.fetchNextPage().toCompletableFuture();
      List<Object[]> rows = new ArrayList<>(result.remaining());
      for (Row row : result.currentPage()) {
        rows.add(decoder.decode(row));
      }
      ByteBuffer after = last ? null : result.getExecutionInfo().getPagingState();
      if (!rows.isEmpty() || last) {
        ScanPage page = new ScanPage(range, rows, after, last);
        while (!pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
          if (cancelled) {
            if (next != null) {
              next.cancel(true);
            }
            return;
          }
        }
        resume[0] = after;
      }
      if (next == null) {
        return;
      }
      result = await(next);
      host = stats.page(range, number, result.getExecutionInfo(), host);
    }
  }

  /** Waits for a page; on interruption (Ctrl-C, close) the driver request is cancelled. */
  private static AsyncResultSet await(CompletableFuture<AsyncResultSet> page)
      throws InterruptedException, ExecutionException {
    try {
      return page.get();
    } catch (InterruptedException e) {
      page.cancel(true);
      throw e;
    }
  }

  /**
   * The next page of decoded rows, waiting for one if needed.
   *
   * @return a page (never empty), or {@code null} when every range is scanned
   * @throws ScanException if ranges failed for good (after their retries), once the ranges already
   *     running have ended; no new range starts after a failure
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public List<Object[]> next() throws InterruptedException {
    ScanPage page;
    while ((page = nextPage()) != null) {
      if (!page.rows().isEmpty()) {
        return page.rows();
      }
    }
    return null;
  }

  /**
   * The next page with its range and resume point, waiting for one if needed; a range's last page
   * may be empty (it marks the range finished).
   *
   * @return a page, or {@code null} when every range is scanned
   * @throws ScanException as {@link #next()}
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public ScanPage nextPage() throws InterruptedException {
    while (!ended) {
      ScanPage page = pages.poll(100, TimeUnit.MILLISECONDS);
      if (page == END) {
        ended = true;
        if (!failures.isEmpty()) {
          throw new ScanException(List.copyOf(failures));
        }
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
