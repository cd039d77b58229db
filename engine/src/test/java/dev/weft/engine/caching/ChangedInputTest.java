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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the tasks that read a changed input, and their dependents whose upstream value changed,
 * run again; the branch reading the other input stays cached.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChangedInputTest {
  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  @TempDir Path temp;

  private Flow flow;
  private Key<Integer> left;
  private Key<String> right;
  private Key<String> both;
  private Key<Integer> leftOut;
  private Key<String> rightOut;

  static void called(String task) {
    CALLS.computeIfAbsent(task, unused -> new AtomicInteger()).incrementAndGet();
  }

  static int calls(String task) {
    AtomicInteger count = CALLS.get(task);
    return count == null ? 0 : count.get();
  }

  /**
   * left -> l1 -> l2 ; right -> r1 -> r2 ; both(l2, r2). Branches read different inputs of
   * different types.
   */
  @BeforeEach
  void setUp() {
    CALLS.clear();
    FlowBuilder f = Flow.builder("caching-branches");
    left = f.input("left", Integer.class);
    right = f.input("right", String.class);
    Key<Integer> l1 = f.task("l1", TypeToken.of(Integer.class), v -> {
      called("l1");
      return v * 2;
    }, left);
    leftOut = f.task("l2", TypeToken.of(Integer.class), ChangedInputTest::plusOne, l1);
    Key<String> r1 = f.task("r1", TypeToken.of(String.class), s -> {
      called("r1");
      return s.toUpperCase(java.util.Locale.ROOT);
    }, right);
    rightOut = f.task("r2", TypeToken.of(String.class), s -> {
      called("r2");
      return s + "!";
    }, r1);
    both = f.task("both", TypeToken.of(String.class), (l, r) -> {
      called("both");
      return l + "/" + r;
    }, leftOut, rightOut);
    flow = f.build();
  }

  static int plusOne(int v) {
    called("l2");
    return v + 1;
  }

  @Test
  void changingOneInput_rerunsItsBranch_andLeavesTheOtherCached() {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult first = Results.run(weft, flow, Inputs.of(left, 1).and(right, "a"), both);
      assertThat(Results.executed(first)).containsExactly("l1", "l2", "r1", "r2", "both");
      assertThat(first.get(both)).isEqualTo("3/A!");

      RunResult second = Results.run(weft, flow, Inputs.of(left, 2).and(right, "a"), both);
      assertThat(second.get(both)).isEqualTo("5/A!");
      Map<String, Status> statuses = Results.statuses(second);
      assertWithMessage("%s", second.tasks()).that(statuses)
          .containsAtLeast("l1", Status.EXECUTED, "l2", Status.EXECUTED, "both", Status.EXECUTED);
      assertThat(second.outcome("l1").reason()).isEqualTo("input 'left' changed");
      assertThat(second.outcome("l2").reason()).isEqualTo("upstream 'l1' changed");
      assertThat(second.outcome("both").reason()).isEqualTo("upstream 'l2' changed");
      // The right branch: its end is read from the cache, and nothing it needs runs.
      assertThat(statuses).containsEntry("r2", Status.MEMORY_HIT);
      assertThat(second.outcome("r2").reason()).isEqualTo("unchanged");
      assertRightBranchDidNotRun(second);
      assertThat(calls("r1")).isEqualTo(1);
      assertThat(calls("r2")).isEqualTo(1);
      assertThat(calls("l1")).isEqualTo(2);

      // And the other way round.
      RunResult third = Results.run(weft, flow, Inputs.of(left, 2).and(right, "b"), both);
      assertThat(third.get(both)).isEqualTo("5/B!");
      assertThat(third.outcome("r1").reason()).isEqualTo("input 'right' changed");
      assertThat(third.outcome("r2").reason()).isEqualTo("upstream 'r1' changed");
      assertThat(third.outcome("l2").status()).isEqualTo(Status.MEMORY_HIT);
      assertThat(calls("l1")).isEqualTo(2);
      assertThat(calls("l2")).isEqualTo(2);
    }
  }

  @Test
  void changingOneInput_inANewWeft_readsTheOtherBranchFromDisk() {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      Results.run(weft, flow, Inputs.of(left, 1).and(right, "a"), both);
    }
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult second = Results.run(weft, flow, Inputs.of(left, 2).and(right, "a"), both);
      assertThat(second.get(both)).isEqualTo("5/A!");
      assertThat(second.outcome("l1").status()).isEqualTo(Status.EXECUTED);
      assertThat(second.outcome("l1").reason()).isEqualTo("input 'left' changed");
      assertThat(second.outcome("l2").reason()).isEqualTo("upstream 'l1' changed");
      assertThat(second.outcome("r2").status()).isEqualTo(Status.DISK_HIT);
      assertRightBranchDidNotRun(second);
    }
    assertThat(calls("r1")).isEqualTo(1);
    assertThat(calls("r2")).isEqualTo(1);
  }

  @Test
  void targetsOfBothBranches_onlyTheChangedBranchExecutes() {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      Results.run(weft, flow, Inputs.of(left, 1).and(right, "a"), leftOut, rightOut);
      RunResult second = Results.run(weft, flow, Inputs.of(left, 1).and(right, "z"), leftOut, rightOut);
      assertThat(Results.statuses(second)).containsExactly(
          "l2", Status.MEMORY_HIT, "r1", Status.EXECUTED, "r2", Status.EXECUTED);
      assertThat(second.get(rightOut)).isEqualTo("Z!");
      assertThat(second.get(leftOut)).isEqualTo(3);
    }
  }

  private static void assertRightBranchDidNotRun(RunResult result) {
    List<TaskOutcome> right = result.tasks().stream()
        .filter(t -> t.name().startsWith("r")).toList();
    for (TaskOutcome t : right) {
      assertWithMessage("%s", result.tasks()).that(t.status())
          .isAnyOf(Status.MEMORY_HIT, Status.DISK_HIT);
    }
  }
}
