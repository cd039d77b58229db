package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code memoryCacheBytes(0)} keeps nothing in memory: reruns read the disk tier, or execute. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemoryTierTest {
  static final AtomicInteger CALLS = new AtomicInteger();

  @TempDir Path temp;
  private Flow flow;
  private Key<Integer> x;
  private Key<List<Integer>> a;
  private Key<String> c;

  @BeforeEach
  void setUp() {
    CALLS.set(0);
    FlowBuilder f = Flow.builder("caching-memory");
    x = f.input("x", Integer.class);
    a = f.task("a", new TypeToken<List<Integer>>() {}, v -> {
      CALLS.incrementAndGet();
      return List.of(v, v + 1, v + 2);
    }, x);
    Key<Integer> b = f.task("b", TypeToken.of(Integer.class),
        (List<Integer> l) -> l.stream().mapToInt(Integer::intValue).sum(), a);
    c = f.task("c", TypeToken.of(String.class), (Integer s) -> "total " + s, b);
    flow = f.build();
  }

  /** Reruns per test: a value lingering in memory shows on some reruns, not necessarily all. */
  private static final int RERUNS = 20;

  @Test
  void zeroBytes_noCacheDir_rerunExecutesEverything() {
    List<String> wrong = new ArrayList<>();
    try (Weft weft = Weft.builder().parallelism(2).memoryCacheBytes(0).build()) {
      Results.run(weft, flow, Inputs.of(x, 1), c);
      for (int run = 2; run <= RERUNS; run++) {
        RunResult result = Results.run(weft, flow, Inputs.of(x, 1), c);
        assertThat(result.get(c)).isEqualTo("total 6");
        for (TaskOutcome t : result.tasks()) {
          if (t.status() != Status.EXECUTED || !t.reason().equals("not in cache")) {
            wrong.add("run " + run + ": " + result.tasks());
            break;
          }
        }
      }
      assertWithMessage("reruns that did not execute everything").that(wrong).isEmpty();
      assertThat(CALLS.get()).isEqualTo(RERUNS);
      assertThat(weft.cache().stats().memoryHits()).isEqualTo(0);
    }
  }

  @Test
  void zeroBytes_withCacheDir_rerunReadsTheDisk_neverMemory() {
    List<String> wrong = new ArrayList<>();
    try (Weft weft = Weft.builder().parallelism(2).memoryCacheBytes(0)
        .cacheDir(temp.resolve("cache")).build()) {
      Results.run(weft, flow, Inputs.of(x, 1), c);
      for (int run = 2; run <= RERUNS; run++) {
        RunResult result = Results.run(weft, flow, Inputs.of(x, 1), c);
        assertThat(result.get(c)).isEqualTo("total 6");
        if (!Results.statuses(result).equals(Map.of("c", Status.DISK_HIT))) {
          wrong.add("run " + run + ": " + result.tasks());
        }
      }
      // Another task the same way: from disk, never from memory.
      for (int run = 1; run <= RERUNS; run++) {
        RunResult result = Results.run(weft, flow, Inputs.of(x, 1), a);
        assertThat(result.get(a)).isEqualTo(List.of(1, 2, 3));
        if (!Results.statuses(result).equals(Map.of("a", Status.DISK_HIT))) {
          wrong.add("run of a " + run + ": " + result.tasks());
        }
      }
      assertWithMessage("reruns that did not read the disk").that(wrong).isEmpty();
      assertThat(CALLS.get()).isEqualTo(1);
      assertThat(weft.cache().stats().memoryHits()).isEqualTo(0);
      assertThat(weft.cache().stats().diskHits()).isEqualTo(2 * RERUNS - 1);
    }
  }
}
