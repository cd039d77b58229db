package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.weft.engine.Inputs;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A second JVM on the same cache directory resumes from disk and executes nothing. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrossProcessResumeTest {
  private static final int N = 5_000;

  @TempDir static Path snapshot;
  private static String classes;

  @TempDir Path temp;

  @BeforeAll
  static void snapshotClasses() throws Exception {
    classes = ChildJvm.snapshotClasses(snapshot);
  }

  @Test
  void aSecondJvm_loadsTheTargetFromDisk_andExecutesNothing() throws Exception {
    Path dir = temp.resolve("cache");
    List<String> first;
    try (ChildJvm child = ChildJvm.start(temp, classes, "resume", dir.toString(), "" + N)) {
      first = child.finish();
    }
    assertWithMessage("first JVM: %s", first).that(Results.childStatuses(first))
        .containsExactly("numbers", Status.EXECUTED, "sum", Status.EXECUTED,
            "report", Status.EXECUTED);
    assertThat(Results.childValue(first)).isEqualTo(CachePipelines.expectedReport(N));

    List<String> second;
    try (ChildJvm child = ChildJvm.start(temp, classes, "resume", dir.toString(), "" + N)) {
      second = child.finish();
    }
    Map<String, Status> statuses = Results.childStatuses(second);
    assertWithMessage("second JVM: %s", second).that(statuses)
        .containsExactly("report", Status.DISK_HIT);
    assertWithMessage("second JVM: %s", second).that(statuses.values())
        .doesNotContain(Status.EXECUTED);
    assertThat(second).contains("outcome report DISK_HIT unchanged");
    assertThat(Results.childValue(second)).isEqualTo(CachePipelines.expectedReport(N));
  }

  @Test
  void thisJvm_resumesFromWhatAChildWrote_andAChildFromWhatThisJvmWrote() throws Exception {
    Path dir = temp.resolve("cache");
    try (ChildJvm child = ChildJvm.start(temp, classes, "resume", dir.toString(), "" + N)) {
      child.finish();
    }
    CachePipelines.Resume p = new CachePipelines.Resume();
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult result = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.statuses(result)).containsExactly("report", Status.DISK_HIT);
      assertThat(result.get(p.report)).isEqualTo(CachePipelines.expectedReport(N));

      // A new input here: this JVM computes it, and a child then finds it on disk.
      RunResult other = Results.run(weft, p.flow, Inputs.of(p.n, N + 1), p.report);
      assertThat(Results.executed(other)).containsExactly("numbers", "sum", "report");
    }
    List<String> lines;
    try (ChildJvm child = ChildJvm.start(temp, classes, "resume", dir.toString(), "" + (N + 1))) {
      lines = child.finish();
    }
    assertWithMessage("%s", lines).that(Results.childStatuses(lines))
        .containsExactly("report", Status.DISK_HIT);
    assertThat(Results.childValue(lines)).isEqualTo(CachePipelines.expectedReport(N + 1));
  }
}
