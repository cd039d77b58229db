package dev.weft.engine;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits that end the test instead of hanging it: if the engine never lets the awaited thing
 * happen (it ran tasks one at a time, lost a task, held a worker…), the wait times out and
 * throws.
 */
final class Await {
  /** Long enough for a loaded machine; a correct engine never comes close. */
  static final long SECONDS = 10;

  private Await() {}

  static void latch(CountDownLatch latch) throws InterruptedException, TimeoutException {
    if (!latch.await(SECONDS, TimeUnit.SECONDS)) {
      throw new TimeoutException("latch still at " + latch.getCount() + " after " + SECONDS + " s");
    }
  }

  static void barrier(CyclicBarrier barrier)
      throws InterruptedException, TimeoutException, BrokenBarrierException {
    barrier.await(SECONDS, TimeUnit.SECONDS);
  }

  /** Whether {@code latch} opens in time; for assertions from the test thread. */
  static boolean opens(CountDownLatch latch) throws InterruptedException {
    return latch.await(SECONDS, TimeUnit.SECONDS);
  }

  /**
   * The run's result, as {@link RunHandle#await()} gives it, but failing with a {@link
   * TimeoutException} if the run does not end in time.
   */
  static RunResult result(RunHandle handle) throws Exception {
    try {
      return handle.future().get(SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception x) {
        throw x;
      }
      throw new AssertionError(cause);
    }
  }

  /**
   * Waits until {@code worker} is no longer running: parked in its pool, blocked or dead. For a
   * test that must let a worker finish what it does after a task's body, where no latch can be.
   */
  static void stopsRunning(Thread worker) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    while (worker.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }
}
