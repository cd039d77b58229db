package dev.weft.examples.common;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Cache;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.Weft;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines of a small flow's runs: numbers 1 to n, their squares (a fan-out), the total. */
class TaskReportTest {
  private static final String DETAIL = "once per number";

  private final FlowBuilder builder = Flow.builder("report");
  private final Key<Integer> n = builder.input("n", Integer.class);
  // Typed, so that the values can be stored on disk.
  private final Key<List<Integer>> numbers = builder.task("numbers",
      new TypeToken<List<Integer>>() {}, TaskReportTest::range, n);
  private final Key<List<Integer>> squares =
      builder.each("squares", TypeToken.of(Integer.class), TaskReportTest::square, numbers);
  private final Key<Integer> total =
      builder.task("total", TypeToken.of(Integer.class), TaskReportTest::sum, squares);
  private final Flow flow = builder.build();

  @TempDir Path cacheDir;

  static List<Integer> range(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n is negative: " + n);
    }
    return IntStream.rangeClosed(1, n).boxed().toList();
  }

  static int square(int number) {
    return number * number;
  }

  static int sum(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).sum();
  }

  private RunResult run(Weft weft, int upTo) {
    return weft.run(flow, Inputs.of(n, upTo), total);
  }

  private List<String> lines(RunResult result) {
    return TaskReport.of(flow, result).detail("squares", DETAIL).lines(1_234_000_000L, "cache");
  }

  @Test
  void firstRun_aLinePerTask_withTheDetail_thenTheSummary() {
    try (Weft weft = Weft.builder().build()) {
      List<String> lines = lines(run(weft, 3));

      assertThat(lines).hasSize(4);
      assertThat(lines.get(0)).matches("  numbers  executed      +\\d+\\.\\d\\d s  new");
      assertThat(lines.get(1))
          .matches("  squares  executed      +\\d+\\.\\d\\d s  new; once per number");
      assertThat(lines.get(2)).matches("  total    executed      +\\d+\\.\\d\\d s  new");
      assertThat(lines.get(3))
          .isEqualTo("Ran 3 tasks in 1.23 s: 3 executed, none from the cache (cache)");
    }
  }

  @Test
  void rerun_tasksNotNeeded_areNotRun_andOneTaskIsSingular() {
    try (Weft weft = Weft.builder().build()) {
      run(weft, 3);
      List<String> lines = lines(run(weft, 3));

      assertThat(lines).containsExactly(
          "  numbers  not run                 not needed: what reads it came from the cache",
          "  squares  not run                 not needed: what reads it came from the cache",
          lines.get(2),
          "Ran 1 task in 1.23 s: none executed, 1 from the cache (cache)").inOrder();
      assertThat(lines.get(2)).matches("  total    memory cache +\\d+\\.\\d\\d s  unchanged");
    }
  }

  @Test
  void fanOutWithElementsFromTheCache_leavesTheDetailOut() {
    try (Weft weft = Weft.builder().cacheDir(cacheDir).build()) {
      run(weft, 3);
    }
    try (Weft weft = Weft.builder().cacheDir(cacheDir).build()) {
      List<String> lines = lines(run(weft, 4));

      // The detail counts every element; the reason already says how many were loaded.
      assertThat(lines.get(1)).matches("  squares  executed +\\d+\\.\\d\\d s  upstream 'numbers'"
          + " changed; 3 of 4 elements cached");
      assertThat(lines.get(3))
          .isEqualTo("Ran 3 tasks in 1.23 s: 3 executed, none from the cache (cache)");
    }
  }

  @Test
  void failedAndSkippedTasks_areCountedInTheSummary_withoutTheDetail() {
    try (Weft weft = Weft.builder().keepGoing(true).build()) {
      List<String> lines = lines(run(weft, -1));

      assertThat(lines.get(0)).matches("  numbers  failed +\\d+\\.\\d\\d s  .*n is negative: -1");
      assertThat(lines.get(1))
          .matches("  squares  skipped +\\d+\\.\\d\\d s  upstream 'numbers' failed");
      assertThat(lines.get(2))
          .matches("  total    skipped +\\d+\\.\\d\\d s  upstream 'numbers' failed");
      assertThat(lines.get(3)).isEqualTo("Ran 3 tasks in 1.23 s: none executed, none from the"
          + " cache, 1 failed, 2 skipped (cache)");
    }
  }

  @Test
  void describeCache_namesTheDirectoryAndItsSize_orCachingOff() {
    Cache.Stats stats = new Cache.Stats(0, 0, 0, 0, 0, 0, 2468, 805_300, 0, 0);

    assertThat(TaskReport.describeCache(Path.of(".weft", "cache"), stats))
        .isEqualTo(".weft/cache: 2,468 entries, 805 KB");
    try (Weft weft = Weft.builder().caching(false).build()) {
      assertThat(TaskReport.describeCache(Optional.empty(), weft)).isEqualTo("caching off");
    }
    try (Weft weft = Weft.builder().cacheDir(cacheDir).build()) {
      run(weft, 2);
      assertThat(TaskReport.describeCache(Optional.of(cacheDir), weft))
          .matches(Pattern.quote(cacheDir.toString())
              + ": [1-9]\\d* entries, \\d+ (bytes|KB)");
    }
  }

  @Test
  void size_inDecimalUnits() {
    assertThat(TaskReport.size(0)).isEqualTo("0 bytes");
    assertThat(TaskReport.size(999)).isEqualTo("999 bytes");
    assertThat(TaskReport.size(1000)).isEqualTo("1 KB");
    assertThat(TaskReport.size(21_499)).isEqualTo("21 KB");
    assertThat(TaskReport.size(21_500)).isEqualTo("22 KB");
    assertThat(TaskReport.size(3_420_000)).isEqualTo("3.4 MB");
    assertThat(TaskReport.size(1_234_000_000)).isEqualTo("1.23 GB");
  }
}
