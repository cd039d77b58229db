package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mistakes in a call to run — missing or mistyped inputs, targets that are not tasks of the
 * flow — throw {@link GraphException} before any task runs, with a message saying what to fix.
 */
@Timeout(60)
class RunChecksTest {
  private final AtomicInteger calls = new AtomicInteger();
  private final Recorder recorder = new Recorder();
  private final Weft weft = Weft.builder().parallelism(2).listener(recorder).build();

  /** x -> a -> b, and y -> c. */
  private final TestFlow flow = TestFlow.named("checks");
  private final Key<Integer> x = flow.input("x");
  private final Key<Integer> y = flow.input("y");
  private final Key<Integer> a = flow.task("a", args -> calls.incrementAndGet() + args.get(x), x);
  private final Key<Integer> b = flow.task("b", args -> calls.incrementAndGet() + args.get(a), a);
  private final Key<Integer> c = flow.task("c", args -> calls.incrementAndGet() + args.get(y), y);

  @AfterEach
  void close() {
    weft.close();
  }

  private GraphException rejected(Inputs inputs, Key<?>... targets) {
    GraphException e = assertThrows(GraphException.class,
        () -> weft.run(flow.build(), inputs, targets));
    assertThrows(GraphException.class, () -> weft.start(flow.build(), inputs, targets));
    assertThat(calls.get()).isEqualTo(0);
    assertThat(recorder.runsStarted.get()).isEqualTo(0);
    return e;
  }

  @Test
  void missingInput_namesTheInput() {
    GraphException e = rejected(Inputs.of(y, 1), b);

    assertThat(e).hasMessageThat().isEqualTo("input 'x' of flow 'checks' has no value; add it with"
        + " Inputs.of(key, value) or .and(key, value). The run's inputs are [y].");
  }

  @Test
  void inputOfWrongType_namesTheInputAndItsType() {
    GraphException e = rejected(Inputs.empty().and("x", "seven"), b);

    assertThat(e).hasMessageThat().isEqualTo("input 'x' of flow 'checks' must be a"
        + " java.lang.Integer, but its value is a java.lang.String (seven)");
  }

  @Test
  void inputsOnlyTheTargetsNeed_areRequired() {
    // a = 1st call + x = 2; b = 2nd call + a = 4. No value for y, which only c reads.
    assertThat(weft.compute(flow.build(), b, Inputs.of(x, 1))).isEqualTo(4);
  }

  @Test
  void unknownTarget_listsTheFlowsTasks() {
    GraphException e = rejected(Inputs.of(x, 1), flow.key("nope"));

    assertThat(e).hasMessageThat().isEqualTo("flow 'checks' has no task 'nope'; its tasks are"
        + " a, b, c");
  }

  @Test
  void targetOfAnotherFlow_namesBothFlows() {
    GraphException e = rejected(Inputs.of(x, 1), TestFlow.named("other").key("a"));

    assertThat(e).hasMessageThat().isEqualTo("target 'a' belongs to flow 'other', not to flow"
        + " 'checks'; use the keys of the flow you run (or compose the flows)");
  }

  @Test
  void targetWithAnotherType_namesBothTypes() {
    GraphException e = rejected(Inputs.of(x, 1), flow.key("a", TypeToken.of(String.class)));

    assertThat(e).hasMessageThat().isEqualTo("target 'a' has type java.lang.String, but flow"
        + " 'checks' declares it as java.lang.Integer; use the flow's own key");
  }

  @Test
  void inputAsTarget_isRejected() {
    GraphException e = rejected(Inputs.of(x, 1), x);

    assertThat(e).hasMessageThat().isEqualTo("target 'x' is an input of flow 'checks', not a"
        + " task; a run's targets are tasks whose values it computes");
  }

  @Test
  void oneBadTargetAmongGoodOnes_runsNothing() {
    GraphException e = rejected(Inputs.of(x, 1).and(y, 2), c, b, flow.key("nope"));

    assertThat(e).hasMessageThat().startsWith("flow 'checks' has no task 'nope'");
  }

  @Test
  void noTargets_checksEveryInput() {
    GraphException e = rejected(Inputs.of(x, 1));

    assertThat(e).hasMessageThat().startsWith("input 'y' of flow 'checks' has no value");
  }

  @Test
  void nullTarget_isRejected() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> weft.run(flow.build(), Inputs.of(x, 1), a, null));

    assertThat(e).hasMessageThat().isEqualTo("a target of a run of flow 'checks' is null");
    assertThat(calls.get()).isEqualTo(0);
  }
}
