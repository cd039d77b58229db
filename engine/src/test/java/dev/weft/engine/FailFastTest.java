package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TaskOutcome.Status;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * By default the first failure stops the run: nothing more starts, running tasks are interrupted.
 */
@Timeout(60)
class FailFastTest {

  @Test
  void failFast_throwsTaskFailedException_namingTaskCauseAndPath() {
    IOException diskFull = new IOException("disk full");
    TestFlow flow = TestFlow.named("ff");
    Key<Integer> x = flow.input("x");
    Key<Integer> a = flow.task("a", args -> args.get(x) + 1, x);
    Key<Integer> b = flow.task("b", args -> {
      throw diskFull;
    }, a);
    Key<Integer> c = flow.task("c", args -> args.get(b) + 1, b);
    Key<Integer> d = flow.task("d", args -> args.get(c) + 1, c);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.run(flow.build(), Inputs.of(x, 1), d));

      assertThat(e.task()).isEqualTo("b");
      assertThat(e.getCause()).isSameInstanceAs(diskFull);
      assertThat(e.path()).containsExactly("b", "c", "d").inOrder();
      assertThat(e).hasMessageThat()
          .isEqualTo("task 'b' failed: java.io.IOException: disk full (needed by b -> c -> d)");
    }
  }

  @Test
  void failFast_failedTarget_messageHasNoPath() {
    TestFlow flow = TestFlow.named("ff");
    Key<Integer> b = flow.task("b", args -> {
      throw new IllegalStateException("boom");
    });

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), b, Inputs.empty()));

      assertThat(e).hasMessageThat()
          .isEqualTo("task 'b' failed: java.lang.IllegalStateException: boom");
      assertThat(e.path()).containsExactly("b");
    }
  }

  @Test
  void failFast_noTargets_pathLeadsToNearestTaskNothingDependsOn() {
    TestFlow flow = TestFlow.named("ff");
    Key<Integer> bad = flow.task("bad", args -> {
      throw new IllegalStateException("boom");
    });
    Key<Integer> far = flow.task("far", args -> args.get(bad), bad);
    flow.task("farther", args -> args.get(far), far);
    flow.task("near", args -> args.get(bad), bad);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.run(flow.build(), Inputs.empty()));

      assertThat(e).hasMessageThat().endsWith("(needed by bad -> near)");
    }
  }

  @Test
  void failFast_errorThrownByTask_isItsFailure() {
    StackOverflowError error = new StackOverflowError("too deep");
    TestFlow flow = TestFlow.named("ff");
    Key<Integer> deep = flow.task("deep", args -> {
      throw error;
    });

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), deep, Inputs.empty()));

      assertThat(e.getCause()).isSameInstanceAs(error);
    }
  }

  @Test
  void failFast_cancelsTasksNotStarted_andInterruptsRunningSibling() throws Exception {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch slowInterrupted = new CountDownLatch(1);
    AtomicInteger notToRun = new AtomicInteger();
    TestFlow flow = TestFlow.named("ff");
    Key<Integer> slow = flow.task("slow", args -> {
      slowStarted.countDown();
      try {
        Await.latch(new CountDownLatch(1));
        return 0;
      } catch (InterruptedException e) {
        slowInterrupted.countDown();
        throw e;
      }
    });
    Key<Integer> bad = flow.task("bad", args -> {
      Await.latch(slowStarted);
      throw new IllegalStateException("bad");
    });
    // Ready from the start, but both workers are busy with slow and bad: it waits in the pool.
    Key<Integer> queued = flow.task("queued", args -> notToRun.incrementAndGet());
    Key<Integer> afterSlow = flow.task("afterSlow", args -> notToRun.incrementAndGet(), slow);
    Key<Integer> afterBad = flow.task("afterBad", args -> notToRun.incrementAndGet(), bad);
    Recorder recorder = new Recorder();

    try (Weft weft = Weft.builder().parallelism(2).listener(recorder).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.run(flow.build(), Inputs.empty(), afterSlow, afterBad, queued));

      assertThat(e.task()).isEqualTo("bad");
      assertThat(Await.opens(slowInterrupted)).isTrue();
    }
    // The Weft is closed: its workers have stopped, so whatever they were going to run has run.
    assertThat(notToRun.get()).isEqualTo(0);
    RunResult result = recorder.result();
    assertThat(result.outcome("bad").status()).isEqualTo(Status.FAILED);
    for (String task : new String[] {"slow", "queued", "afterSlow", "afterBad"}) {
      TaskOutcome outcome = result.outcome(task);
      assertThat(outcome.status()).isEqualTo(Status.CANCELLED);
      assertThat(outcome.reason()).isEqualTo("run stopped: task 'bad' failed");
    }
    assertThat(result.outcome("queued").attempts()).isEqualTo(0);
    assertThat(result.outcome("slow").attempts()).isEqualTo(1);
    assertThat(result.failures().stream().map(TaskOutcome::name).toList()).containsExactly("bad");
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void failFast_runHandle_futureFailsWithTheTaskFailure() throws Exception {
    TestFlow flow = TestFlow.named("ff");
    flow.task("bad", args -> {
      throw new IllegalStateException("bad");
    });

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle handle = weft.start(flow.build(), Inputs.empty());

      TaskFailedException e = assertThrows(TaskFailedException.class, () -> Await.result(handle));
      assertThat(e.task()).isEqualTo("bad");
      assertThat(assertThrows(TaskFailedException.class, handle::await)).isSameInstanceAs(e);
      assertThat(handle.isDone()).isTrue();
    }
  }
}
