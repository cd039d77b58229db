package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.weft.engine.Inputs;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with {@code destroyForcibly} while it stores a large value never leaves an entry
 * that breaks the next run: that run succeeds with the right values, whether it finds the value
 * on disk or computes it again.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KilledWriterTest {
  private static final int KILLS = 4;

  @TempDir static Path snapshot;
  private static String classes;

  @TempDir Path temp;

  @BeforeAll
  static void snapshotClasses() throws Exception {
    classes = ChildJvm.snapshotClasses(snapshot);
  }

  @Test
  void killedWhileWritingALargeValue_theNextRunSucceedsWithCorrectValues() throws Exception {
    Path dir = temp.resolve("cache");
    CachePipelines.Big p = new CachePipelines.Big();
    List<String> log = new ArrayList<>();
    for (int seed = 1; seed <= KILLS; seed++) {
      // The child takes about a second from "writing" to the end of its run (encoding, checking
      // and storing 32 MiB, then the summary): spread the kills over that second.
      long delay = (seed - 1) * 250L + ThreadLocalRandom.current().nextLong(250);
      boolean killedAlive;
      try (ChildJvm child = ChildJvm.start(temp, classes, "big", dir.toString(), "" + seed)) {
        child.expectLine("writing");
        Thread.sleep(delay);
        killedAlive = child.isAlive();
        child.kill();
      }
      log.add("seed " + seed + " killed after " + delay + " ms" + (killedAlive ? "" : " (ended)"));

      byte[] expected = CachePipelines.bigBytes(seed);
      try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
        RunResult result = weft.run(p.flow, Inputs.of(p.seed, seed), p.summary);
        assertWithMessage("%s: %s", log, result.tasks()).that(result.succeeded()).isTrue();
        assertThat(result.get(p.summary)).isEqualTo(CachePipelines.summary(expected));
        assertThat(Results.statuses(result).values())
            .containsNoneOf(Status.FAILED, Status.SKIPPED, Status.CANCELLED);

        RunResult big = weft.run(p.flow, Inputs.of(p.seed, seed), p.big);
        assertWithMessage("%s", log).that(Arrays.equals(big.get(p.big), expected)).isTrue();
        assertWithMessage("%s: a kill must never leave a partial entry in place", log)
            .that(weft.cache().stats().quarantined()).isEqualTo(0);
      }
      // What the parent found or wrote is now whole: a fresh JVM-like Weft loads it.
      try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
        RunResult again = weft.run(p.flow, Inputs.of(p.seed, seed), p.summary);
        assertThat(Results.statuses(again)).containsExactly("summary", Status.DISK_HIT);
        assertThat(again.get(p.summary)).isEqualTo(CachePipelines.summary(expected));
      }
    }
    System.out.println("KilledWriterTest: " + log);
  }
}
