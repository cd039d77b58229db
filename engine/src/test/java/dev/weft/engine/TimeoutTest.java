package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TaskOutcome.Status;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @Task(timeout)}: an attempt running past its limit is interrupted and fails. */
@Timeout(60)
class TimeoutTest {
  private static final String MESSAGE =
      "task 'slow' timed out after 100ms (its @Task timeout); it was interrupted";

  @Test
  void timeout_interruptsTask_andFailsNamingTaskAndLimit() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    TestFlow flow = TestFlow.named("t");
    flow.task("slow", args -> {
      try {
        Thread.sleep(10_000);
        return 0;
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    }, spec -> spec.timeout(Duration.ofMillis(100)));

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(flow.build(), Inputs.empty());

      // Well under the task's 10 s: the run ends at the timeout, not when the task would have.
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> handle.future().get(5, TimeUnit.SECONDS));
      TaskFailedException failure = (TaskFailedException) e.getCause();
      assertThat(failure.task()).isEqualTo("slow");
      assertThat(failure.getCause()).isInstanceOf(TimeoutException.class);
      assertThat(failure.getCause()).hasMessageThat().isEqualTo(MESSAGE);
      assertThat(failure).hasMessageThat()
          .isEqualTo("task 'slow' failed: java.util.concurrent.TimeoutException: " + MESSAGE);
      assertThat(Await.opens(interrupted)).isTrue();
    }
  }

  @Test
  void timeout_notReached_taskSucceeds() {
    TestFlow flow = TestFlow.named("t");
    Key<Integer> quick =
        flow.task("quick", args -> 3, spec -> spec.timeout(Duration.ofSeconds(30)));

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), quick);

      assertThat(result.get(quick)).isEqualTo(3);
      assertThat(result.outcome("quick").status()).isEqualTo(Status.EXECUTED);
    }
  }

  @Test
  void timeout_keepGoing_othersFinish() {
    TestFlow flow = TestFlow.named("t");
    flow.task("slow", args -> {
      Await.latch(new CountDownLatch(1));
      return 0;
    }, spec -> spec.timeout(Duration.ofMillis(100)));
    Key<Integer> other = flow.task("other", args -> 4);

    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      assertThat(result.get(other)).isEqualTo(4);
      TaskOutcome slow = result.outcome("slow");
      assertThat(slow.status()).isEqualTo(Status.FAILED);
      assertThat(slow.reason()).isEqualTo("java.util.concurrent.TimeoutException: " + MESSAGE);
    }
  }

  @Test
  void timeout_ofAsyncTask_cancelsTheFutureItAwaits() throws Exception {
    WatchedFuture<Integer> never = new WatchedFuture<>();
    TestFlow flow = TestFlow.named("t");
    Key<Integer> slow = flow.task("slow", args -> never,
        spec -> spec.async().timeout(Duration.ofMillis(100)));

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(flow.build(), Inputs.empty(), slow);

      ExecutionException e = assertThrows(ExecutionException.class,
          () -> handle.future().get(5, TimeUnit.SECONDS));
      assertThat(e.getCause().getCause()).hasMessageThat().isEqualTo(
          MESSAGE.replace("it was interrupted", "its future was cancelled"));
      assertThat(never.isCancelled()).isTrue();
    }
  }

  @Test
  void timedOutTask_leavesNoInterruptForTheNextTaskOnItsThread() throws Exception {
    // One worker: the task after the timed-out one runs on the same thread. The timed-out task
    // restores its interrupt flag, as well-behaved code does; the engine must clear it.
    CountDownLatch slowEnded = new CountDownLatch(1);
    AtomicBoolean nextSawInterrupt = new AtomicBoolean(true);
    TestFlow flow = TestFlow.named("t");
    Key<Integer> slow = flow.task("slow", args -> {
      try {
        Await.latch(new CountDownLatch(1));
        return 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      } finally {
        slowEnded.countDown();
      }
    }, spec -> spec.timeout(Duration.ofMillis(50)));
    Key<Integer> next = flow.task("next", args -> {
      nextSawInterrupt.set(Thread.currentThread().isInterrupted());
      return 1;
    });

    try (Weft weft = Weft.builder().parallelism(1).build()) {
      assertThrows(TaskFailedException.class, () -> weft.run(flow.build(), Inputs.empty(), slow));
      Await.latch(slowEnded);

      assertThat(weft.compute(flow.build(), next, Inputs.empty())).isEqualTo(1);
    }
    assertThat(nextSawInterrupt.get()).isFalse();
  }
}
