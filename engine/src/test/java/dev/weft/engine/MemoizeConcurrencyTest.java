package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Task;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Weft.memoize} across threads: one computation per key, whoever asks; a failed one is
 * taken over by a waiting call; a call that would wait for itself fails.
 */
@Timeout(60)
class MemoizeConcurrencyTest {

  /** Blocks inside its task until released, to hold two calls of it together. */
  static class Gate {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicReference<RuntimeException> failFirst = new AtomicReference<>();

    @Task
    String open(String key) throws Exception {
      calls.incrementAndGet();
      entered.countDown();
      Await.latch(release);
      RuntimeException failure = failFirst.getAndSet(null);
      if (failure != null) {
        throw failure;
      }
      return "opened " + key;
    }
  }

  /**
   * Waits until the call {@code thread} is making parks without a timeout: the memoizer's wait
   * for another call's claim. Inside the task it would park with a timeout, on the release latch.
   */
  private static void awaitWaiting(Thread thread, Future<?> call) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Await.SECONDS);
    // State first: a pool thread parks without a timeout once its call is done, too.
    while (thread.getState() != Thread.State.WAITING || call.isDone()) {
      if (call.isDone() || System.nanoTime() > deadline) {
        throw new AssertionError("the second call did not wait for the first; it is "
            + (call.isDone() ? "done" : thread.getState()));
      }
      Thread.sleep(1);
    }
  }

  @Test
  void memoize_twoThreadsWithEqualArguments_computeOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Weft weft = Weft.builder().build()) {
      Gate gate = weft.memoize(Gate.class);
      Future<String> first = pool.submit(() -> gate.open("k"));
      Await.latch(gate.entered);
      AtomicReference<Thread> secondThread = new AtomicReference<>();
      Future<String> second = pool.submit(() -> {
        secondThread.set(Thread.currentThread());
        return gate.open(new String("k"));
      });
      while (secondThread.get() == null) {
        Thread.onSpinWait();
      }

      awaitWaiting(secondThread.get(), second); // parked on the first call's claim
      gate.release.countDown();

      assertThat(first.get(Await.SECONDS, TimeUnit.SECONDS)).isEqualTo("opened k");
      assertThat(second.get(Await.SECONDS, TimeUnit.SECONDS)).isSameInstanceAs(
          first.get(Await.SECONDS, TimeUnit.SECONDS));
      assertThat(gate.calls.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void memoize_callWaitingOnAFailedCall_computesTheValueItself() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Weft weft = Weft.builder().build()) {
      Gate gate = weft.memoize(Gate.class);
      IllegalStateException failure = new IllegalStateException("first fails");
      gate.failFirst.set(failure);
      Future<String> first = pool.submit(() -> gate.open("k"));
      Await.latch(gate.entered);
      AtomicReference<Thread> secondThread = new AtomicReference<>();
      Future<String> second = pool.submit(() -> {
        secondThread.set(Thread.currentThread());
        return gate.open("k");
      });
      while (secondThread.get() == null) {
        Thread.onSpinWait();
      }

      awaitWaiting(secondThread.get(), second);
      gate.release.countDown();

      Exception thrown = assertThrows(Exception.class,
          () -> first.get(Await.SECONDS, TimeUnit.SECONDS));
      assertThat(thrown).hasCauseThat().isSameInstanceAs(failure);
      assertThat(second.get(Await.SECONDS, TimeUnit.SECONDS)).isEqualTo("opened k");
      assertThat(gate.calls.get()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Calls itself with its own arguments: endless in plain Java. */
  static class Recursive {
    @Task
    int loop(int n) {
      return loop(n) + 1;
    }
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a wait ignores interrupts
  void memoize_taskCallingItselfWithTheSameArguments_failsInsteadOfWaitingForever() {
    try (Weft weft = Weft.builder().build()) {
      Recursive recursive = weft.memoize(Recursive.class);

      IllegalStateException e = assertThrows(IllegalStateException.class, () -> recursive.loop(1));

      assertThat(e).hasMessageThat().isEqualTo("method Recursive.loop(int) of"
          + " dev.weft.engine.MemoizeConcurrencyTest$Recursive called itself with the same"
          + " arguments while computing them, so the call could never return; break the"
          + " recursion");
      assertThrows(IllegalStateException.class, () -> recursive.loop(1)); // nothing was cached
    }
  }
}
