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
import dev.weft.engine.values.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached target is loaded alone: its upstream is neither run nor loaded, and the run's outcomes
 * list only the target.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CachedTargetTest {
  static final AtomicInteger SOURCE_CALLS = new AtomicInteger();
  static final AtomicInteger MIDDLE_CALLS = new AtomicInteger();
  static final AtomicInteger TARGET_CALLS = new AtomicInteger();
  static final AtomicInteger BLOB_DECODES = new AtomicInteger();

  /** The upstream values' type, stored with a codec that counts what it reads back. */
  record Blob(String text) {}

  static final Codec<Blob> BLOB_CODEC = new Codec<>() {
    @Override
    public void encode(Blob value, OutputStream out) throws IOException {
      out.write(value.text().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Blob decode(InputStream in) throws IOException {
      BLOB_DECODES.incrementAndGet();
      return new Blob(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  };

  @TempDir Path temp;
  private Flow flow;
  private Key<Integer> x;
  private Key<Blob> source;
  private Key<Blob> middle;
  private Key<Integer> target;

  /** source(x) -> middle -> target. */
  @BeforeEach
  void setUp() {
    SOURCE_CALLS.set(0);
    MIDDLE_CALLS.set(0);
    TARGET_CALLS.set(0);
    BLOB_DECODES.set(0);
    FlowBuilder f = Flow.builder("caching-target");
    x = f.input("x", Integer.class);
    source = f.task("source", TypeToken.of(Blob.class), (Integer v) -> {
      SOURCE_CALLS.incrementAndGet();
      return new Blob("x".repeat(v));
    }, x);
    middle = f.task("middle", TypeToken.of(Blob.class), (Blob b) -> {
      MIDDLE_CALLS.incrementAndGet();
      return new Blob(b.text() + b.text());
    }, source);
    target = f.task("target", TypeToken.of(Integer.class), (Blob b) -> {
      TARGET_CALLS.incrementAndGet();
      return b.text().length();
    }, middle);
    flow = f.build();
  }

  @Test
  void warmRerun_sameWeft_listsOnlyTheTarget() {
    try (Weft weft = newWeft(null)) {
      RunResult cold = Results.run(weft, flow, Inputs.of(x, 21), target);
      assertThat(Results.executed(cold)).containsExactly("source", "middle", "target");

      RunResult warm = Results.run(weft, flow, Inputs.of(x, 21), target);
      assertWithMessage("%s", warm.tasks()).that(Results.statuses(warm))
          .containsExactly("target", Status.MEMORY_HIT);
      assertThat(warm.get(target)).isEqualTo(42);
      assertThat(warm.outcome("target").reason()).isEqualTo("unchanged");
    }
    assertThat(SOURCE_CALLS.get()).isEqualTo(1);
    assertThat(MIDDLE_CALLS.get()).isEqualTo(1);
    assertThat(TARGET_CALLS.get()).isEqualTo(1);
  }

  @Test
  void warmRerun_newWeft_loadsOnlyTheTargetFromDisk() {
    Path dir = temp.resolve("cache");
    try (Weft weft = newWeft(dir)) {
      Results.run(weft, flow, Inputs.of(x, 21), target);
    }
    BLOB_DECODES.set(0);
    try (Weft weft = newWeft(dir)) {
      RunResult warm = Results.run(weft, flow, Inputs.of(x, 21), target);
      assertWithMessage("%s", warm.tasks()).that(Results.statuses(warm))
          .containsExactly("target", Status.DISK_HIT);
      assertThat(warm.get(target)).isEqualTo(42);
      assertThat(BLOB_DECODES.get()).isEqualTo(0); // no upstream value was read
      assertThat(weft.cache().stats().diskHits()).isEqualTo(1);
    }
    assertThat(SOURCE_CALLS.get()).isEqualTo(1);
    assertThat(MIDDLE_CALLS.get()).isEqualTo(1);
  }

  @Test
  void anUpstreamTarget_isLoadedAlone_too() {
    Path dir = temp.resolve("cache");
    try (Weft weft = newWeft(dir)) {
      Results.run(weft, flow, Inputs.of(x, 3), target);
    }
    BLOB_DECODES.set(0);
    try (Weft weft = newWeft(dir)) {
      RunResult result = Results.run(weft, flow, Inputs.of(x, 3), source);
      assertThat(Results.statuses(result)).containsExactly("source", Status.DISK_HIT);
      assertThat(result.get(source)).isEqualTo(new Blob("xxx"));
      assertThat(BLOB_DECODES.get()).isEqualTo(1);
    }
  }

  @Test
  void cachedTargets_oneReadingTheOther_bothHit_fromMemory() {
    try (Weft weft = newWeft(null)) {
      Results.run(weft, flow, Inputs.of(x, 5), middle, target);
      RunResult warm = Results.run(weft, flow, Inputs.of(x, 5), middle, target);
      assertWithMessage("%s", warm.tasks()).that(Results.statuses(warm))
          .containsExactly("middle", Status.MEMORY_HIT, "target", Status.MEMORY_HIT).inOrder();
      assertThat(warm.get(middle)).isEqualTo(new Blob("xxxxxxxxxx"));
      assertThat(warm.get(target)).isEqualTo(10);
    }
    assertThat(MIDDLE_CALLS.get()).isEqualTo(1);
    assertThat(TARGET_CALLS.get()).isEqualTo(1);
  }

  @Test
  void cachedTargets_oneReadingTheOther_bothHit_fromDisk() {
    Path dir = temp.resolve("cache");
    try (Weft weft = newWeft(dir)) {
      Results.run(weft, flow, Inputs.of(x, 5), target);
    }
    BLOB_DECODES.set(0);
    try (Weft weft = newWeft(dir)) {
      RunResult warm = Results.run(weft, flow, Inputs.of(x, 5), middle, target);
      assertWithMessage("%s", warm.tasks()).that(Results.statuses(warm))
          .containsExactly("middle", Status.DISK_HIT, "target", Status.DISK_HIT).inOrder();
      assertThat(warm.get(middle)).isEqualTo(new Blob("xxxxxxxxxx"));
      assertThat(warm.get(target)).isEqualTo(10);
      assertThat(BLOB_DECODES.get()).isEqualTo(1); // middle's value; source's is not read
    }
    assertThat(TARGET_CALLS.get()).isEqualTo(1);
  }

  @Test
  void everyTaskATarget_warmRerun_allHit_fromMemory() {
    try (Weft weft = newWeft(null)) {
      Results.run(weft, flow, Inputs.of(x, 5));
      RunResult warm = Results.run(weft, flow, Inputs.of(x, 5)); // no targets: every task
      assertWithMessage("%s", warm.tasks()).that(Results.statuses(warm)).containsExactly(
          "source", Status.MEMORY_HIT, "middle", Status.MEMORY_HIT, "target", Status.MEMORY_HIT)
          .inOrder();
    }
    assertThat(SOURCE_CALLS.get()).isEqualTo(1);
  }

  @Test
  void cachedTargets_farApart_bothHit_fromDisk_withoutLoadingWhatIsBetween() {
    Path dir = temp.resolve("cache");
    try (Weft weft = newWeft(dir)) {
      Results.run(weft, flow, Inputs.of(x, 5), target);
    }
    BLOB_DECODES.set(0);
    try (Weft weft = newWeft(dir)) {
      RunResult warm = Results.run(weft, flow, Inputs.of(x, 5), source, target);
      assertWithMessage("%s", warm.tasks()).that(Results.statuses(warm))
          .containsExactly("source", Status.DISK_HIT, "target", Status.DISK_HIT).inOrder();
      assertThat(warm.get(source)).isEqualTo(new Blob("xxxxx"));
      assertThat(warm.get(target)).isEqualTo(10);
      assertThat(BLOB_DECODES.get()).isEqualTo(1); // source's value; middle's is not read
    }
  }

  private Weft newWeft(Path dir) {
    Weft.Builder builder = Weft.builder().parallelism(2).codec(Blob.class, BLOB_CODEC);
    if (dir != null) {
      builder.cacheDir(dir);
    }
    return builder.build();
  }
}
