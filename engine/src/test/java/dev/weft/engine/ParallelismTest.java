package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Independent tasks overlap, up to {@code parallelism} and never more. Overlap is proven with a
 * barrier that every task must reach before any can leave: a scheduler running them one after
 * another deadlocks there, and the barrier's timeout fails the run.
 */
@Timeout(60)
class ParallelismTest {

  @Test
  void independentTasks_runConcurrently_upToParallelism() {
    int n = 4;
    CyclicBarrier barrier = new CyclicBarrier(n);
    TestFlow flow = TestFlow.named("p");
    List<Key<Integer>> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int value = i;
      keys.add(flow.task("t" + i, args -> {
        Await.barrier(barrier);
        return value;
      }));
    }

    try (Weft weft = Weft.builder().parallelism(n).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      for (int i = 0; i < n; i++) {
        assertThat(result.get(keys.get(i))).isEqualTo(i);
      }
    }
  }

  @Test
  void dependentsFreedByOneTask_runConcurrently() {
    // The worker finishing `root` frees all n dependents at once; it may run one itself, but must
    // hand the others to idle workers rather than run them after each other.
    int n = 3;
    CyclicBarrier barrier = new CyclicBarrier(n);
    TestFlow flow = TestFlow.named("p");
    Key<Integer> root = flow.task("root", args -> 10);
    List<Key<Integer>> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int value = i;
      keys.add(flow.task("t" + i, args -> {
        Await.barrier(barrier);
        return args.get(root) + value;
      }, root));
    }

    try (Weft weft = Weft.builder().parallelism(n).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), keys.toArray(new Key<?>[0]));

      assertThat(result.get(keys.get(2))).isEqualTo(12);
    }
  }

  @Test
  void parallelismOne_neverOverlaps_andUsesOneThread() {
    Gauge gauge = new Gauge();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    TestFlow flow = TestFlow.named("p");
    for (int i = 0; i < 200; i++) {
      flow.task("t" + i, args -> {
        gauge.enter();
        threads.add(Thread.currentThread());
        gauge.exit();
        return 0;
      });
    }

    try (Weft weft = Weft.builder().parallelism(1).build()) {
      weft.run(flow.build(), Inputs.empty());
    }

    assertThat(gauge.max()).isEqualTo(1);
    assertThat(threads).hasSize(1);
  }

  @Test
  void shortTasks_reachButNeverExceedParallelism() {
    int parallelism = 3;
    Gauge gauge = new Gauge();
    // The first `parallelism` tasks wait for each other, so the count must reach the limit.
    CountDownLatch firstWave = new CountDownLatch(parallelism);
    TestFlow flow = TestFlow.named("p");
    for (int i = 0; i < 200; i++) {
      flow.task("t" + i, args -> {
        gauge.enter();
        try {
          firstWave.countDown();
          Await.latch(firstWave);
          return 0;
        } finally {
          gauge.exit();
        }
      });
    }

    try (Weft weft = Weft.builder().parallelism(parallelism).build()) {
      weft.run(flow.build(), Inputs.empty());
    }

    assertThat(gauge.max()).isEqualTo(parallelism);
  }

  @Test
  void blockedTasks_doNotLetMoreTasksStart() throws Exception {
    // A worker blocked in a Condition (as in CyclicBarrier) may make a ForkJoinPool add a spare
    // thread. Here only 2 of the 3 parties can ever arrive, so the barrier must time out; had the
    // pool let a third task run beside the two blocked ones, the barrier would trip instead.
    CyclicBarrier threeParties = new CyclicBarrier(3);
    Gauge gauge = new Gauge();
    TestFlow flow = TestFlow.named("p");
    for (int i = 0; i < 3; i++) {
      flow.task("t" + i, args -> {
        gauge.enter();
        try {
          threeParties.await(500, TimeUnit.MILLISECONDS);
          return 3;
        } catch (TimeoutException | BrokenBarrierException expected) {
          return 2;
        } finally {
          gauge.exit();
        }
      });
    }

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      assertThat(result.get(flow.key("t0"))).isEqualTo(2);
    }
    assertThat(gauge.max()).isEqualTo(2);
  }

  @Test
  void concurrentRuns_ofOneWeft_overlap() throws Exception {
    // Each run has one task, and the two tasks wait for each other: the runs must not queue.
    CyclicBarrier both = new CyclicBarrier(2);
    TestFlow flow = TestFlow.named("p");
    Key<Integer> meet = flow.task("meet", args -> {
      Await.barrier(both);
      return 1;
    });

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunHandle first = weft.start(flow.build(), Inputs.empty());
      RunHandle second = weft.start(flow.build(), Inputs.empty());

      assertThat(Await.result(first).get(meet)).isEqualTo(1);
      assertThat(Await.result(second).get(meet)).isEqualTo(1);
    }
  }

  @Test
  void parallelism_defaultsToAvailableProcessors() {
    try (Weft weft = Weft.builder().build()) {
      assertThat(weft.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
  }
}
