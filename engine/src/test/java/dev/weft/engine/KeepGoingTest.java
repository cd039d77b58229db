package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TaskOutcome.Status;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code keepGoing(true)}: what does not depend on a failure runs to the end; what does is
 * SKIPPED; the run returns a result listing the failures.
 */
@Timeout(60)
class KeepGoingTest {
  private final IllegalStateException broke = new IllegalStateException("broke");
  private final AtomicInteger skippedCalls = new AtomicInteger();

  /** a -> d on one side; bad -> b -> c on the other; c and d are the targets. */
  private final TestFlow flow = TestFlow.named("kg");
  private final Key<Integer> a = flow.task("a", args -> 1);
  private final Key<Integer> bad = flow.task("bad", args -> {
    throw broke;
  });
  private final Key<Integer> b = flow.task("b", args -> skippedCalls.incrementAndGet(), bad);
  private final Key<Integer> c = flow.task("c", args -> skippedCalls.incrementAndGet(), b);
  private final Key<Integer> d = flow.task("d", args -> args.get(a) + 1, a);

  @Test
  void keepGoing_skipsDependentsOfFailedTask_transitively() {
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), c, d);

      assertThat(result.outcome("bad").status()).isEqualTo(Status.FAILED);
      assertThat(result.outcome("b").status()).isEqualTo(Status.SKIPPED);
      assertThat(result.outcome("c").status()).isEqualTo(Status.SKIPPED);
      assertThat(result.outcome("b").reason()).isEqualTo("upstream 'bad' failed");
      assertThat(result.outcome("c").reason()).isEqualTo("upstream 'bad' failed");
      assertThat(result.outcome("c").attempts()).isEqualTo(0);
    }
    assertThat(skippedCalls.get()).isEqualTo(0);
  }

  @Test
  void keepGoing_independentBranchFinishes_andRunReturnsNormally() {
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), c, d);

      assertThat(result.get(d)).isEqualTo(2);
      assertThat(result.outcome("a").status()).isEqualTo(Status.EXECUTED);
      assertThat(result.outcome("d").status()).isEqualTo(Status.EXECUTED);
      assertThat(result.failures()).hasSize(1);
      TaskOutcome failure = result.failures().get(0);
      assertThat(failure.name()).isEqualTo("bad");
      assertThat(failure.failure()).hasValue(broke);
      assertThat(failure.reason()).isEqualTo("java.lang.IllegalStateException: broke");
      assertThat(result.succeeded()).isFalse();
      assertThat(result.toString()).isEqualTo("RunResult{kg: 2 executed, 1 failed, 2 skipped}");
    }
  }

  @Test
  void keepGoing_getOfFailedOrSkippedTarget_throwsNamingFailedTask() {
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), bad, c, d);

      TaskFailedException ofFailed = assertThrows(TaskFailedException.class, () -> result.get(bad));
      TaskFailedException ofSkipped = assertThrows(TaskFailedException.class, () -> result.get(c));

      assertThat(ofFailed.task()).isEqualTo("bad");
      assertThat(ofFailed.getCause()).isSameInstanceAs(broke);
      assertThat(ofSkipped.task()).isEqualTo("bad");
      assertThat(ofSkipped.getCause()).isSameInstanceAs(broke);
    }
  }

  @Test
  void keepGoing_computeStillThrows() {
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), c, Inputs.empty()));

      assertThat(e.task()).isEqualTo("bad");
      assertThat(e).hasMessageThat()
          .isEqualTo("task 'bad' failed: java.lang.IllegalStateException: broke"
              + " (needed by bad -> b -> c)");
    }
  }

  @Test
  void keepGoing_taskStartingAfterTheFailure_stillRuns() {
    // `late` can only start once `bad` has failed for good: a run that stopped at the failure
    // would cancel it.
    CountDownLatch badFailed = new CountDownLatch(1);
    RunListener onFailure = new RunListener() {
      @Override
      public void taskFailed(TaskOutcome outcome) {
        if (outcome.name().equals("bad")) {
          badFailed.countDown();
        }
      }
    };
    TestFlow flow = TestFlow.named("kg");
    flow.task("bad", args -> {
      throw broke;
    });
    Key<Integer> waiting = flow.task("waiting", args -> {
      Await.latch(badFailed);
      return 1;
    });
    Key<Integer> late = flow.task("late", args -> args.get(waiting) + 1, waiting);

    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).listener(onFailure).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      assertThat(result.get(late)).isEqualTo(2);
      assertThat(result.failures()).hasSize(1);
    }
  }

  @Test
  void keepGoing_taskWithTwoFailedUpstreams_isSkippedOnce() {
    TestFlow flow = TestFlow.named("kg");
    Key<Integer> left = flow.task("left", args -> {
      throw new IllegalStateException("left");
    });
    Key<Integer> right = flow.task("right", args -> {
      throw new IllegalStateException("right");
    });
    Key<Integer> both = flow.task("both", args -> 0, left, right);
    Recorder recorder = new Recorder();

    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).listener(recorder).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), both);

      assertThat(result.failures()).hasSize(2);
      assertThat(result.outcome("both").status()).isEqualTo(Status.SKIPPED);
      assertThat(Recorder.names(recorder.failed)).containsExactly("left", "right", "both");
    }
  }
}
