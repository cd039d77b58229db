package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regressions found by review: runs that never ended when the engine's own bookkeeping met an
 * Error or a broken value, a fail-fast fan-out whose running elements were not interrupted, and a
 * timed-out body that ignored its interrupt while its permit and its retry went to others.
 */
@Timeout(60)
class EngineRobustnessTest {
  private static final TypeToken<List<String>> STRINGS = new TypeToken<>() {};
  private static final TypeToken<List<Integer>> INTS = new TypeToken<>() {};

  @Test
  void failFastFanOut_interruptsItsRunningElements() throws Exception {
    TestFlow flow = TestFlow.named("fan");
    Key<List<String>> words = flow.input(flow.key("words", STRINGS));
    CountDownLatch siblingRunning = new CountDownLatch(1);
    CountDownLatch siblingInterrupted = new CountDownLatch(1);
    Key<List<Integer>> lengths = flow.task(flow.key("lengths", INTS), args -> {
      if (args.<String>each(words).equals("bad")) {
        Await.latch(siblingRunning);
        throw new IllegalStateException("bad");
      }
      siblingRunning.countDown();
      try {
        Await.latch(new CountDownLatch(1));
        return 1;
      } catch (InterruptedException e) {
        siblingInterrupted.countDown();
        throw e;
      }
    }, spec -> spec.each(words), words);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThrows(TaskFailedException.class,
          () -> weft.run(flow.build(), Inputs.of(words, List.of("bad", "ok")), lengths));
      // Checked before close(), whose own interrupts would hide a failure to interrupt.
      assertThat(Await.opens(siblingInterrupted)).isTrue();
    }
  }

  @Test
  void listenerThrowingAnError_doesNotLeaveTheRunUnfinished() throws Exception {
    TestFlow flow = TestFlow.named("chain");
    Key<Integer> a = flow.task("a", args -> 1);
    Key<Integer> b = flow.task("b", args -> args.get(a) + 1, a);
    RunListener thrower = new RunListener() {
      @Override
      public void taskFinished(TaskOutcome outcome) {
        throw new AssertionError("a listener's assertion");
      }
    };

    try (Weft weft = Weft.builder().parallelism(2).listener(thrower).build()) {
      RunResult result = Await.result(weft.start(flow.build(), Inputs.empty(), b));

      assertThat(result.get(b)).isEqualTo(2);
    }
  }

  /** An exception whose message cannot be read. */
  static final class UnprintableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage is broken");
    }
  }

  @Test
  void taskThrowingAnUnprintableException_stillFailsTheRun() throws Exception {
    TestFlow flow = TestFlow.named("unprintable");
    Key<Integer> a = flow.task("a", args -> {
      throw new UnprintableException();
    });

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> Await.result(weft.start(flow.build(), Inputs.empty(), a)));

      assertThat(e.getMessage()).isEqualTo("task 'a' failed: "
          + UnprintableException.class.getName()
          + " (whose toString() threw java.lang.IllegalStateException)");
    }
  }

  @Test
  void fanOutOverACollectionWhoseElementsCannotBeRead_failsTheTask() throws Exception {
    TestFlow flow = TestFlow.named("unreadable");
    Key<List<String>> source = flow.task(flow.key("source", STRINGS), args -> new ArrayList<String>() {
      private static final long serialVersionUID = 1L;

      @Override
      public Object[] toArray() {
        throw new UnsupportedOperationException("no toArray");
      }
    }, spec -> {});
    Key<List<Integer>> lengths = flow.task(flow.key("lengths", INTS),
        args -> args.<String>each(source).length(), spec -> spec.each(source), source);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> Await.result(weft.start(flow.build(), Inputs.empty(), lengths)));

      assertThat(e.getMessage()).isEqualTo("task 'lengths' failed reading the"
          + " elements of 'source': java.lang.UnsupportedOperationException: no toArray");
    }
  }

  @Test
  void timedOutBodyIgnoringItsInterrupt_keepsItsPermit_andIsRetriedOnlyAfterItReturns() {
    TestFlow flow = TestFlow.named("limited");
    AtomicInteger tagged = new AtomicInteger();
    AtomicInteger maxTagged = new AtomicInteger();
    AtomicInteger slow = new AtomicInteger();
    AtomicInteger maxSlow = new AtomicInteger();
    flow.task("slow", args -> {
      maxTagged.accumulateAndGet(tagged.incrementAndGet(), Math::max);
      maxSlow.accumulateAndGet(slow.incrementAndGet(), Math::max);
      long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
      while (System.nanoTime() < end) {
        Thread.onSpinWait(); // deaf to its interrupt
      }
      slow.decrementAndGet();
      tagged.decrementAndGet();
      return 1;
    }, spec -> spec.limits("x").timeout(Duration.ofMillis(50)).retries(1));
    flow.task("other", args -> {
      maxTagged.accumulateAndGet(tagged.incrementAndGet(), Math::max);
      Thread.sleep(20);
      tagged.decrementAndGet();
      return 2;
    }, spec -> spec.limits("x"));

    try (Weft weft = Weft.builder().parallelism(4).limit("x", 1).keepGoing(true)
        .retryBaseDelay(Duration.ZERO).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      assertThat(result.outcome("slow").status()).isEqualTo(TaskOutcome.Status.FAILED);
      assertThat(result.outcome("slow").attempts()).isEqualTo(2);
      assertThat(result.outcome("other").status()).isEqualTo(TaskOutcome.Status.EXECUTED);
    }
    assertThat(maxTagged.get()).isEqualTo(1);
    assertThat(maxSlow.get()).isEqualTo(1);
  }
}
