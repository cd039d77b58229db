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
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value that cannot go to disk — one Jackson writes but cannot read back, a thread — is still
 * the task's value: the run succeeds with a cache directory, the value stays in memory for later
 * runs of the same Weft, and a new Weft on the directory computes it again.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnserializableValueTest {
  static final AtomicInteger OPAQUE_CALLS = new AtomicInteger();
  static final AtomicInteger THREAD_CALLS = new AtomicInteger();
  static final AtomicInteger READS_CALLS = new AtomicInteger();

  /** Jackson writes it ({"n":..,"s":..}) but cannot create one: no creator, no setters. */
  public static final class Opaque {
    private final int n;
    private final String s;

    public Opaque(int n, String s) {
      this.n = n;
      this.s = s;
    }

    public int getN() {
      return n;
    }

    public String getS() {
      return s;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Opaque other && other.n == n && other.s.equals(s);
    }

    @Override
    public int hashCode() {
      return Objects.hash(n, s);
    }
  }

  @TempDir Path temp;
  private Flow flow;
  private Key<Integer> x;
  private Key<Opaque> opaque;
  private Key<Thread> thread;
  private Key<Integer> reads;

  @BeforeEach
  void setUp() {
    OPAQUE_CALLS.set(0);
    THREAD_CALLS.set(0);
    READS_CALLS.set(0);
    FlowBuilder f = Flow.builder("caching-unserializable");
    x = f.input("x", Integer.class);
    opaque = f.task("opaque", TypeToken.of(Opaque.class), v -> {
      OPAQUE_CALLS.incrementAndGet();
      return new Opaque(v, "v" + v);
    }, x);
    thread = f.task("thread", TypeToken.of(Thread.class), v -> {
      THREAD_CALLS.incrementAndGet();
      return new Thread(() -> { }, "unstarted-" + v);
    }, x);
    reads = f.task("reads", TypeToken.of(Integer.class), (Opaque o, Integer v) -> {
      READS_CALLS.incrementAndGet();
      return o.getN() + v;
    }, opaque, x);
    flow = f.build();
  }

  @Test
  void unserializableValues_areReturned_andKeptInMemory() {
    Path dir = temp.resolve("cache");
    Opaque first;
    Thread firstThread;
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult one = Results.run(weft, flow, Inputs.of(x, 4), opaque, thread, reads);
      assertWithMessage("%s", one.tasks()).that(one.succeeded()).isTrue();
      first = one.get(opaque);
      firstThread = one.get(thread);
      assertThat(first).isEqualTo(new Opaque(4, "v4"));
      assertThat(firstThread.getName()).isEqualTo("unstarted-4");
      assertThat(one.get(reads)).isEqualTo(8);
      assertThat(Results.executed(one)).containsExactly("opaque", "thread", "reads");

      // (Targets that do not depend on one another: a run of cached targets one of which reads
      // another is the subject of CachedTargetTest.)
      RunResult two = Results.run(weft, flow, Inputs.of(x, 4), opaque, thread);
      assertWithMessage("%s", two.tasks()).that(Results.statuses(two)).containsExactly(
          "opaque", Status.MEMORY_HIT, "thread", Status.MEMORY_HIT);
      assertThat(two.get(opaque)).isSameInstanceAs(first);
      assertThat(two.get(thread)).isSameInstanceAs(firstThread);
      RunResult twoReads = Results.run(weft, flow, Inputs.of(x, 4), reads);
      assertThat(Results.statuses(twoReads)).containsExactly("reads", Status.MEMORY_HIT);
    }
    assertThat(OPAQUE_CALLS.get()).isEqualTo(1);
    assertThat(THREAD_CALLS.get()).isEqualTo(1);

    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult three = Results.run(weft, flow, Inputs.of(x, 4), opaque, thread, reads);
      assertWithMessage("%s", three.tasks()).that(three.succeeded()).isTrue();
      assertThat(three.outcome("opaque").status()).isEqualTo(Status.EXECUTED);
      assertThat(three.outcome("thread").status()).isEqualTo(Status.EXECUTED);
      assertThat(three.get(opaque)).isEqualTo(first);
      // reads' value is an Integer, stored on disk; its key is made of opaque's digest, which
      // does not depend on the JVM that made the value: it is read back, not recomputed.
      assertThat(three.outcome("reads").status()).isEqualTo(Status.DISK_HIT);
      assertThat(three.get(reads)).isEqualTo(8);
    }
    assertThat(OPAQUE_CALLS.get()).isEqualTo(2);
    assertThat(THREAD_CALLS.get()).isEqualTo(2);
    assertThat(READS_CALLS.get()).isEqualTo(1);
  }

  @Test
  void unserializableTarget_inANewWeft_executesAgain() {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      assertThat(Results.run(weft, flow, Inputs.of(x, 9), opaque).get(opaque))
          .isEqualTo(new Opaque(9, "v9"));
    }
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult again = Results.run(weft, flow, Inputs.of(x, 9), opaque);
      assertThat(Results.statuses(again)).containsExactly("opaque", Status.EXECUTED);
      assertThat(again.get(opaque)).isEqualTo(new Opaque(9, "v9"));
    }
    assertThat(OPAQUE_CALLS.get()).isEqualTo(2);
  }
}
