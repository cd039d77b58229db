package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.Cache;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft.cache()}: statistics that move as runs hit and miss; clear; prune. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CacheManagementTest {
  private static final int N = 3_000;

  @TempDir Path temp;
  private final CachePipelines.Resume p = new CachePipelines.Resume();
  private final String expected = CachePipelines.expectedReport(N);

  @Test
  void stats_countHitsMissesAndEntries_asRunsGo() {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      Cache cache = weft.cache();
      assertThat(cache.directory()).hasValue(dir.toAbsolutePath().normalize().resolve("v1"));
      Cache.Stats empty = cache.stats();
      assertThat(empty).isEqualTo(new Cache.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

      Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      Cache.Stats cold = cache.stats();
      assertWithMessage("%s", cold).that(cold.memoryMisses()).isEqualTo(3);
      assertWithMessage("%s", cold).that(cold.diskMisses()).isEqualTo(3);
      assertWithMessage("%s", cold).that(cold.memoryHits()).isEqualTo(0);
      assertWithMessage("%s", cold).that(cold.diskHits()).isEqualTo(0);
      assertWithMessage("%s", cold).that(cold.memoryEntries()).isEqualTo(3);
      assertWithMessage("%s", cold).that(cold.memoryBytes()).isGreaterThan(0);
      assertWithMessage("%s", cold).that(cold.diskEntries()).isAtLeast(6); // 3 × (ac + cas)
      assertWithMessage("%s", cold).that(cold.diskBytes()).isGreaterThan(0);
      assertWithMessage("%s", cold).that(cold.quarantined()).isEqualTo(0);
      assertWithMessage("%s", cold).that(cold.storeFailures()).isEqualTo(0);

      RunResult warm = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.statuses(warm)).containsExactly("report", Status.MEMORY_HIT);
      Cache.Stats afterWarm = cache.stats();
      assertWithMessage("%s", afterWarm).that(afterWarm.memoryHits()).isEqualTo(1);
      assertWithMessage("%s", afterWarm).that(afterWarm.memoryMisses()).isEqualTo(3);
      assertWithMessage("%s", afterWarm).that(afterWarm.diskEntries())
          .isEqualTo(cold.diskEntries());
    }

    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult fromDisk = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.statuses(fromDisk)).containsExactly("report", Status.DISK_HIT);
      Cache.Stats stats = weft.cache().stats();
      assertWithMessage("%s", stats).that(stats.diskHits()).isEqualTo(1);
      assertWithMessage("%s", stats).that(stats.diskMisses()).isEqualTo(0);
      assertWithMessage("%s", stats).that(stats.memoryMisses()).isEqualTo(1);
      assertWithMessage("%s", stats).that(stats.memoryEntries()).isEqualTo(1);

      Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(weft.cache().stats().memoryHits()).isEqualTo(1);
      assertThat(weft.cache().stats().diskHits()).isEqualTo(1);
    }
  }

  @Test
  void clear_emptiesBothTiers_andTheNextRunExecutesEverything() throws IOException {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(weft.cache().stats().diskEntries()).isGreaterThan(0);

      weft.cache().clear();
      Cache.Stats cleared = weft.cache().stats();
      assertWithMessage("%s", cleared).that(cleared.memoryEntries()).isEqualTo(0);
      assertWithMessage("%s", cleared).that(cleared.diskEntries()).isEqualTo(0);
      assertWithMessage("%s", cleared).that(cleared.diskBytes()).isEqualTo(0);
      assertThat(bytesUnder(dir)).isEqualTo(0);

      RunResult again = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.executed(again)).containsExactly("numbers", "sum", "report");
      assertThat(again.get(p.report)).isEqualTo(expected);
    }
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      // What the run after clear() wrote is a whole cache again.
      RunResult fromDisk = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.statuses(fromDisk)).containsExactly("report", Status.DISK_HIT);
    }
  }

  @Test
  void prune_toZero_emptiesTheDirectory_andANewWeftRecomputesCorrectly() throws IOException {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      Results.run(weft, p.flow, Inputs.of(p.n, N + 1), p.report);
      long before = weft.cache().stats().diskBytes();
      assertThat(before).isGreaterThan(0);
      assertThat(bytesUnder(dir)).isAtLeast(before);

      long removed = weft.cache().prune(0);
      assertThat(removed).isGreaterThan(0);
      assertThat(removed).isAtMost(before);
      Cache.Stats pruned = weft.cache().stats();
      assertWithMessage("%s", pruned).that(pruned.diskEntries()).isEqualTo(0);
      assertWithMessage("%s", pruned).that(pruned.diskBytes()).isEqualTo(0);
      assertThat(bytesUnder(dir)).isAtMost(1024);

      // The memory tier is not pruned: this Weft still serves from it.
      RunResult fromMemory = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.statuses(fromMemory)).containsExactly("report", Status.MEMORY_HIT);
      assertThrows(IllegalArgumentException.class, () -> weft.cache().prune(-1));
    }
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult recomputed = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.executed(recomputed)).containsExactly("numbers", "sum", "report");
      assertThat(recomputed.get(p.report)).isEqualTo(expected);
    }
  }

  @Test
  void prune_toALargeBound_removesNothing() {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      long entries = weft.cache().stats().diskEntries();
      assertThat(weft.cache().prune(1L << 40)).isEqualTo(0);
      assertThat(weft.cache().stats().diskEntries()).isEqualTo(entries);
    }
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult fromDisk = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.statuses(fromDisk)).containsExactly("report", Status.DISK_HIT);
    }
  }

  @Test
  void memoryOnly_directoryIsEmpty_pruneRemovesNothing_clearEmptiesMemory() {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThat(weft.cache().directory()).isEmpty();
      Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(weft.cache().stats().memoryEntries()).isEqualTo(3);
      assertThat(weft.cache().prune(0)).isEqualTo(0);
      weft.cache().clear();
      assertThat(weft.cache().stats().memoryEntries()).isEqualTo(0);
      RunResult again = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.executed(again)).containsExactly("numbers", "sum", "report");
    }
  }

  private static long bytesUnder(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
