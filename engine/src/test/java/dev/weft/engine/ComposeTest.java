package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Flow#compose}: flows joined by name, checked when joined, run and cached as one. */
class ComposeTest {

  private static final TypeToken<List<String>> STRINGS = new TypeToken<List<String>>() {};

  /** Flow "words": input text, task words (its words). */
  static final class Words {
    final FlowBuilder builder = Flow.builder("words");
    final Key<String> text = builder.input("text", String.class);
    final Key<List<String>> words =
        builder.task("words", STRINGS, t -> List.of(t.split(" ")), text);
    final Flow flow = builder.build();
  }

  /** Flow "stats": input words (any collection of strings), tasks count and longest. */
  static final class Stats {
    final FlowBuilder builder = Flow.builder("stats");
    final Key<Collection<String>> words =
        builder.input("words", new TypeToken<Collection<String>>() {});
    final Key<Integer> count = builder.task("count", TypeToken.of(Integer.class), Collection::size,
        words);
    final Key<List<Integer>> lengths =
        builder.each("lengths", TypeToken.of(Integer.class), String::length, words);
    final Flow flow = builder.build();
  }

  @Test
  void inputOfOneFlowIsSatisfiedByTheTaskOfItsNameInAnother() {
    Words words = new Words();
    Stats stats = new Stats();
    Flow flow = Flow.compose(words.flow, stats.flow);

    assertThat(flow.name()).isEqualTo("words + stats");
    assertThat(flow.inputs()).containsExactly(words.text);
    assertThat(flow.tasks().stream().map(Key::name).toList())
        .containsExactly("words", "count", "lengths").inOrder();
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult result = weft.run(flow, Inputs.of(words.text, "to be or not to be"));
      assertThat(result.get(stats.count)).isEqualTo(6);
      assertThat(result.get(stats.lengths)).containsExactly(2, 2, 2, 3, 2, 2).inOrder();
      // The bound input's key names the task that satisfies it.
      assertThat(result.get(stats.words)).containsExactly("to", "be", "or", "not", "to", "be");
      assertThat(result.get(words.words)).hasSize(6);
    }
  }

  @Test
  void onlyTheTargetsUpstreamRunsAcrossFlows() {
    AtomicInteger longRuns = new AtomicInteger();
    FlowBuilder other = Flow.builder("other");
    Key<String> text = other.input("text", String.class);
    Key<String> upper = other.task("upper", TypeToken.of(String.class), t -> {
      longRuns.incrementAndGet();
      return t.toUpperCase();
    }, text);
    Words words = new Words();
    Stats stats = new Stats();
    Flow flow = Flow.compose(words.flow, stats.flow, other.build());

    try (Weft weft = Weft.builder().caching(false).build()) {
      RunResult result = weft.run(flow, Inputs.of(words.text, "a bb"), stats.count);
      assertThat(result.get(stats.count)).isEqualTo(2);
      assertThat(result.tasks().stream().map(TaskOutcome::name).toList())
          .containsExactly("words", "count").inOrder();
      assertThat(weft.compute(flow, upper, Inputs.of(text, "a bb"))).isEqualTo("A BB");
    }
    assertThat(longRuns.get()).isEqualTo(1);
  }

  @Test
  void inputsOfOneNameInSeveralFlowsBecomeOneInput() {
    FlowBuilder first = Flow.builder("first");
    Key<Integer> firstTop = first.input("top", Integer.class);
    Key<Integer> doubled = first.task("doubled", TypeToken.of(Integer.class), n -> 2 * n, firstTop);
    FlowBuilder second = Flow.builder("second");
    Key<Integer> secondTop = second.input("top", Integer.class);
    Key<Integer> squared =
        second.task("squared", TypeToken.of(Integer.class), n -> n * n, secondTop);
    Flow flow = Flow.compose(first.build(), second.build());

    assertThat(flow.inputs()).hasSize(1);
    try (Weft weft = Weft.builder().build()) {
      // Either flow's key gives the one value.
      RunResult result = weft.run(flow, Inputs.of(secondTop, 7));
      assertThat(result.get(doubled)).isEqualTo(14);
      assertThat(result.get(squared)).isEqualTo(49);
    }
  }

  @Test
  void aSharedInputTakesTheMostSpecificTypeOfItsDeclarations() {
    Stats stats = new Stats();
    FlowBuilder lists = Flow.builder("lists");
    Key<List<String>> listed = lists.input("words", STRINGS);
    Key<String> first = lists.task("first", TypeToken.of(String.class), l -> l.get(0), listed);
    Flow flow = Flow.compose(stats.flow, lists.build());

    assertThat(flow.inputs()).containsExactly(listed);
    try (Weft weft = Weft.builder().build()) {
      assertThat(weft.compute(flow, first, Inputs.of(listed, List.of("x", "yy")))).isEqualTo("x");
      assertThat(weft.compute(flow, stats.count, Inputs.of(listed, List.of("x", "yy"))))
          .isEqualTo(2);
      // A value that satisfies only the wider declaration is refused before anything runs.
      GraphException e = assertThrows(GraphException.class,
          () -> weft.run(flow, Inputs.of(stats.words, Set.of("x"))));
      assertThat(e).hasMessageThat().contains("input 'words'");
      assertThat(e).hasMessageThat().contains("java.util.List<java.lang.String>");
    }
  }

  @Test
  void aBindingWhoseTypesDoNotFitNamesBothSidesAndBothTypes() {
    Words words = new Words();
    FlowBuilder numbers = Flow.builder("numbers");
    Key<List<Integer>> wrong = numbers.input("words", new TypeToken<List<Integer>>() {});
    numbers.task("sum", TypeToken.of(Integer.class),
        l -> l.stream().mapToInt(Integer::intValue).sum(), wrong);
    Flow built = numbers.build();

    GraphException e =
        assertThrows(GraphException.class, () -> Flow.compose(words.flow, built));
    assertThat(e).hasMessageThat().isEqualTo("input 'words' of flow 'numbers' is bound to task"
        + " 'words' of flow 'words', but the task's type java.util.List<java.lang.String> is not"
        + " a java.util.List<java.lang.Integer>; change one of the two types, or rename the"
        + " input or the task if they are not meant to be joined");
  }

  @Test
  void aTaskDeclaredWithoutItsTypeCannotSatisfyATypedInput() {
    FlowBuilder untyped = Flow.builder("untyped");
    untyped.task("words", () -> List.of("a"));
    Stats stats = new Stats();
    Flow built = untyped.build();

    GraphException e =
        assertThrows(GraphException.class, () -> Flow.compose(built, stats.flow));
    assertThat(e).hasMessageThat().contains("input 'words' of flow 'stats' is bound to task"
        + " 'words' of flow 'untyped', which was declared without its type (Object)");
    assertThat(e).hasMessageThat().contains("new TypeToken<...>() {}");
  }

  @Test
  void sharedInputsOfUnrelatedTypesAreRefused() {
    FlowBuilder first = Flow.builder("first");
    first.task("a", TypeToken.of(Integer.class), n -> n, first.input("top", Integer.class));
    FlowBuilder second = Flow.builder("second");
    second.task("b", TypeToken.of(String.class), s -> s, second.input("top", String.class));
    Flow one = first.build();
    Flow two = second.build();

    GraphException e = assertThrows(GraphException.class, () -> Flow.compose(one, two));
    assertThat(e).hasMessageThat().startsWith("input 'top' is declared by flow 'first' as"
        + " java.lang.Integer and by flow 'second' as java.lang.String;");
  }

  @Test
  void theSameTaskNameInTwoFlowsIsAnErrorNamingBoth() {
    Words words = new Words();
    FlowBuilder again = Flow.builder("again");
    again.task("words", STRINGS, () -> List.of("x"));
    Flow built = again.build();

    GraphException e =
        assertThrows(GraphException.class, () -> Flow.compose(words.flow, built));
    assertThat(e).hasMessageThat().startsWith(
        "task 'words' is declared by flow 'words' and by flow 'again';");
  }

  @Test
  void aCycleThroughTwoFlowsIsReportedAsAPathWithEachTasksFlow() {
    FlowBuilder left = Flow.builder("left");
    left.task("x", TypeToken.of(Integer.class), y -> y + 1, left.input("y", Integer.class));
    FlowBuilder right = Flow.builder("right");
    right.task("y", TypeToken.of(Integer.class), x -> x * 2, right.input("x", Integer.class));
    Flow one = left.build();
    Flow two = right.build();

    GraphException e = assertThrows(GraphException.class, () -> Flow.compose(one, two));
    assertThat(e).hasMessageThat().contains(
        "has a cycle: x (flow left) -> y (flow right) -> x (flow left)");
  }

  @Test
  void aFlowReachedTwiceIsJoinedOnce() {
    Words words = new Words();
    Stats stats = new Stats();
    FlowBuilder upper = Flow.builder("upper");
    Key<List<String>> input = upper.input("words", STRINGS);
    Key<String> joined =
        upper.task("joined", TypeToken.of(String.class), l -> String.join("-", l), input);

    Flow diamond = Flow.compose(
        Flow.compose(words.flow, stats.flow), Flow.compose(words.flow, upper.build()),
        words.flow);

    assertThat(diamond.tasks()).hasSize(4);
    try (Weft weft = Weft.builder().build()) {
      RunResult result = weft.run(diamond, Inputs.of(words.text, "a b"));
      assertThat(result.get(joined)).isEqualTo("a-b");
      assertThat(result.get(stats.count)).isEqualTo(2);
    }
  }

  @Test
  void twoDifferentFlowsOfOneNameCannotBeJoined() {
    Flow one = new Words().flow;
    Flow other = new Words().flow;

    GraphException e = assertThrows(GraphException.class, () -> Flow.compose(one, other));
    assertThat(e).hasMessageThat().contains("joins two different flows named 'words'");
  }

  @Test
  void badArgumentsAreRefusedWithTheirPosition() {
    Flow words = new Words().flow;
    assertThrows(IllegalArgumentException.class, Flow::compose);
    NullPointerException npe =
        assertThrows(NullPointerException.class, () -> Flow.compose(words, null));
    assertThat(npe).hasMessageThat().contains("flow 2 passed to Flow.compose");
    IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
        () -> Flow.compose(words, new ForeignFlow()));
    assertThat(foreign).hasMessageThat().contains("not a flow made by Weft");
  }

  @Test
  void tasksOfDifferentFlowsRunInParallel() throws Exception {
    // Each task waits for the other at the barrier: run one after the other, both would time out.
    CyclicBarrier barrier = new CyclicBarrier(2);
    FlowBuilder first = Flow.builder("first");
    Key<Integer> a = first.task("a", TypeToken.of(Integer.class),
        () -> barrier.await(10, TimeUnit.SECONDS));
    FlowBuilder second = Flow.builder("second");
    Key<Integer> b = second.task("b", TypeToken.of(Integer.class),
        () -> barrier.await(10, TimeUnit.SECONDS));
    Flow flow = Flow.compose(first.build(), second.build());

    try (Weft weft = Weft.builder().parallelism(2).caching(false).build()) {
      RunResult result = weft.run(flow, Inputs.empty());
      assertThat(List.of(result.get(a), result.get(b))).containsExactly(0, 1);
    }
  }

  /** Counts the runs of a cacheable task: a static field, since a captured one is not cacheable. */
  private static final AtomicInteger WORD_SPLITS = new AtomicInteger();

  private static List<String> countedSplit(String text) {
    WORD_SPLITS.incrementAndGet();
    return List.of(text.split(" "));
  }

  @Test
  void aTaskKeepsItsCacheEntriesWhenItsFlowIsComposed() {
    FlowBuilder source = Flow.builder("source");
    Key<String> text = source.input("text", String.class);
    source.task("words", STRINGS, ComposeTest::countedSplit, text);
    int before = WORD_SPLITS.get();
    Flow alone = source.build();
    Stats stats = new Stats();
    Flow flow = Flow.compose(alone, stats.flow);

    try (Weft weft = Weft.builder().build()) {
      weft.run(alone, Inputs.of(text, "a b c"));
      RunResult composed = weft.run(flow, Inputs.of(text, "a b c"));

      assertThat(composed.get(stats.count)).isEqualTo(3);
      assertThat(composed.outcome("words").status()).isEqualTo(TaskOutcome.Status.MEMORY_HIT);
      assertThat(composed.outcome("count").status()).isEqualTo(TaskOutcome.Status.EXECUTED);
      RunResult again = weft.run(flow, Inputs.of(text, "a b c"));
      assertThat(again.outcome("count").status()).isEqualTo(TaskOutcome.Status.MEMORY_HIT);
    }
    assertThat(WORD_SPLITS.get() - before).isEqualTo(1);
  }

  @Test
  void whetherASharedInputCountsIsDecidedByEachReadersOwnFlow() {
    // "plain" declares the input 'client' part of its keys; "pooled" declares it key = false,
    // as a task method's @Input(key = false) would.
    AtomicInteger plainRuns = new AtomicInteger();
    AtomicInteger pooledRuns = new AtomicInteger();
    Key<String> plainClient = Key.of("plain", "client", TypeToken.of(String.class));
    Key<Integer> plain = Key.of("plain", "plainLength", TypeToken.of(Integer.class));
    FlowGraph plainFlow = FlowGraph.builder("plain", null).input(plainClient, true)
        .task(TaskSpec.builder(plain, args -> {
          plainRuns.incrementAndGet();
          return args.get(plainClient).length();
        }).dependsOn(plainClient).version("1").build())
        .build();
    Key<String> pooledClient = Key.of("pooled", "client", TypeToken.of(String.class));
    Key<Integer> pooled = Key.of("pooled", "pooledLength", TypeToken.of(Integer.class));
    FlowGraph pooledFlow = FlowGraph.builder("pooled", null).input(pooledClient, false)
        .task(TaskSpec.builder(pooled, args -> {
          pooledRuns.incrementAndGet();
          return args.get(pooledClient).length();
        }).dependsOn(pooledClient).version("1").build())
        .build();
    Flow flow = Flow.compose(plainFlow, pooledFlow);

    try (Weft weft = Weft.builder().build()) {
      weft.run(flow, Inputs.of(plainClient, "one"));
      RunResult second = weft.run(flow, Inputs.of(plainClient, "three"));

      assertThat(second.outcome("plainLength").status()).isEqualTo(TaskOutcome.Status.EXECUTED);
      assertThat(second.outcome("plainLength").reason()).isEqualTo("input 'client' changed");
      assertThat(second.outcome("pooledLength").status())
          .isEqualTo(TaskOutcome.Status.MEMORY_HIT);
    }
    assertThat(plainRuns.get()).isEqualTo(2);
    assertThat(pooledRuns.get()).isEqualTo(1);
  }

  @Test
  void anInputDeclaredKeyFalseStaysOutOfTheKeyWhenATaskOfAnotherFlowSatisfiesIt() {
    // "service" reads a client it declares key = false; "provider" makes a new client each run.
    AtomicInteger uses = new AtomicInteger();
    Key<Object> client = Key.of("service", "client", TypeToken.of(Object.class));
    Key<Integer> use = Key.of("service", "use", TypeToken.of(Integer.class));
    FlowGraph service = FlowGraph.builder("service", null).input(client, false)
        .task(TaskSpec.builder(use, args -> {
          args.get(client);
          return uses.incrementAndGet() > 0 ? 7 : 0;
        }).dependsOn(client).version("1").build())
        .build();
    FlowBuilder provider = Flow.builder("provider");
    provider.task("client", TypeToken.of(Object.class), Object::new);
    Flow flow = Flow.compose(provider.build(), service);

    try (Weft weft = Weft.builder().build()) {
      weft.run(flow, Inputs.empty());
      RunResult again = weft.run(flow, Inputs.empty());
      assertThat(again.outcome("use").status()).isEqualTo(TaskOutcome.Status.MEMORY_HIT);
      // The same key as when the service flow runs alone.
      RunResult alone = weft.run(service, Inputs.of(client, new Object()));
      assertThat(alone.outcome("use").status()).isEqualTo(TaskOutcome.Status.MEMORY_HIT);
    }
    assertThat(uses.get()).isEqualTo(1);
  }

  @Test
  void aTaskWhoseInputIsNowComputedByAnotherFlowSaysSo() {
    Stats stats = new Stats();
    FlowBuilder words = Flow.builder("source");
    words.task("words", STRINGS, () -> List.of("a", "b"));
    Flow flow = Flow.compose(words.build(), stats.flow);

    try (Weft weft = Weft.builder().build()) {
      weft.run(stats.flow, Inputs.of(stats.words, List.of("a", "b")), stats.count);
      RunResult composed = weft.run(flow, Inputs.empty(), stats.count);
      assertThat(composed.outcome("count").reason())
          .isEqualTo("input 'words' is now computed by a task");
    }
  }

  @Test
  void aFailureInOneFlowNamesTheTaskAndSkipsItsDependentsInTheOther() {
    FlowBuilder broken = Flow.builder("broken");
    broken.task("words", STRINGS, () -> {
      throw new IllegalStateException("no words today");
    });
    Stats stats = new Stats();
    Flow flow = Flow.compose(broken.build(), stats.flow);

    try (Weft weft = Weft.builder().keepGoing(true).build()) {
      RunResult result = weft.run(flow, Inputs.empty());
      assertThat(result.failures().stream().map(TaskOutcome::name).toList())
          .containsExactly("words");
      assertThat(result.outcome("count").status()).isEqualTo(TaskOutcome.Status.SKIPPED);
      TaskFailedException e =
          assertThrows(TaskFailedException.class, () -> weft.compute(flow, stats.count,
              Inputs.empty()));
      assertThat(e.task()).isEqualTo("words");
      assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("no words today");
    }
  }

  @Test
  void keysOfAFlowThatIsNotJoinedAreRefusedAsTargets() {
    Words words = new Words();
    Stats stats = new Stats();
    Flow flow = Flow.compose(words.flow);
    try (Weft weft = Weft.builder().build()) {
      GraphException e = assertThrows(GraphException.class,
          () -> weft.run(flow, Inputs.of(words.text, "a"), stats.count));
      assertThat(e).hasMessageThat().contains("belongs to flow 'stats', not to flow 'words'");
    }
    assertThat(new ArrayList<>(flow.tasks())).containsExactly(words.words);
  }
}
