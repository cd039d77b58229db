package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a run executes: the targets' upstream closure, each task once, values along the edges. */
@Timeout(60)
class ExecutionTest {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private int call(String task) {
    return calls.computeIfAbsent(task, t -> new AtomicInteger()).incrementAndGet();
  }

  /** Counts a call of {@code task} and returns {@code value}. */
  private int counted(String task, int value) {
    call(task);
    return value;
  }

  private int calls(String task) {
    AtomicInteger count = calls.get(task);
    return count == null ? 0 : count.get();
  }

  @Test
  void onlyTheTargetsUpstreamRuns() {
    TestFlow flow = TestFlow.named("e");
    Key<Integer> x = flow.input("x");
    Key<Integer> a = flow.task("a", args -> counted("a", args.get(x) + 1), x);
    Key<Integer> b = flow.task("b", args -> counted("b", args.get(a) * 10), a);
    Key<Integer> c = flow.task("c", args -> counted("c", args.get(b) + 5), b);
    flow.task("besideB", args -> call("besideB"), a);
    flow.task("unrelated", args -> call("unrelated"));

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult result = weft.run(flow.build(), Inputs.of(x, 1), c);

      assertThat(result.get(c)).isEqualTo(25);
      assertThat(result.tasks().stream().map(TaskOutcome::name).toList())
          .containsExactly("a", "b", "c").inOrder();
    }
    assertThat(calls("c")).isEqualTo(1);
    assertThat(calls("a")).isEqualTo(1);
    assertThat(calls("b")).isEqualTo(1);
    assertThat(calls("besideB")).isEqualTo(0);
    assertThat(calls("unrelated")).isEqualTo(0);
  }

  @Test
  void noTargets_runsEveryTask() {
    TestFlow flow = TestFlow.named("e");
    Key<Integer> a = flow.task("a", args -> call("a"));
    Key<Integer> b = flow.task("b", args -> call("b") + args.get(a), a);
    Key<Integer> lone = flow.task("lone", args -> call("lone") + 40);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      assertThat(result.get(b)).isEqualTo(2);
      assertThat(result.get(lone)).isEqualTo(41);
      assertThat(result.tasks()).hasSize(3);
    }
  }

  @RepeatedTest(50)
  void diamond_runsEachTaskExactlyOnce() {
    // Both sides of the diamond leave the barrier together, so they finish at nearly the same
    // instant and race to free `bottom`: exactly one of them may start it.
    CyclicBarrier sides = new CyclicBarrier(2);
    TestFlow flow = TestFlow.named("e");
    Key<Integer> top = flow.task("top", args -> call("top"));
    Key<Integer> left = flow.task("left", args -> {
      call("left");
      Await.barrier(sides);
      return args.get(top) + 1;
    }, top);
    Key<Integer> right = flow.task("right", args -> {
      call("right");
      Await.barrier(sides);
      return args.get(top) + 2;
    }, top);
    Key<Integer> bottom = flow.task("bottom",
        args -> counted("bottom", args.get(left) * 10 + args.get(right)), left, right);

    try (Weft weft = Weft.builder().parallelism(3).build()) {
      assertThat(weft.compute(flow.build(), bottom, Inputs.empty())).isEqualTo(23);
    }
    for (String task : List.of("top", "left", "right", "bottom")) {
      assertThat(calls(task)).isEqualTo(1);
    }
  }

  @RepeatedTest(20)
  void wideFanIn_startsTheSinkOnce_afterEveryDependency() {
    int width = 8;
    CyclicBarrier all = new CyclicBarrier(width);
    TestFlow flow = TestFlow.named("e");
    List<Key<Integer>> middles = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      int value = i;
      middles.add(flow.task("m" + i, args -> {
        Await.barrier(all);
        return value;
      }));
    }
    Key<Integer> sink = flow.task("sink", args -> {
      call("sink");
      int sum = 0;
      for (Key<Integer> middle : middles) {
        sum += args.get(middle);
      }
      return sum;
    }, middles.toArray(new Key<?>[0]));

    try (Weft weft = Weft.builder().parallelism(width).build()) {
      assertThat(weft.compute(flow.build(), sink, Inputs.empty())).isEqualTo(28);
    }
    assertThat(calls("sink")).isEqualTo(1);
  }

  @Test
  void chain_passesEachValueToTheNext() {
    TestFlow flow = TestFlow.named("e");
    Key<Integer> previous = flow.input("start");
    Key<Integer> start = previous;
    for (int i = 0; i < 100; i++) {
      Key<Integer> from = previous;
      previous = flow.task("t" + i, args -> args.get(from) * 2 % 1_000_003, from);
    }

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      int expected = 3;
      for (int i = 0; i < 100; i++) {
        expected = expected * 2 % 1_000_003;
      }
      assertThat(weft.compute(flow.build(), previous, Inputs.of(start, 3))).isEqualTo(expected);
    }
  }

  @Test
  void readingAKeyTheTaskDoesNotDependOn_failsTheTask() {
    TestFlow flow = TestFlow.named("e");
    Key<Integer> a = flow.task("a", args -> 1);
    Key<Integer> b = flow.task("b", args -> args.get(a));

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), b, Inputs.empty()));

      assertThat(e.getCause()).hasMessageThat().isEqualTo("task 'b' does not depend on 'a'; a task"
          + " reads only the keys it declared as dependencies");
    }
  }
}
