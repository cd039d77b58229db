package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TaskOutcome.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong(1_000_000 * MS); // any origin: only gaps count

  private ConsoleProgress progress(boolean terminal) {
    return new ConsoleProgress(new PrintStream(bytes, true, UTF_8), terminal, now::get);
  }

  private String output() {
    return bytes.toString(UTF_8);
  }

  private void advanceMillis(long millis) {
    now.addAndGet(millis * MS);
  }

  /** A flow of {@code tasks} independent tasks, none of which fails. */
  private static Flow independent(String name, int tasks) {
    FlowBuilder flow = Flow.builder(name);
    for (int i = 0; i < tasks; i++) {
      int value = i;
      flow.task("t" + i, () -> value);
    }
    return flow.build();
  }

  /** The result of a real run of {@code flow}, to hand to runFinished. */
  private static RunResult resultOf(Flow flow) {
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      return weft.run(flow, Inputs.empty());
    }
  }

  private static TaskOutcome executed(String task) {
    return new TaskOutcome(task, Status.EXECUTED, "new", Duration.ofMillis(3), 1, null);
  }

  private static TaskOutcome cached(String task) {
    return new TaskOutcome(task, Status.MEMORY_HIT, "cached", Duration.ZERO, 0, null);
  }

  @Test
  void terminal_redrawsOneLineInPlaceAndEndsWithTheSummary() {
    ConsoleProgress progress = progress(true);
    RunResult result = resultOf(independent("demo", 3));

    progress.runStarted("demo", 3);                    // drawn at once
    progress.taskStarted("t0");
    progress.taskStarted("t1");                        // within 100 ms: not drawn
    advanceMillis(150);
    progress.taskFinished(executed("t0"));             // drawn
    advanceMillis(50);
    progress.taskCached(cached("t2"));                 // within 100 ms: not drawn
    advanceMillis(60);
    progress.taskFinished(executed("t1"));             // drawn
    advanceMillis(40);
    progress.runFinished(result);

    assertThat(output()).isEqualTo(
        "\rdemo: 0/3 done, 0 running, 0.0 s"
            + "\rdemo: 1/3 done, 1 running, 0.2 s"
            + "\rdemo: 3/3 done (1 cached), 0 running, 0.3 s"
            + "\rdemo: 3 tasks in 0.3 s: 3 executed" + " ".repeat(9) + "\n"); // over the longer line
  }

  @Test
  void plain_printsNoCarriageReturnAndAtMostOneLineEveryFiveSeconds() {
    ConsoleProgress progress = progress(false);
    RunResult result = resultOf(independent("demo", 3));

    progress.runStarted("demo", 3);                    // not drawn: a short run prints no progress
    progress.taskStarted("t0");
    advanceMillis(4_900);
    progress.taskStarted("t1");                        // 4.9 s: not yet
    advanceMillis(100);
    progress.taskFinished(executed("t0"));             // 5.0 s: drawn
    advanceMillis(3_000);
    progress.taskFinished(executed("t1"));             // 8.0 s: too soon after the last
    progress.taskStarted("t2");
    advanceMillis(2_000);
    progress.taskFinished(executed("t2"));             // 10.0 s: drawn
    advanceMillis(1_234);
    progress.runFinished(result);

    assertThat(output()).doesNotContain("\r");
    assertThat(output()).isEqualTo(
        "demo: 1/3 done, 1 running, 5.0 s\n"
            + "demo: 3/3 done, 0 running, 10.0 s\n"
            + "demo: 3 tasks in 11.2 s: 3 executed\n");
  }

  @Test
  void plain_shortRunPrintsOnlyItsSummary() {
    Flow flow = independent("quick", 5);
    try (Weft weft = Weft.builder().parallelism(2).listener(progress(false)).build()) {
      weft.run(flow, Inputs.empty());
    }

    assertThat(output()).isEqualTo("quick: 5 tasks in 0.0 s: 5 executed\n");
  }

  @Test
  void summary_listsFailuresByNameWithWhatTheyThrew() {
    FlowBuilder builder = Flow.builder("etl");
    Key<String> read = builder.task("read", () -> "a,b");
    Key<String> parse = builder.task("parse", text -> {
      throw new IOException("bad line 3");
    }, read);
    builder.task("load", rows -> rows, parse);
    builder.task("audit", () -> 1);
    Flow flow = builder.build();

    try (Weft weft =
        Weft.builder().parallelism(2).keepGoing(true).listener(progress(false)).build()) {
      weft.run(flow, Inputs.empty());
    }

    assertThat(output()).isEqualTo(
        "etl: 4 tasks in 0.0 s: 2 executed, 1 failed, 1 skipped\n"
            + "  failed: parse: java.io.IOException: bad line 3\n");
  }

  @Test
  void summary_ofARunStoppedByAFailureCountsTheCancelledTasks() {
    FlowBuilder builder = Flow.builder("etl");
    Key<String> read = builder.task("read", () -> "a,b");
    Key<String> parse = builder.task("parse", text -> {
      throw new IOException("bad line 3");
    }, read);
    builder.task("load", rows -> rows, parse);
    Flow flow = builder.build();

    try (Weft weft = Weft.builder().parallelism(1).listener(progress(false)).build()) {
      assertThrows(TaskFailedException.class, () -> weft.run(flow, Inputs.empty()));
    }

    assertThat(output()).isEqualTo(
        "etl: 3 tasks in 0.0 s: 1 executed, 1 failed, 1 cancelled\n"
            + "  failed: parse: java.io.IOException: bad line 3\n");
  }

  @Test
  void summary_listsTenFailuresAndCountsTheRest() {
    FlowBuilder builder = Flow.builder("many");
    for (int i = 0; i < 12; i++) {
      builder.task("t" + i, () -> {
        throw new IllegalStateException("no");
      });
    }
    Flow flow = builder.build();

    try (Weft weft =
        Weft.builder().parallelism(2).keepGoing(true).listener(progress(false)).build()) {
      weft.run(flow, Inputs.empty());
    }

    List<String> lines = output().lines().toList();
    assertThat(lines.get(0)).isEqualTo("many: 12 tasks in 0.0 s: 12 failed");
    assertThat(lines.subList(1, 11))
        .containsExactly("  failed: t0: java.lang.IllegalStateException: no",
            "  failed: t1: java.lang.IllegalStateException: no",
            "  failed: t2: java.lang.IllegalStateException: no",
            "  failed: t3: java.lang.IllegalStateException: no",
            "  failed: t4: java.lang.IllegalStateException: no",
            "  failed: t5: java.lang.IllegalStateException: no",
            "  failed: t6: java.lang.IllegalStateException: no",
            "  failed: t7: java.lang.IllegalStateException: no",
            "  failed: t8: java.lang.IllegalStateException: no",
            "  failed: t9: java.lang.IllegalStateException: no")
        .inOrder();
    assertThat(lines.subList(11, lines.size())).containsExactly("  and 2 more failed");
  }

  @Test
  void terminal_realRunFromWorkerThreads_drawsOnceThenTheSummary() {
    Flow flow = independent("wide", 200);
    // The clock stands still: only the first line is drawn, whatever the threads' timing.
    try (Weft weft = Weft.builder().parallelism(4).listener(progress(true)).build()) {
      weft.run(flow, Inputs.empty());
    }

    assertThat(output()).isEqualTo(
        "\rwide: 0/200 done, 0 running, 0.0 s"
            + "\rwide: 200 tasks in 0.0 s: 200 executed\n");
  }

  @RepeatedTest(5)
  void concurrentEvents_areAllCountedAndLinesNeverInterleave() throws Exception {
    int threads = 8;
    int tasksPerThread = 2_000;
    // Each reading of the clock moves it 1 ms on, so threads keep racing to draw.
    AtomicLong ticks = new AtomicLong();
    ConsoleProgress progress = new ConsoleProgress(
        new PrintStream(bytes, true, UTF_8), true, () -> ticks.incrementAndGet() * MS);
    progress.runStarted("many", threads * tasksPerThread);
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < tasksPerThread; i++) {
          String task = "t" + thread + "-" + i;
          if (i % 4 == 0) {
            progress.taskCached(cached(task));
          } else if (i % 100 == 1) {
            progress.taskStarted(task);
            progress.taskFailed(new TaskOutcome(task, Status.FAILED, "no", Duration.ofMillis(1),
                1, new IllegalStateException("no")));
          } else {
            progress.taskStarted(task);
            progress.taskFinished(executed(task));
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }

    // 500 cached and 20 failed per thread; the rest executed.
    assertThat(progress.line()).matches(
        "many: 15840/16000 done \\(4000 cached\\), 0 running, 160 failed,"
            + " \\d+(\\.\\d s| min \\d\\d s)");
    String[] drawn = output().split("\r", -1);
    assertThat(drawn.length).isGreaterThan(2);
    for (int i = 1; i < drawn.length; i++) {
      assertThat(drawn[i]).matches("many: \\d+/16000 done( \\(\\d+ cached\\))?, \\d+ running"
          + "(, \\d+ failed)?, \\d+(\\.\\d s| min \\d\\d s) *");
    }
  }

  @Test
  void overlappingRuns_addUpOnTheLineAndEachGetsItsSummary() {
    ConsoleProgress progress = progress(true);
    RunResult a = resultOf(independent("a", 2));

    progress.runStarted("a", 2);
    advanceMillis(200);
    progress.runStarted("b", 3);
    progress.taskStarted("t0");
    advanceMillis(200);
    progress.taskFinished(executed("t0"));
    advanceMillis(100);
    progress.runFinished(a);

    assertThat(output()).isEqualTo(
        "\ra: 0/2 done, 0 running, 0.0 s"
            + "\r2 runs: 0/5 done, 0 running, 0.2 s"
            + "\r2 runs: 1/5 done, 0 running, 0.4 s"
            + "\ra: 2 tasks in 0.5 s: 2 executed" + " ".repeat(3) + "\n"
            + "\rb: 1/5 done, 0 running, 0.5 s");
  }

  @Test
  void countsStartAgainWhenNoRunIsInFlight() {
    ConsoleProgress progress = progress(false);
    RunResult result = resultOf(independent("demo", 1));
    progress.runStarted("demo", 1);
    progress.taskStarted("t0");
    progress.taskFinished(executed("t0"));
    progress.runFinished(result);
    assertThat(progress.line()).isEmpty();

    progress.runStarted("demo", 4);

    assertThat(progress.line()).isEqualTo("demo: 0/4 done, 0 running, 0.0 s");
  }

  @Test
  void elapsed_readsAsAPersonWouldSayIt() {
    assertThat(ConsoleProgress.elapsed(0)).isEqualTo("0.0 s");
    assertThat(ConsoleProgress.elapsed(1_849 * MS)).isEqualTo("1.8 s");
    assertThat(ConsoleProgress.elapsed(59_940 * MS)).isEqualTo("59.9 s");
    assertThat(ConsoleProgress.elapsed(185_000 * MS)).isEqualTo("3 min 05 s");
    assertThat(ConsoleProgress.elapsed(7_620_000 * MS)).isEqualTo("2 h 07 min");
  }

  @Test
  void liveLine_isCutSoThatItNeverWraps() {
    ConsoleProgress progress = progress(true);
    progress.runStarted("com.example.AFlowWhoseNameIsMuchLongerThanAnyTerminalWouldShowOnOneLine",
        10);

    assertThat(progress.line()).hasLength(ConsoleProgress.MAX_LINE);
    assertThat(progress.line()).startsWith("AFlowWhose");
    assertThat(progress.line()).endsWith("...");
  }
}
