package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.reflect.TypeToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fan-out ({@code @Each}, {@code TaskSpec.each}): one invocation per element, results in order. */
@Timeout(60)
class FanOutTest {
  static final TypeToken<List<Integer>> INTS = new TypeToken<>() {};

  private final TestFlow flow = TestFlow.named("fan");
  private final Key<List<Integer>> numbers = flow.input(flow.key("numbers", INTS));

  /** A fan-out task over {@code numbers} whose elements {@code body} computes. */
  private Key<List<Integer>> each(String name, ElementBody body, String... limits) {
    return flow.task(flow.key(name, INTS), args -> body.apply(args.each(numbers)),
        spec -> spec.each(numbers).limits(limits), numbers);
  }

  @FunctionalInterface
  interface ElementBody {
    Object apply(Integer element) throws Exception;
  }

  @Test
  void each_valuesInElementOrder_evenWhenElementsFinishOutOfOrder() {
    // Element 0 finishes last: it waits until element 4 has run.
    CountDownLatch lastRan = new CountDownLatch(1);
    Queue<Integer> finished = new ConcurrentLinkedQueue<>();
    Key<List<Integer>> squares = each("squares", n -> {
      if (n == 0) {
        Await.latch(lastRan);
      }
      finished.add(n);
      if (n == 4) {
        lastRan.countDown();
      }
      return n * n;
    });

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      List<Integer> result =
          weft.compute(flow.build(), squares, Inputs.of(numbers, List.of(0, 1, 2, 3, 4)));

      assertThat(result).containsExactly(0, 1, 4, 9, 16).inOrder();
    }
    assertThat(List.copyOf(finished).get(4)).isEqualTo(0);
  }

  @Test
  void each_emptyCollection_givesEmptyList_withoutInvokingTheBody() {
    AtomicInteger calls = new AtomicInteger();
    Key<List<Integer>> squares = each("squares", n -> calls.incrementAndGet());
    Key<Integer> count = flow.task("count", args -> args.get(squares).size(), squares);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult result = weft.run(flow.build(), Inputs.of(numbers, List.of()), squares, count);

      assertThat(result.get(squares)).isEmpty();
      assertThat(result.get(count)).isEqualTo(0);
    }
    assertThat(calls.get()).isEqualTo(0);
  }

  @Test
  void each_overAnUpstreamTasksValue_feedsItsDependents() {
    Key<List<Integer>> range = flow.task(flow.key("range", INTS),
        args -> List.of(1, 2, 3), spec -> {});
    Key<List<Integer>> doubled = flow.task(flow.key("doubled", INTS),
        args -> args.<Integer>each(range) * 2, spec -> spec.each(range), range);
    Key<Integer> sum = flow.task("sum",
        args -> args.get(doubled).stream().mapToInt(Integer::intValue).sum(), doubled);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThat(weft.compute(flow.build(), sum, Inputs.empty())).isEqualTo(12);
    }
  }

  @Test
  void each_elementsRunConcurrently() {
    CyclicBarrier all = new CyclicBarrier(3);
    Key<List<Integer>> met = each("met", n -> {
      Await.barrier(all);
      return n;
    });

    try (Weft weft = Weft.builder().parallelism(3).build()) {
      assertThat(weft.compute(flow.build(), met, Inputs.of(numbers, List.of(7, 8, 9))))
          .containsExactly(7, 8, 9).inOrder();
    }
  }

  @Test
  void each_elementsHoldTheTasksLimits() {
    Gauge gauge = new Gauge();
    Key<List<Integer>> limited = each("limited", n -> {
      gauge.enter();
      gauge.exit();
      return n;
    }, "one");
    List<Integer> elements = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      elements.add(i);
    }

    try (Weft weft = Weft.builder().parallelism(4).limit("one", 1).build()) {
      assertThat(weft.compute(flow.build(), limited, Inputs.of(numbers, elements)))
          .isEqualTo(elements);
    }
    assertThat(gauge.max()).isEqualTo(1);
  }

  @Test
  void each_asyncElements_produceTheirFuturesValues() {
    Key<List<Integer>> later = flow.task(flow.key("later", INTS),
        args -> CompletableFuture.supplyAsync(() -> args.<Integer>each(numbers) + 100),
        spec -> spec.each(numbers).async(), numbers);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThat(weft.compute(flow.build(), later, Inputs.of(numbers, List.of(1, 2, 3))))
          .containsExactly(101, 102, 103).inOrder();
    }
  }

  @Test
  void each_thousandsOfElements_allInOrder() {
    Key<List<Integer>> negated = each("negated", n -> -n);
    List<Integer> elements = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      elements.add(i);
      expected.add(-i);
    }

    try (Weft weft = Weft.builder().parallelism(4).build()) {
      assertThat(weft.compute(flow.build(), negated, Inputs.of(numbers, elements)))
          .isEqualTo(expected);
    }
  }
}
