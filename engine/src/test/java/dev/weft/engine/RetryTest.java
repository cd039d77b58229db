package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.Range;
import dev.weft.engine.TaskOutcome.Status;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @Task(retries)}: a failing invocation is repeated, with exponential back-off. */
@Timeout(60)
class RetryTest {

  /** A task that throws on its first {@code failures} invocations, then returns 7. */
  private static Key<Integer> flaky(TestFlow flow, AtomicInteger calls, int failures, int retries) {
    return flow.task("flaky", args -> {
      int call = calls.incrementAndGet();
      if (call <= failures) {
        throw new IllegalStateException("attempt " + call);
      }
      return 7;
    }, spec -> spec.retries(retries));
  }

  @Test
  void retries_failingTwiceThenSucceeding_isExecutedWithThreeAttempts() {
    AtomicInteger calls = new AtomicInteger();
    TestFlow flow = TestFlow.named("r");
    Key<Integer> flaky = flaky(flow, calls, 2, 2);

    try (Weft weft = Weft.builder().parallelism(2).retryBaseDelay(Duration.ZERO).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), flaky);

      assertThat(result.get(flaky)).isEqualTo(7);
      TaskOutcome outcome = result.outcome("flaky");
      assertThat(outcome.status()).isEqualTo(Status.EXECUTED);
      assertThat(outcome.attempts()).isEqualTo(3);
    }
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void retries_failingThreeTimes_isFailedWithThreeAttempts() {
    AtomicInteger calls = new AtomicInteger();
    TestFlow flow = TestFlow.named("r");
    Key<Integer> flaky = flaky(flow, calls, 3, 2);

    try (Weft weft = Weft.builder()
        .parallelism(2).retryBaseDelay(Duration.ofMillis(1)).keepGoing(true).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), flaky);

      TaskOutcome outcome = result.outcome("flaky");
      assertThat(outcome.status()).isEqualTo(Status.FAILED);
      assertThat(outcome.attempts()).isEqualTo(3);
      assertThat(outcome.failure().orElseThrow()).hasMessageThat().isEqualTo("attempt 3");
      TaskFailedException e = assertThrows(TaskFailedException.class, () -> result.get(flaky));
      assertThat(e).hasMessageThat()
          .isEqualTo("task 'flaky' failed: java.lang.IllegalStateException: attempt 3");
    }
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void noRetries_failsOnFirstAttempt() {
    AtomicInteger calls = new AtomicInteger();
    TestFlow flow = TestFlow.named("r");
    Key<Integer> flaky = flaky(flow, calls, 1, 0);

    try (Weft weft = Weft.builder().parallelism(2).retryBaseDelay(Duration.ZERO).build()) {
      assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), flaky, Inputs.empty()));
    }
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void retries_waitForRetryBaseDelay_doublingEachTime() {
    // Lower bounds only: the back-off is a delay the engine must respect, not a speed.
    Queue<Long> starts = new ConcurrentLinkedQueue<>();
    AtomicInteger calls = new AtomicInteger();
    TestFlow flow = TestFlow.named("r");
    Key<Integer> flaky = flow.task("flaky", args -> {
      starts.add(System.nanoTime());
      if (calls.incrementAndGet() <= 2) {
        throw new IllegalStateException("not yet");
      }
      return 1;
    }, spec -> spec.retries(2));

    try (Weft weft = Weft.builder().parallelism(2).retryBaseDelay(Duration.ofMillis(50)).build()) {
      assertThat(weft.compute(flow.build(), flaky, Inputs.empty())).isEqualTo(1);
    }
    List<Long> at = List.copyOf(starts);
    assertThat(at).hasSize(3);
    assertThat(TimeUnit.NANOSECONDS.toMillis(at.get(1) - at.get(0))).isAtLeast(50);
    assertThat(TimeUnit.NANOSECONDS.toMillis(at.get(2) - at.get(1))).isAtLeast(100);
  }

  @Test
  void retryDelay_doublesFromBase_andIsCappedAtOneMinute() {
    try (Weft weft = Weft.builder().parallelism(1).retryBaseDelay(Duration.ofMillis(100)).build()) {
      assertThat(weft.retryDelayNanos(1)).isEqualTo(Duration.ofMillis(100).toNanos());
      assertThat(weft.retryDelayNanos(2)).isEqualTo(Duration.ofMillis(200).toNanos());
      assertThat(weft.retryDelayNanos(3)).isEqualTo(Duration.ofMillis(400).toNanos());
      assertThat(weft.retryDelayNanos(11)).isEqualTo(Duration.ofMinutes(1).toNanos());
      assertThat(weft.retryDelayNanos(1000)).isEqualTo(Duration.ofMinutes(1).toNanos());
    }
  }

  @Test
  void retryDelay_staysCapped_whenDoublingWouldOverflow() {
    // 10 s doubled 30 times is more than a long holds in nanoseconds.
    try (Weft weft = Weft.builder().parallelism(1).retryBaseDelay(Duration.ofSeconds(10)).build()) {
      for (int attempt = 1; attempt <= 40; attempt++) {
        assertThat(weft.retryDelayNanos(attempt)).isIn(
            Range.closed(0L, Duration.ofMinutes(1).toNanos()));
      }
    }
  }

  @Test
  void retries_ofTimedOutAttempt_runAgain() {
    AtomicInteger calls = new AtomicInteger();
    TestFlow flow = TestFlow.named("r");
    Key<Integer> slowOnce = flow.task("slowOnce", args -> {
      if (calls.incrementAndGet() == 1) {
        Await.latch(new CountDownLatch(1)); // until the timeout interrupts it
      }
      return 5;
    }, spec -> spec.retries(1).timeout(Duration.ofMillis(100)));

    try (Weft weft = Weft.builder().parallelism(2).retryBaseDelay(Duration.ZERO).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), slowOnce);

      assertThat(result.get(slowOnce)).isEqualTo(5);
      assertThat(result.outcome("slowOnce").attempts()).isEqualTo(2);
    }
  }

  @Test
  void retries_afterRunStopped_areNotAttempted() throws Exception {
    // `flaky` fails its first attempt while `bad` fails for good: the run stops, and the retry,
    // due a long back-off later, must not start.
    CountDownLatch flakyFailed = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    TestFlow flow = TestFlow.named("r");
    flow.task("flaky", args -> {
      calls.incrementAndGet();
      flakyFailed.countDown();
      throw new IllegalStateException("flaky");
    }, spec -> spec.retries(5));
    flow.task("bad", args -> {
      Await.latch(flakyFailed);
      throw new IllegalStateException("bad");
    });

    Weft weft = Weft.builder().parallelism(2).retryBaseDelay(Duration.ofMillis(200)).build();
    try (weft) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.run(flow.build(), Inputs.empty()));
      assertThat(e.task()).isEqualTo("bad");
      // The timer runs its tasks in time order: once this one has run, so has the retry's.
      CountDownLatch retryDue = new CountDownLatch(1);
      weft.timer.schedule(retryDue::countDown, 300, TimeUnit.MILLISECONDS);
      Await.latch(retryDue);
    }
    // Closed: the workers have stopped, so a retry that slipped through has been counted.
    assertThat(calls.get()).isEqualTo(1);
  }
}
