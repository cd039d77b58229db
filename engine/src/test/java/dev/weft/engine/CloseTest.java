package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Weft.close()}: cancels the runs in flight and stops every thread of the Weft. */
@Timeout(60)
class CloseTest {

  @Test
  void close_cancelsRunInFlight_andInterruptsItsTasks() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    TestFlow flow = TestFlow.named("closing");
    flow.task("blocks", args -> {
      started.countDown();
      try {
        Await.latch(new CountDownLatch(1));
        return 0;
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    });
    Weft weft = Weft.builder().parallelism(2).build();
    RunHandle handle = weft.start(flow.build(), Inputs.empty());
    Await.latch(started);

    weft.close();

    assertThat(Await.opens(interrupted)).isTrue();
    assertThrows(CancellationException.class, handle::await);
  }

  @Test
  void close_runInFlightEndsWithAMessageSayingSo() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    TestFlow flow = TestFlow.named("closing");
    flow.task("blocks", args -> {
      started.countDown();
      Await.latch(new CountDownLatch(1));
      return 0;
    });
    Weft weft = Weft.builder().parallelism(2).build();
    RunHandle handle = weft.start(flow.build(), Inputs.empty());
    Await.latch(started);

    weft.close();

    assertThat(assertThrows(CancellationException.class, handle::await)).hasMessageThat()
        .isEqualTo("the Weft running flow 'closing' was closed");
  }

  @Test
  void closedWeft_refusesNewRuns() {
    TestFlow flow = TestFlow.named("closing");
    flow.task("one", args -> 1);
    Weft weft = Weft.builder().parallelism(2).build();
    weft.close();
    weft.close(); // idempotent

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> weft.run(flow.build(), Inputs.empty()));
    assertThat(e).hasMessageThat().isEqualTo("this Weft is closed; build a new one to run flows");
  }

  @Test
  void closing200Wefts_leavesNoThreadBehind() throws Exception {
    Set<Thread> before = weftThreads();
    TestFlow flow = TestFlow.named("closing");
    // Two independent tasks to start workers, and a timeout to start the timer thread.
    Key<Integer> a = flow.task("a", args -> 1, spec -> spec.timeout(Duration.ofSeconds(30)));
    Key<Integer> b = flow.task("b", args -> 2);
    Key<Integer> sum = flow.task("sum", args -> args.get(a) + args.get(b), a, b);
    for (int i = 0; i < 200; i++) {
      try (Weft weft = Weft.builder().parallelism(2).build()) {
        assertThat(weft.compute(flow.build(), sum, Inputs.empty())).isEqualTo(3);
      }
    }

    Set<Thread> after = weftThreads();
    after.removeAll(before);
    List<String> leaked = after.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    assertThat(leaked).isEmpty();
  }

  /** The live threads that a Weft names, "weft-<instance>-worker-<n>" and "weft-<n>-timer". */
  static Set<Thread> weftThreads() {
    Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
    threads.removeIf(t -> !t.getName().startsWith("weft-"));
    return threads;
  }
}
