package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.TaskOutcome.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fan-out tasks declared in code with {@link FlowBuilder#each}. */
@Timeout(60)
class FlowBuilderEachTest {
  private static final AtomicInteger lengths = new AtomicInteger();

  @TempDir Path cacheDir;

  @Test
  void each_runsOncePerElement_andKeepsTheirOrder() {
    FlowBuilder builder = Flow.builder("words");
    Key<List<String>> words = builder.input("words", new TypeToken<List<String>>() {});
    Key<List<Integer>> sizes = builder.each("sizes", TypeToken.of(Integer.class),
        String::length, words);
    Key<Integer> total = builder.task("total", TypeToken.of(Integer.class),
        list -> list.stream().mapToInt(Integer::intValue).sum(), sizes);
    Flow flow = builder.build();

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult result = weft.run(flow, Inputs.of(words, List.of("a", "bbb", "cc")), sizes, total);

      assertThat(result.get(sizes)).containsExactly(1, 3, 2).inOrder();
      assertThat(result.get(total)).isEqualTo(6);
      assertThat(sizes.type()).isEqualTo(new TypeToken<List<Integer>>() {});
    }
  }

  @Test
  void each_overAnEmptyCollection_isAnEmptyList() {
    FlowBuilder builder = Flow.builder("empty");
    Key<List<String>> words = builder.input("words", new TypeToken<List<String>>() {});
    Key<List<Integer>> sizes = builder.each("sizes", String::length, words);

    try (Weft weft = Weft.builder().build()) {
      assertThat(weft.compute(builder.build(), sizes, Inputs.of(words, List.of()))).isEmpty();
    }
  }

  @Test
  void each_runsElementsInParallel() {
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    FlowBuilder builder = Flow.builder("parallel");
    Key<List<String>> words = builder.input("words", new TypeToken<List<String>>() {});
    Key<List<String>> met = builder.each("met", word -> {
      bothRunning.await(10, TimeUnit.SECONDS); // a sequential engine would time out here
      return word;
    }, words);

    try (Weft weft = Weft.builder().parallelism(2).caching(false).build()) {
      assertThat(weft.compute(builder.build(), met, Inputs.of(words, List.of("x", "y"))))
          .containsExactly("x", "y").inOrder();
    }
  }

  @Test
  void each_overAnUntypedTask_fansOutOverItsValue() {
    FlowBuilder builder = Flow.builder("untyped");
    Key<List<String>> words = builder.task("words", () -> List.of("ab", "c"));
    Key<List<Integer>> sizes = builder.each("sizes", String::length, words);

    try (Weft weft = Weft.builder().build()) {
      assertThat(weft.compute(builder.build(), sizes, Inputs.empty())).containsExactly(2, 1);
    }
  }

  @Test
  void each_cachesElementsOnDisk_oneByOne() {
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(cacheDir).build()) {
      weft.run(measured(), Inputs.of(wordsKey(), List.of("a", "bb")));
    }
    lengths.set(0);
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(cacheDir).build()) {
      RunResult rerun = weft.run(measured(), Inputs.of(wordsKey(), List.of("a", "bb", "ccc")));

      assertThat(lengths.get()).isEqualTo(1);
      assertThat(rerun.outcome("sizes").status()).isEqualTo(Status.EXECUTED);
      assertThat(rerun.outcome("sizes").reason())
          .isEqualTo("input 'words' changed; 2 of 3 elements cached");
    }
  }

  @Test
  void each_withASourceOfAnotherBuilder_isRejected() {
    FlowBuilder other = Flow.builder("other");
    Key<List<String>> foreign = other.input("words", new TypeToken<List<String>>() {});
    FlowBuilder builder = Flow.builder("mine");

    assertThrows(GraphException.class, () -> builder.each("sizes", String::length, foreign));
  }

  private static Key<List<String>> wordsKey() {
    return Key.of("measured", "words", new TypeToken<List<String>>() {});
  }

  private static Flow measured() {
    FlowBuilder builder = Flow.builder("measured");
    Key<List<String>> words = builder.input("words", new TypeToken<List<String>>() {});
    builder.each("sizes", TypeToken.of(Integer.class), FlowBuilderEachTest::length, words);
    return builder.build();
  }

  private static int length(String word) {
    lengths.incrementAndGet();
    return word.length();
  }
}
