package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.TaskOutcome.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link RunListener}s hear every task's events and the end of each run, and cannot break it. */
@Timeout(60)
class ListenerTest {
  private final AtomicInteger flakyCalls = new AtomicInteger();

  /** ok1, ok2 -> joined; bad -> afterBad; flaky succeeds on its second attempt. */
  private final TestFlow flow = TestFlow.named("l");
  private final Key<Integer> ok1 = flow.task("ok1", args -> 1);
  private final Key<Integer> ok2 = flow.task("ok2", args -> 2);
  private final Key<Integer> joined = flow.task("joined",
      args -> args.get(ok1) + args.get(ok2), ok1, ok2);
  private final Key<Integer> bad = flow.task("bad", args -> {
    throw new IllegalStateException("bad");
  });
  private final Key<Integer> afterBad = flow.task("afterBad", args -> 0, bad);
  private final Key<Integer> flaky = flow.task("flaky", args -> {
    if (flakyCalls.incrementAndGet() == 1) {
      throw new IllegalStateException("once");
    }
    return 3;
  }, spec -> spec.retries(1));

  private Weft.Builder weft() {
    return Weft.builder().parallelism(2).keepGoing(true).retryBaseDelay(Duration.ZERO);
  }

  @Test
  void listener_hearsEveryTask_andTheEndOfTheRunOnce() throws Exception {
    Recorder recorder = new Recorder();
    try (Weft weft = weft().listener(recorder).build()) {
      weft.run(flow.build(), Inputs.empty());
    }

    assertThat(recorder.runsStarted.get()).isEqualTo(1);
    assertThat(recorder.announcedTasks).isEqualTo(6);
    assertThat(recorder.started).containsExactly("ok1", "ok2", "joined", "bad", "flaky");
    assertThat(Recorder.names(recorder.finished)).containsExactly("ok1", "ok2", "joined", "flaky");
    assertThat(Recorder.names(recorder.failed)).containsExactly("bad", "afterBad");
    assertThat(recorder.failed.stream().map(TaskOutcome::status).toList())
        .containsExactly(Status.FAILED, Status.SKIPPED);
    TaskOutcome flakyOutcome = recorder.finished.stream()
        .filter(o -> o.name().equals("flaky")).findFirst().orElseThrow();
    assertThat(flakyOutcome.attempts()).isEqualTo(2);
    assertThat(recorder.runsFinished.get()).isEqualTo(1);
    assertThat(recorder.eventsBeforeRunFinished).isEqualTo(recorder.events());
    assertThat(recorder.result().tasks()).hasSize(6);
  }

  @Test
  void fanOutTask_startsAndFinishesOnce() throws Exception {
    Recorder recorder = new Recorder();
    TestFlow fan = TestFlow.named("fan");
    Key<List<Integer>> numbers = fan.input(fan.key("numbers", new TypeToken<List<Integer>>() {}));
    Key<List<Integer>> squares = fan.task(fan.key("squares", new TypeToken<List<Integer>>() {}),
        args -> args.<Integer>each(numbers) * args.<Integer>each(numbers),
        spec -> spec.each(numbers), numbers);
    try (Weft weft = weft().listener(recorder).build()) {
      assertThat(weft.compute(fan.build(), squares, Inputs.of(numbers, List.of(1, 2, 3))))
          .containsExactly(1, 4, 9);
    }

    assertThat(recorder.started).containsExactly("squares");
    assertThat(Recorder.names(recorder.finished)).containsExactly("squares");
  }

  @Test
  void throwingListener_breaksNeitherTheRunNorOtherListeners() throws Exception {
    RunListener throwing = new RunListener() {
      @Override
      public void runStarted(String flowName, int tasks) {
        throw new IllegalStateException("runStarted");
      }

      @Override
      public void taskStarted(String task) {
        throw new IllegalStateException("taskStarted");
      }

      @Override
      public void taskFinished(TaskOutcome outcome) {
        throw new IllegalStateException("taskFinished");
      }

      @Override
      public void taskFailed(TaskOutcome outcome) {
        throw new IllegalStateException("taskFailed");
      }

      @Override
      public void runFinished(RunResult result) {
        throw new IllegalStateException("runFinished");
      }
    };
    Recorder after = new Recorder();
    try (Weft weft = weft().listener(throwing).listener(after).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      assertThat(result.get(joined)).isEqualTo(3);
      assertThat(result.get(flaky)).isEqualTo(3);
      assertThrows(TaskFailedException.class, () -> result.get(afterBad));
    }
    assertThat(after.started).hasSize(5);
    assertThat(after.finished).hasSize(4);
    assertThat(after.failed).hasSize(2);
    assertThat(after.runsFinished.get()).isEqualTo(1);
  }

  @Test
  void throwingListener_failFastRunStillThrowsTheTaskFailure() {
    RunListener throwing = new RunListener() {
      @Override
      public void taskFailed(TaskOutcome outcome) {
        throw new IllegalStateException("listener");
      }
    };
    try (Weft weft = Weft.builder().parallelism(2).listener(throwing).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), afterBad, Inputs.empty()));

      assertThat(e.task()).isEqualTo("bad");
    }
  }

  @Test
  void noTaskEventAfterRunFinished_whenAFailureStopsTheRunWhileDependentsLaunch() throws Exception {
    // `ok` frees d0 and d1. While its worker delivers ok's taskFinished, before it launches
    // them, `bad` fails and the run is stopped, cancelling d0 and d1. The worker then goes on to
    // launch ok's dependents: an event for d0 or d1 after that would come after runFinished.
    CountDownLatch badMayFail = new CountDownLatch(1);
    CountDownLatch d1Cancelled = new CountDownLatch(1);
    AtomicReference<Thread> badThread = new AtomicReference<>();
    TestFlow flow = TestFlow.named("l");
    Key<Integer> ok = flow.task("ok", args -> 1);
    flow.task("bad", args -> {
      badThread.set(Thread.currentThread());
      Await.latch(badMayFail);
      throw new IllegalStateException("bad");
    });
    flow.task("d0", args -> 0, ok);
    flow.task("d1", args -> 1, ok);
    Recorder recorder = new Recorder() {
      @Override
      public void taskFinished(TaskOutcome outcome) {
        super.taskFinished(outcome);
        if (outcome.name().equals("ok")) {
          badMayFail.countDown();
          try {
            Await.latch(d1Cancelled);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          Await.stopsRunning(badThread.get()); // until bad's worker is done stopping the run
        }
      }

      @Override
      public void taskFailed(TaskOutcome outcome) {
        super.taskFailed(outcome);
        if (outcome.name().equals("d1")) {
          d1Cancelled.countDown();
        }
      }
    };

    try (Weft weft = Weft.builder().parallelism(2).listener(recorder).build()) {
      assertThrows(TaskFailedException.class, () -> weft.run(flow.build(), Inputs.empty()));
    }

    assertThat(recorder.result().outcome("d0").status()).isEqualTo(Status.CANCELLED);
    assertThat(recorder.events()).isEqualTo(recorder.eventsBeforeRunFinished);
  }
}
