package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.TaskOutcome.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each element of a fan-out task is cached on its own. */
@Timeout(60)
class FanOutCacheTest {
  private static final TypeToken<List<Integer>> INTS = new TypeToken<>() {};

  @TempDir java.nio.file.Path cacheDir;

  private final AtomicInteger squared = new AtomicInteger();
  private final TestFlow flow = TestFlow.named("fan-out-cache");
  private final Key<List<Integer>> numbers = flow.input(flow.key("numbers", INTS));
  private final Key<List<Integer>> squares = flow.task(flow.key("squares", INTS), args -> {
    int n = args.<Integer>each(numbers);
    squared.incrementAndGet();
    if (n == 13) {
      throw new IllegalArgumentException("unlucky");
    }
    return n * n;
  }, spec -> spec.version("1").each(numbers), numbers);

  @Test
  void changingOneElementOfMany_computesOne() {
    List<Integer> first = IntStream.rangeClosed(1, 100).map(i -> i == 13 ? 0 : i).boxed().toList();
    List<Integer> second = new ArrayList<>(first);
    second.set(99, 1000);
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      weft.run(flow.build(), Inputs.of(numbers, first), squares);
      squared.set(0);

      RunResult rerun = weft.run(flow.build(), Inputs.of(numbers, second), squares);

      assertThat(squared.get()).isEqualTo(1);
      assertThat(rerun.get(squares).get(99)).isEqualTo(1_000_000);
      assertThat(rerun.get(squares).get(98)).isEqualTo(99 * 99);
      assertThat(rerun.outcome("squares").status()).isEqualTo(Status.EXECUTED);
      assertThat(rerun.outcome("squares").reason())
          .isEqualTo("input 'numbers' changed; 99 of 100 elements cached");
    }
  }

  @Test
  void elementsAreCachedOnDisk_forANewWeft() {
    List<Integer> first = List.of(1, 2, 3);
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(cacheDir).build()) {
      weft.run(flow.build(), Inputs.of(numbers, first), squares);
    }
    squared.set(0);
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(cacheDir).build()) {
      RunResult rerun = weft.run(flow.build(), Inputs.of(numbers, List.of(3, 2, 1, 4)), squares);

      assertThat(rerun.get(squares)).containsExactly(9, 4, 1, 16).inOrder();
      assertThat(squared.get()).isEqualTo(1);
    }
  }

  @Test
  void withKeepGoing_theElementsThatSucceeded_areCached_andTheFailedOneRunsAgain() {
    List<Integer> withUnlucky = List.of(11, 12, 13, 14);
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      RunResult result = weft.run(flow.build(), Inputs.of(numbers, withUnlucky), squares);
      assertThat(result.outcome("squares").status()).isEqualTo(Status.FAILED);
      squared.set(0);

      RunResult again = weft.run(flow.build(), Inputs.of(numbers, withUnlucky), squares);

      assertThat(again.outcome("squares").status()).isEqualTo(Status.FAILED);
      assertThat(squared.get()).isEqualTo(1); // only 13 ran again
    }
  }

  @Test
  void withCachingOff_everyElementRuns() {
    try (Weft weft = Weft.builder().parallelism(2).caching(false).build()) {
      weft.run(flow.build(), Inputs.of(numbers, List.of(1, 2)), squares);
      weft.run(flow.build(), Inputs.of(numbers, List.of(1, 2)), squares);
    }
    assertThat(squared.get()).isEqualTo(4);
  }
}
