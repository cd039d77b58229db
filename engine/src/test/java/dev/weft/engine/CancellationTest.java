package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TaskOutcome.Status;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code RunHandle.cancel()}: nothing more starts, running tasks are interrupted, the run ends. */
@Timeout(60)
class CancellationTest {
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch interrupted = new CountDownLatch(1);
  private final CountDownLatch returned = new CountDownLatch(1);
  private final AtomicInteger nextCalls = new AtomicInteger();

  /** `running` blocks until interrupted, then returns normally; `next` depends on it. */
  private final TestFlow flow = TestFlow.named("c");
  private final Key<Integer> running = flow.task("running", args -> {
    started.countDown();
    try {
      Await.latch(new CountDownLatch(1));
    } catch (InterruptedException e) {
      interrupted.countDown();
    } finally {
      returned.countDown();
    }
    return 1;
  });
  private final Key<Integer> next = flow.task("next", args -> nextCalls.incrementAndGet(), running);

  @Test
  void cancel_interruptsRunningTasks_startsNothingMore_andEndsTheRun() throws Exception {
    Recorder recorder = new Recorder();
    try (Weft weft = Weft.builder().parallelism(2).listener(recorder).build()) {
      RunHandle handle = weft.start(flow.build(), Inputs.empty(), next);
      Await.latch(started);

      assertThat(handle.cancel()).isTrue();

      assertThat(Await.opens(interrupted)).isTrue();
      assertThrows(CancellationException.class, handle::await);
      assertThat(handle.isDone()).isTrue();
      assertThat(handle.cancel()).isFalse();
      Await.latch(returned);
    }
    // `running` returned a value after its interrupt; the closed Weft's workers have stopped, so
    // `next` would have been counted had that value started it.
    assertThat(nextCalls.get()).isEqualTo(0);
    RunResult result = recorder.result();
    assertThat(result.outcome("running").status()).isEqualTo(Status.CANCELLED);
    assertThat(result.outcome("running").reason()).isEqualTo("run cancelled");
    assertThat(result.outcome("next").status()).isEqualTo(Status.CANCELLED);
    assertThat(result.outcome("next").attempts()).isEqualTo(0);
  }

  @Test
  void cancel_awaitThrowsTheRunsCancellation_withItsMessage() throws Exception {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(flow.build(), Inputs.empty(), next);
      Await.latch(started);
      handle.cancel();

      assertThat(assertThrows(CancellationException.class, handle::await))
          .hasMessageThat().isEqualTo("run of flow 'c' cancelled");
      Await.latch(returned);
    }
  }

  @Test
  void cancel_futureCompletesExceptionallyWithCancellation() throws Exception {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(flow.build(), Inputs.empty(), next);
      Await.latch(started);
      handle.cancel();

      Throwable failure = handle.future().handle((result, error) -> error)
          .get(Await.SECONDS, TimeUnit.SECONDS);
      if (failure instanceof CompletionException wrapped) {
        failure = wrapped.getCause();
      }
      assertThat(failure).isInstanceOf(CancellationException.class);
    }
  }

  @Test
  void cancel_futureBehavesAsACancelledFuture() throws Exception {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(flow.build(), Inputs.empty(), next);
      Await.latch(started);
      handle.cancel();
      Await.latch(returned);

      assertThrows(CancellationException.class,
          () -> handle.future().get(Await.SECONDS, TimeUnit.SECONDS));
      assertThrows(CancellationException.class, () -> handle.future().join());
      assertThat(handle.future().isCancelled()).isTrue();
    }
  }

  @Test
  void cancellingTheFuture_cancelsTheRun() throws Exception {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(flow.build(), Inputs.empty(), next);
      Await.latch(started);

      assertThat(handle.future().cancel(true)).isTrue();

      assertThat(Await.opens(interrupted)).isTrue();
      assertThrows(CancellationException.class, handle::await);
    }
    assertThat(nextCalls.get()).isEqualTo(0);
  }

  @Test
  void cancel_afterTheRunEnded_returnsFalse() throws Exception {
    TestFlow quick = TestFlow.named("q");
    Key<Integer> one = quick.task("one", args -> 1);
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(quick.build(), Inputs.empty());
      assertThat(Await.result(handle).get(one)).isEqualTo(1);

      assertThat(handle.cancel()).isFalse();
      assertThat(handle.await().get(one)).isEqualTo(1);
    }
  }

  @Test
  void cancel_cancelsTheFutureAnAsyncTaskAwaits() throws Exception {
    WatchedFuture<Integer> pending = new WatchedFuture<>();
    TestFlow async = TestFlow.named("a");
    async.task("waits", args -> pending, spec -> spec.async());
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(async.build(), Inputs.empty());
      Await.latch(pending.awaited);

      handle.cancel();

      assertThat(pending.isCancelled()).isTrue();
      assertThrows(CancellationException.class, handle::await);
    }
  }

  @Test
  void interruptingTheCaller_cancelsTheRun() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      Thread caller = new Thread(() -> {
        try {
          weft.run(flow.build(), Inputs.empty(), next);
        } catch (RuntimeException e) {
          thrown.set(e);
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      Await.latch(started);

      caller.interrupt();
      caller.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));

      assertThat(Await.opens(interrupted)).isTrue();
    }
    assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    assertThat(thrown.get()).hasMessageThat().isEqualTo("interrupted while waiting for flow 'c'");
    assertThat(thrown.get()).hasCauseThat().isInstanceOf(InterruptedException.class);
    assertThat(stillInterrupted.get()).isTrue();
  }

  @Test
  void cancelledTask_leavesNoInterruptForTheNextTaskOnItsThread() throws Exception {
    // One worker, and `running` swallows its interrupt after re-asserting it, as well-behaved
    // code does: the engine must clear it before the thread runs anything else.
    AtomicBoolean sawInterrupt = new AtomicBoolean(true);
    TestFlow reasserts = TestFlow.named("r");
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Key<Integer> first = reasserts.task("first", args -> {
      blocked.countDown();
      try {
        Await.latch(new CountDownLatch(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done.countDown();
      }
      return 0;
    });
    Key<Integer> second = reasserts.task("second", args -> {
      sawInterrupt.set(Thread.currentThread().isInterrupted());
      return 2;
    });
    try (Weft weft = Weft.builder().parallelism(1).build()) {
      RunHandle handle = weft.start(reasserts.build(), Inputs.empty(), first);
      Await.latch(blocked);
      handle.cancel();
      Await.latch(done);

      assertThat(weft.compute(reasserts.build(), second, Inputs.empty())).isEqualTo(2);
    }
    assertThat(sawInterrupt.get()).isFalse();
  }
}
