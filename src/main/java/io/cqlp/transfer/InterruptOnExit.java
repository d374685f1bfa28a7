package io.cqlp.transfer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, makes a JVM shutdown (SIGINT in a script, SIGTERM) interrupt the thread that opened
 * it and wait, up to {@link #GRACE_SECONDS} seconds, for that thread to close it: so a transfer
 * killed this way ends as one interrupted at the prompt (staging files removed, a resumable
 * checkpoint kept) instead of leaving half-written files behind. The exit status stays the JVM's
 * (130 for SIGINT, 143 for SIGTERM).
 */
public final class InterruptOnExit implements AutoCloseable {
  /** Longest wait of the shutdown for the transfer to clean up. */
  public static final int GRACE_SECONDS = 10;

  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;
  private boolean registered;

  private InterruptOnExit(Thread worker) {
    this.hook =
        new Thread(
            () -> {
              worker.interrupt();
              try {
                closed.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "cqlp-transfer-interrupt");
  }

  /** Registers the shutdown hook for the calling thread; close it in the same thread. */
  public static InterruptOnExit install() {
    InterruptOnExit guard = new InterruptOnExit(Thread.currentThread());
    try {
      Runtime.getRuntime().addShutdownHook(guard.hook);
      guard.registered = true;
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting: nothing to guard
    }
    return guard;
  }

  /** Releases a waiting shutdown and removes the hook. Never throws. */
  @Override
  public void close() {
    closed.countDown();
    if (registered) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the latch is released
      }
      registered = false;
    }
  }
}
