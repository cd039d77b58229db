package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code caching(false)}: every needed task executes, nothing is written, there is no cache. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CachingOffTest {
  static final AtomicInteger A_CALLS = new AtomicInteger();
  static final AtomicInteger B_CALLS = new AtomicInteger();

  @TempDir Path temp;
  private Flow flow;
  private Key<Integer> x;
  private Key<Integer> b;

  @BeforeEach
  void setUp() {
    A_CALLS.set(0);
    B_CALLS.set(0);
    FlowBuilder f = Flow.builder("caching-off");
    x = f.input("x", Integer.class);
    Key<Integer> a = f.task("a", TypeToken.of(Integer.class), v -> {
      A_CALLS.incrementAndGet();
      return v + 1;
    }, x);
    b = f.task("b", TypeToken.of(Integer.class), (Integer v, Integer w) -> {
      B_CALLS.incrementAndGet();
      return v * w;
    }, a, x);
    flow = f.build();
  }

  @Test
  void cachingOff_everythingExecutes_everyRun_withReasonCachingOff() throws IOException {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).caching(false).cacheDir(dir).build()) {
      for (int run = 1; run <= 3; run++) {
        RunResult result = Results.run(weft, flow, Inputs.of(x, 3), b);
        assertThat(result.get(b)).isEqualTo(12);
        assertThat(result.tasks()).hasSize(2);
        for (TaskOutcome t : result.tasks()) {
          assertThat(t.status()).isEqualTo(Status.EXECUTED);
          assertThat(t.reason()).isEqualTo("caching off");
        }
        assertThat(A_CALLS.get()).isEqualTo(run);
        assertThat(B_CALLS.get()).isEqualTo(run);
      }
      assertThat(weft.compute(flow, b, Inputs.of(x, 3))).isEqualTo(12);
      assertThat(A_CALLS.get()).isEqualTo(4);
    }
    assertThat(filesUnder(dir)).isEqualTo(0);
  }

  @Test
  void cachingOff_cacheThrowsIllegalStateException() {
    try (Weft weft = Weft.builder().caching(false).build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, weft::cache);
      assertThat(e).hasMessageThat().contains("caching(false)");
    }
  }

  @Test
  void cachingOn_byDefault_forComparison() {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      Results.run(weft, flow, Inputs.of(x, 3), b);
      RunResult again = Results.run(weft, flow, Inputs.of(x, 3), b);
      assertThat(Results.statuses(again)).containsExactly("b", Status.MEMORY_HIT);
      assertThat(weft.cache()).isNotNull();
    }
  }

  private static long filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
