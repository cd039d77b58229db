package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early cutoff: a task that runs again because its input changed, but produces the same value as
 * before, leaves its dependents cached.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EarlyCutoffTest {
  static final AtomicInteger A_CALLS = new AtomicInteger();
  static final AtomicInteger B_CALLS = new AtomicInteger();

  @TempDir Path temp;

  private Flow flow;
  private Key<Integer> x;
  private Key<String> b;

  @BeforeEach
  void setUp() {
    A_CALLS.set(0);
    B_CALLS.set(0);
    FlowBuilder f = Flow.builder("caching-cutoff");
    x = f.input("x", Integer.class);
    Key<Integer> a = f.task("a", TypeToken.of(Integer.class), v -> {
      A_CALLS.incrementAndGet();
      return v % 10;
    }, x);
    b = f.task("b", TypeToken.of(String.class), d -> {
      B_CALLS.incrementAndGet();
      return "digit " + d;
    }, a);
    flow = f.build();
  }

  @Test
  void sameOutputFromAChangedInput_leavesTheDependentCached_inMemory() {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult first = Results.run(weft, flow, Inputs.of(x, 13), b);
      assertThat(Results.executed(first)).containsExactly("a", "b");

      RunResult second = Results.run(weft, flow, Inputs.of(x, 23), b);
      assertWithMessage("%s", second.tasks()).that(Results.statuses(second))
          .containsExactly("a", Status.EXECUTED, "b", Status.MEMORY_HIT).inOrder();
      assertThat(second.outcome("a").reason()).isEqualTo("input 'x' changed");
      assertThat(second.outcome("b").reason()).isEqualTo("unchanged");
      assertThat(second.get(b)).isEqualTo("digit 3");
      assertThat(A_CALLS.get()).isEqualTo(2);
      assertThat(B_CALLS.get()).isEqualTo(1);

      // A different digit is a different value: b runs, and says why.
      RunResult third = Results.run(weft, flow, Inputs.of(x, 24), b);
      assertThat(Results.executed(third)).containsExactly("a", "b");
      assertThat(third.outcome("b").reason()).isEqualTo("upstream 'a' changed");
      assertThat(third.get(b)).isEqualTo("digit 4");
    }
  }

  @Test
  void sameOutputFromAChangedInput_leavesTheDependentCached_onDisk() {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      Results.run(weft, flow, Inputs.of(x, 13), b);
    }
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult second = Results.run(weft, flow, Inputs.of(x, 23), b);
      assertWithMessage("%s", second.tasks()).that(Results.statuses(second))
          .containsExactly("a", Status.EXECUTED, "b", Status.DISK_HIT).inOrder();
      assertThat(second.outcome("a").reason()).isEqualTo("input 'x' changed");
      assertThat(second.get(b)).isEqualTo("digit 3");
    }
    assertThat(B_CALLS.get()).isEqualTo(1);
  }
}
