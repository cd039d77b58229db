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
 * An input that cannot be fingerprinted (a thread) makes the tasks reading it uncacheable: they
 * execute every run, saying "not cacheable"; the tasks that do not read it are still cached.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnfingerprintableInputTest {
  static final AtomicInteger USES_CALLS = new AtomicInteger();
  static final AtomicInteger OTHER_CALLS = new AtomicInteger();
  static final AtomicInteger AFTER_CALLS = new AtomicInteger();

  @TempDir Path temp;
  private Flow flow;
  private Key<Integer> x;
  private Key<Thread> worker;
  private Key<Integer> uses;
  private Key<Integer> other;
  private Key<Integer> after;

  @BeforeEach
  void setUp() {
    USES_CALLS.set(0);
    OTHER_CALLS.set(0);
    AFTER_CALLS.set(0);
    FlowBuilder f = Flow.builder("caching-unfingerprintable");
    x = f.input("x", Integer.class);
    worker = f.input("worker", Thread.class);
    uses = f.task("uses", TypeToken.of(Integer.class), (Thread t, Integer v) -> {
      USES_CALLS.incrementAndGet();
      return v + (t == null ? 0 : 1);
    }, worker, x);
    other = f.task("other", TypeToken.of(Integer.class), (Integer v) -> {
      OTHER_CALLS.incrementAndGet();
      return v * 2;
    }, x);
    after = f.task("after", TypeToken.of(Integer.class), (Integer u, Integer o) -> {
      AFTER_CALLS.incrementAndGet();
      return u + o;
    }, uses, other);
    flow = f.build();
  }

  @Test
  void tasksReadingIt_executeEveryRun_othersAreCached() {
    Thread thread = new Thread(() -> { }, "an input");
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      for (int run = 1; run <= 3; run++) {
        RunResult result = Results.run(weft, flow, Inputs.of(x, 5).and(worker, thread), after, other);
        assertThat(result.get(after)).isEqualTo(16);
        assertThat(result.outcome("uses").status()).isEqualTo(Status.EXECUTED);
        assertWithMessage("%s", result.tasks()).that(result.outcome("uses").reason())
            .startsWith("not cacheable");
        if (run > 1) {
          assertWithMessage("run %s: %s", run, result.tasks())
              .that(result.outcome("other").status()).isEqualTo(Status.MEMORY_HIT);
          // uses produced the value it produced before: what reads it is still cached.
          assertWithMessage("run %s: %s", run, result.tasks())
              .that(result.outcome("after").status()).isEqualTo(Status.MEMORY_HIT);
        }
      }
    }
    assertThat(USES_CALLS.get()).isEqualTo(3);
    assertThat(OTHER_CALLS.get()).isEqualTo(1);
    assertThat(AFTER_CALLS.get()).isEqualTo(1);
  }

  @Test
  void anotherThreadEachRun_stillExecutes_withACacheDir_othersFromDisk() {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult first = Results.run(weft, flow, Inputs.of(x, 5).and(worker, new Thread(() -> { })), other,
          uses);
      assertThat(first.outcome("uses").reason()).startsWith("not cacheable");
    }
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult second = Results.run(weft, flow, Inputs.of(x, 5).and(worker, new Thread(() -> { })), other,
          uses);
      assertThat(second.outcome("uses").status()).isEqualTo(Status.EXECUTED);
      assertThat(second.outcome("uses").reason()).startsWith("not cacheable");
      assertThat(second.outcome("other").status()).isEqualTo(Status.DISK_HIT);
      assertThat(second.get(uses)).isEqualTo(6);
    }
    assertThat(USES_CALLS.get()).isEqualTo(2);
    assertThat(OTHER_CALLS.get()).isEqualTo(1);
  }
}
