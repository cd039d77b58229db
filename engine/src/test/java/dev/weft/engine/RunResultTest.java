package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TaskOutcome.Status;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a {@link RunResult} tells: outcomes in topological order, values of targets, errors. */
@Timeout(60)
class RunResultTest {
  private final Weft weft = Weft.builder().parallelism(2).build();

  /** Declared out of order, so that the result must sort them: c <- b <- a <- x, and lone. */
  private final TestFlow flow = TestFlow.named("r");
  private final Key<Integer> x = flow.input("x");
  private final Key<Integer> a = flow.key("a");
  private final Key<Integer> b = flow.key("b");
  private final Key<Integer> c = flow.task("c", args -> args.get(b) + 100, flow.key("b"));
  private final Key<Integer> lone = flow.task("lone", args -> 0);

  {
    flow.task("b", args -> args.get(a) * 10, a);
    flow.task("a", args -> args.get(x) + 1, x);
  }

  @AfterEach
  void close() {
    weft.close();
  }

  @Test
  void tasks_areInTopologicalOrder_andOnlyTheNeededOnes() {
    RunResult result = weft.run(flow.build(), Inputs.of(x, 1), c);

    assertThat(result.tasks().stream().map(TaskOutcome::name).toList())
        .containsExactly("a", "b", "c").inOrder();
    assertThat(result.get(c)).isEqualTo(120);
    assertThat(result.flow()).isEqualTo("r");
    assertThat(result.failures()).isEmpty();
    assertThat(result.succeeded()).isTrue();
    assertThat(result.toString()).isEqualTo("RunResult{r: 3 executed}");
  }

  @Test
  void outcome_saysCachingOff_whenTheWeftDoesNotCache() {
    try (Weft uncached = Weft.builder().caching(false).build()) {
      RunResult result = uncached.run(flow.build(), Inputs.of(x, 1), c);

      assertThat(result.outcome("b").reason()).isEqualTo("caching off");
    }
  }

  @Test
  void outcome_byName_describesTheTask() {
    RunResult result = weft.run(flow.build(), Inputs.of(x, 1), c);

    TaskOutcome outcome = result.outcome("b");
    assertThat(outcome.name()).isEqualTo("b");
    assertThat(outcome.status()).isEqualTo(Status.EXECUTED);
    assertThat(outcome.reason()).startsWith("not cacheable"); // TestFlow tasks have no code
    assertThat(outcome.attempts()).isEqualTo(1);
    assertThat(outcome.duration()).isAtLeast(Duration.ZERO);
    assertThat(outcome.failure()).isEmpty();
  }

  @Test
  void outcome_ofUnknownOrUnneededTask_isAnError() {
    RunResult result = weft.run(flow.build(), Inputs.of(x, 1), c);

    assertThat(assertThrows(IllegalArgumentException.class, () -> result.outcome("zz")))
        .hasMessageThat().isEqualTo("flow 'r' has no task 'zz'");
    assertThat(assertThrows(IllegalArgumentException.class, () -> result.outcome("x")))
        .hasMessageThat().isEqualTo("'x' is an input of flow 'r', not a task; inputs have no"
            + " outcome");
    assertThat(assertThrows(IllegalArgumentException.class, () -> result.outcome("lone")))
        .hasMessageThat()
        .isEqualTo("task 'lone' was not needed by this run's targets, so it did not run");
  }

  @Test
  void get_ofNonTargetOrForeignKey_isAnError() {
    RunResult result = weft.run(flow.build(), Inputs.of(x, 1), c);

    assertThat(assertThrows(IllegalArgumentException.class, () -> result.get(b)))
        .hasMessageThat().isEqualTo("'b' was not a target of this run, so its value was not"
            + " kept; pass its key to run(...) among the targets");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> result.get(TestFlow.named("other").key("c"))))
        .hasMessageThat().isEqualTo("key 'c' belongs to flow 'other', not to flow 'r'; use the"
            + " keys of the flow you run (or compose the flows)");
  }

  @Test
  void get_ofTargetCancelledByAFailure_throwsCancellation() throws Exception {
    Recorder recorder = new Recorder();
    TestFlow failing = TestFlow.named("f");
    Key<Integer> bad = failing.task("bad", args -> {
      throw new IllegalStateException("bad");
    });
    Key<Integer> after = failing.task("after", args -> 1, bad);
    try (Weft failFast = Weft.builder().parallelism(2).listener(recorder).build()) {
      assertThrows(TaskFailedException.class,
          () -> failFast.run(failing.build(), Inputs.empty(), after));
    }

    CancellationException e = assertThrows(CancellationException.class,
        () -> recorder.result().get(after));
    assertThat(e).hasMessageThat()
        .isEqualTo("task 'after' did not finish: run stopped: task 'bad' failed");
    assertThat(recorder.result().toString()).isEqualTo("RunResult{f: 1 failed, 1 cancelled}");
  }
}
