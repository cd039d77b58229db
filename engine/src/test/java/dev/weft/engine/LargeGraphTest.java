package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Graphs at the sizes of the design's budget. A scheduler that recursed from a task into its
 * dependents would overflow the stack on the chain; one that kept a thread, a deep structure or a
 * quadratic walk per task would not finish. Times and heap are printed for the record, never
 * asserted: timing belongs in the JMH suite.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class LargeGraphTest {
  private static final int CHAIN = 1_000_000;
  private static final TypeToken<byte[]> BYTES = TypeToken.of(byte[].class);

  /** t0 (an input) -> t1 -> ... -> t1000000, each one more than the last; t1 throws below 0. */
  private static FlowGraph chain;
  private static Key<Integer> first;
  private static Key<Integer> last;
  private static long buildMillis;

  @BeforeAll
  static void buildChain() {
    resetPeaks();
    long start = System.nanoTime();
    FlowGraph.Builder builder = FlowGraph.builder("chain", null);
    first = Key.of("chain", "t0", TestFlow.INT);
    builder.input(first, true);
    Key<Integer> previous = first;
    for (int i = 1; i <= CHAIN; i++) {
      Key<Integer> from = previous;
      previous = Key.of("chain", "t" + i, TestFlow.INT);
      builder.task(TaskSpec.builder(previous, args -> {
        int value = args.get(from);
        if (value < 0) {
          throw new IllegalArgumentException("negative");
        }
        return value + 1;
      }).dependsOn(from).build());
    }
    chain = builder.build();
    last = previous;
    buildMillis = (System.nanoTime() - start) / 1_000_000;
  }

  @AfterAll
  static void dropChain() {
    chain = null;
  }

  @Test
  void millionTaskChain_runsWithoutStackOverflow() {
    long start = System.nanoTime();
    RunResult result;
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      result = weft.run(chain, Inputs.of(first, 0), last);
    }
    long runMillis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("LargeGraphTest: %,d-task chain built in %d ms, run in %d ms; heap peak at"
        + " most %d MiB of %d MiB%n", CHAIN, buildMillis, runMillis, peakHeap() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    assertThat(result.get(last)).isEqualTo(CHAIN);
    assertThat(result.tasks()).hasSize(CHAIN);
    assertThat(result.tasks().get(CHAIN - 1).name()).isEqualTo("t" + CHAIN);
    assertThat(result.succeeded()).isTrue();
  }

  @Test
  void millionTaskChain_failingAtItsHead_skipsTheRestWithoutDeepOrQuadraticWalks() {
    RunResult result;
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      result = weft.run(chain, Inputs.of(first, -1), last);
    }

    assertThat(result.failures().stream().map(TaskOutcome::name).toList()).containsExactly("t1");
    assertThat(result.toString()).isEqualTo("RunResult{chain: 1 failed, 999999 skipped}");
    assertThat(result.outcome("t" + CHAIN).reason()).isEqualTo("upstream 't1' failed");
    assertThat(assertThrows(TaskFailedException.class, () -> result.get(last)).task())
        .isEqualTo("t1");
  }

  @Test
  void millionTaskChain_failingAtItsHead_isCancelledWithoutDeepWalks() {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.run(chain, Inputs.of(first, -1), last));

      assertThat(e.task()).isEqualTo("t1");
      assertThat(e.getCause()).hasMessageThat().isEqualTo("negative");
    }
  }

  @Test
  void longChain_keepsOnlyTheValuesStillToBeRead() {
    // Each value is 16 MiB and the chain's values together are twice the heap: the run finishes
    // only if each value is dropped once the task reading it has run.
    int size = 16 << 20;
    int tasks = (int) (2 * Runtime.getRuntime().maxMemory() / size);
    TestFlow flow = TestFlow.named("big");
    Key<byte[]> previous = flow.task(flow.key("b0", BYTES), args -> new byte[size], spec -> {});
    for (int i = 1; i < tasks; i++) {
      Key<byte[]> from = previous;
      previous = flow.task(flow.key("b" + i, BYTES),
          args -> new byte[args.get(from).length], spec -> {}, from);
    }

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThat(weft.compute(flow.build(), previous, Inputs.empty())).hasLength(size);
    }
  }

  @Test
  void hundredThousandIndependentTasks_allCompleteWithTheirValues() {
    int tasks = 100_000;
    TestFlow flow = TestFlow.named("wide");
    Key<Integer> base = flow.input("base");
    List<Key<Integer>> keys = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      int index = i;
      keys.add(flow.task("t" + i, args -> args.get(base) + index * 3, base));
    }
    FlowGraph graph = flow.build();

    long start = System.nanoTime();
    RunResult result;
    try (Weft weft = Weft.builder().parallelism(4).build()) {
      result = weft.run(graph, Inputs.of(base, 7));
    }
    System.out.printf("LargeGraphTest: %,d independent tasks run in %d ms%n", tasks,
        (System.nanoTime() - start) / 1_000_000);

    for (int i = 0; i < tasks; i++) {
      assertThat(result.get(keys.get(i))).isEqualTo(7 + i * 3);
    }
    assertThat(result.succeeded()).isTrue();
  }

  private static void resetPeaks() {
    System.gc();
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
