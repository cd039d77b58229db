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
 * With {@code keepGoing(true)}, the branch that does not depend on a failure finishes and is
 * cached; the failed task is not, and runs again next time.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeepGoingCacheTest {
  static final AtomicInteger GOOD1_CALLS = new AtomicInteger();
  static final AtomicInteger GOOD2_CALLS = new AtomicInteger();
  static final AtomicInteger BAD_CALLS = new AtomicInteger();
  static final AtomicInteger AFTER_BAD_CALLS = new AtomicInteger();

  @TempDir Path temp;
  private Flow flow;
  private Key<Integer> x;
  private Key<Integer> good2;
  private Key<Integer> afterBad;

  /** good1(x) -> good2 ; bad(x) -> afterBad. */
  @BeforeEach
  void setUp() {
    GOOD1_CALLS.set(0);
    GOOD2_CALLS.set(0);
    BAD_CALLS.set(0);
    AFTER_BAD_CALLS.set(0);
    FlowBuilder f = Flow.builder("caching-keepgoing");
    x = f.input("x", Integer.class);
    Key<Integer> good1 = f.task("good1", TypeToken.of(Integer.class), (Integer v) -> {
      GOOD1_CALLS.incrementAndGet();
      return v + 1;
    }, x);
    good2 = f.task("good2", TypeToken.of(Integer.class), (Integer v) -> {
      GOOD2_CALLS.incrementAndGet();
      return v * 2;
    }, good1);
    Key<Integer> bad = f.task("bad", TypeToken.of(Integer.class), (Integer v) -> {
      BAD_CALLS.incrementAndGet();
      throw new IllegalStateException("bad " + v);
    }, x);
    afterBad = f.task("afterBad", TypeToken.of(Integer.class), (Integer v) -> {
      AFTER_BAD_CALLS.incrementAndGet();
      return v;
    }, bad);
    flow = f.build();
  }

  @Test
  void failingBranch_runsAgain_healthyBranchIsCached() {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).cacheDir(dir).build()) {
      RunResult first = Results.run(weft, flow, Inputs.of(x, 1), good2, afterBad);
      assertWithMessage("%s", first.tasks()).that(Results.statuses(first)).containsExactly(
          "good1", Status.EXECUTED, "good2", Status.EXECUTED,
          "bad", Status.FAILED, "afterBad", Status.SKIPPED);
      assertThat(first.get(good2)).isEqualTo(4);

      RunResult second = Results.run(weft, flow, Inputs.of(x, 1), good2, afterBad);
      assertWithMessage("%s", second.tasks()).that(Results.statuses(second)).containsExactly(
          "good2", Status.MEMORY_HIT, "bad", Status.FAILED, "afterBad", Status.SKIPPED);
      assertThat(second.get(good2)).isEqualTo(4);
      assertThat(second.failures()).hasSize(1);
    }
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).cacheDir(dir).build()) {
      RunResult third = Results.run(weft, flow, Inputs.of(x, 1), good2, afterBad);
      assertWithMessage("%s", third.tasks()).that(Results.statuses(third)).containsExactly(
          "good2", Status.DISK_HIT, "bad", Status.FAILED, "afterBad", Status.SKIPPED);
      assertThat(third.get(good2)).isEqualTo(4);
    }
    assertThat(GOOD1_CALLS.get()).isEqualTo(1);
    assertThat(GOOD2_CALLS.get()).isEqualTo(1);
    assertThat(BAD_CALLS.get()).isEqualTo(3);
    assertThat(AFTER_BAD_CALLS.get()).isEqualTo(0);
  }
}
