package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.weft.engine.Cache;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three JVMs run the same pipeline on one cache directory at the same moment: all succeed with the
 * same value, nothing is damaged, and a fourth run afterwards executes nothing.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrentProcessesTest {
  /** Rounds of SHA-256 per branch: a few hundred milliseconds each, so the children overlap. */
  private static final int ROUNDS = 300_000;

  @TempDir static Path snapshot;
  private static String classes;

  @TempDir Path temp;

  @BeforeAll
  static void snapshotClasses() throws Exception {
    classes = ChildJvm.snapshotClasses(snapshot);
  }

  @Test
  void threeJvmsAtOnce_allSucceedWithEqualResults_andAFourthRunExecutesNothing()
      throws Exception {
    Path dir = temp.resolve("cache");
    Path go = temp.resolve("go");
    String expected = CachePipelines.expectedJoined(ROUNDS);
    List<ChildJvm> children = new ArrayList<>();
    List<List<String>> outputs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        children.add(ChildJvm.start(
            temp, classes, "shared", dir.toString(), "" + ROUNDS, go.toString()));
      }
      for (ChildJvm child : children) {
        child.expectLine("ready");
      }
      Files.createFile(go); // all three start their runs together
      for (ChildJvm child : children) {
        outputs.add(child.finish());
      }
    } finally {
      children.forEach(ChildJvm::close);
    }

    // The three runs overlapped: each started before any ended.
    long lastStart = Long.MIN_VALUE;
    long firstEnd = Long.MAX_VALUE;
    for (List<String> lines : outputs) {
      String[] window = lines.stream().filter(l -> l.startsWith("window ")).findFirst()
          .orElseThrow(() -> new AssertionError("no window in " + lines)).split(" ");
      lastStart = Math.max(lastStart, Long.parseLong(window[1]));
      firstEnd = Math.min(firstEnd, Long.parseLong(window[2]));
    }
    assertWithMessage("children: %s", outputs).that(lastStart).isLessThan(firstEnd);

    int executedJoined = 0;
    for (List<String> lines : outputs) {
      assertWithMessage("%s", lines).that(Results.childValue(lines)).isEqualTo(expected);
      assertWithMessage("%s", lines).that(lines).contains("stats quarantined=0 storeFailures=0");
      Map<String, Status> statuses = Results.childStatuses(lines);
      assertWithMessage("%s", lines).that(statuses).containsKey("joined");
      assertWithMessage("%s", lines).that(statuses.values())
          .doesNotContain(Status.FAILED);
      if (statuses.get("joined") == Status.EXECUTED) {
        executedJoined++;
      }
    }
    assertWithMessage("children: %s", outputs).that(executedJoined).isAtLeast(1);

    CachePipelines.Shared p = new CachePipelines.Shared();
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult fourth = Results.run(weft, p.flow, Inputs.of(p.rounds, ROUNDS), p.joined);
      assertThat(Results.statuses(fourth)).containsExactly("joined", Status.DISK_HIT);
      assertThat(fourth.get(p.joined)).isEqualTo(expected);

      // Every branch is on disk too, whole and readable.
      RunResult branches = Results.run(weft, p.flow, Inputs.of(p.rounds, ROUNDS), p.a, p.b, p.c);
      assertThat(Results.executed(branches)).isEmpty();
      assertThat(branches.get(p.a)).isEqualTo(CachePipelines.chain("a", ROUNDS));
      Cache.Stats stats = weft.cache().stats();
      assertThat(stats.quarantined()).isEqualTo(0);
      assertThat(stats.storeFailures()).isEqualTo(0);
    }
    try (var tmp = Files.list(dir.resolve("v1/tmp"))) {
      assertThat(tmp.toList()).isEmpty(); // every write was renamed into place
    }
  }
}
