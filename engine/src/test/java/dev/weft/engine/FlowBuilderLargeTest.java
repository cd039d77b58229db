package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import dev.weft.engine.internal.FlowGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chain of a million code-built tasks: the shape that breaks anything recursive, and the size
 * at which per-task memory shows. The build time and heap are printed for the record, never
 * asserted: timing belongs in the JMH suite.
 */
class FlowBuilderLargeTest {

  private static final int TASKS = 1_000_000;
  private static final FlowBuilder.Fn1<Integer, Integer> NEXT = n -> n + 1;

  @Test
  void buildAndRun_millionTaskChain_withoutStackOverflow() throws Exception {
    long heapBefore = usedHeapAfterGc();
    resetPeaks();
    long start = System.nanoTime();

    FlowBuilder builder = Flow.builder("chain");
    Key<Integer> first = builder.input("start", Integer.class);
    Key<Integer> beforeLast = first;
    Key<Integer> last = first;
    for (int i = 1; i <= TASKS; i++) {
      beforeLast = last;
      last = builder.task("t" + i, NEXT, last);
    }
    Flow flow = builder.build();

    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = peakHeap();
    long retained = usedHeapAfterGc() - heapBefore;
    // Printed rather than given to JUnit's TestReporter, whose entries Surefire drops
    // (junit-team/junit-framework#1161); Surefire keeps the line in the test's report.
    System.out.printf("FlowBuilderLargeTest: %,d tasks built in %d ms; %d bytes a task retained;"
        + " heap peak at most %d MiB of %d MiB%n", TASKS, millis, retained / TASKS, peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);

    List<Key<?>> tasks = flow.tasks();
    assertThat(tasks).hasSize(TASKS);
    assertThat(tasks.get(TASKS - 1)).isSameInstanceAs(last);
    assertThat(((FlowGraph) flow).graph().successors(first)).containsExactly(tasks.get(0));
    assertThat(new FakeTaskArgs().with(beforeLast, 41).call(flow, last)).isEqualTo(42);

    // And it runs, in the same 2 GiB heap: the scheduler walks the chain without recursion.
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThat(weft.compute(flow, last, Inputs.of(first, 0))).isEqualTo(TASKS);
    }
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks: an upper bound of the peak heap, good enough to report. */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
