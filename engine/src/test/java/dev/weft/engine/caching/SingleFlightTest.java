package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunHandle;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two runs in flight that need the same key compute it once; the second waits for the first. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SingleFlightTest {
  static final AtomicInteger SLOW_CALLS = new AtomicInteger();
  static final AtomicInteger NEXT_CALLS = new AtomicInteger();
  static volatile CountDownLatch started = new CountDownLatch(1);
  static volatile CountDownLatch release = new CountDownLatch(1);

  @TempDir Path temp;
  private Flow flow;
  private Key<Integer> x;
  private Key<Integer> next;

  @BeforeEach
  void setUp() {
    SLOW_CALLS.set(0);
    NEXT_CALLS.set(0);
    started = new CountDownLatch(1);
    release = new CountDownLatch(1);
    FlowBuilder f = Flow.builder("caching-flight");
    x = f.input("x", Integer.class);
    Key<Integer> slow = f.task("slow", TypeToken.of(Integer.class), v -> {
      SLOW_CALLS.incrementAndGet();
      started.countDown();
      if (!release.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
      return v * 10;
    }, x);
    next = f.task("next", TypeToken.of(Integer.class), (Integer s, Integer v) -> {
      NEXT_CALLS.incrementAndGet();
      return s + v;
    }, slow, x);
    flow = f.build();
  }

  @Test
  void twoRunsNeedingTheSameKey_computeItOnce_memoryOnly() throws Exception {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertSingleFlight(weft);
    }
  }

  @Test
  void twoRunsNeedingTheSameKey_computeItOnce_withACacheDir() throws Exception {
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(temp.resolve("cache")).build()) {
      assertSingleFlight(weft);
    }
  }

  private void assertSingleFlight(Weft weft) throws Exception {
    RunHandle first = weft.start(flow, Inputs.of(x, 4), next);
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
    RunHandle second = weft.start(flow, Inputs.of(x, 4), next);
    // Give the second run ample time to look the key up. Had it not waited for the first, it
    // would have called the task (which counts before it blocks) within this window.
    Thread.sleep(300);
    assertThat(SLOW_CALLS.get()).isEqualTo(1);
    assertThat(second.isDone()).isFalse();
    release.countDown();

    RunResult one = first.await();
    RunResult two = second.await();
    assertThat(one.get(next)).isEqualTo(44);
    assertThat(two.get(next)).isEqualTo(44);
    assertThat(SLOW_CALLS.get()).isEqualTo(1);
    assertThat(NEXT_CALLS.get()).isEqualTo(1);
    assertThat(one.outcome("slow").status()).isEqualTo(Status.EXECUTED);
    assertWithMessage("%s", two.tasks()).that(two.outcome("slow").status())
        .isEqualTo(Status.MEMORY_HIT);
    // Which run computes `next` is a race (both become ready when `slow` completes); one does,
    // the other gets its value.
    assertWithMessage("%s / %s", one.tasks(), two.tasks())
        .that(java.util.List.of(one.outcome("next").status(), two.outcome("next").status()))
        .containsExactly(Status.EXECUTED, Status.MEMORY_HIT);
  }
}
