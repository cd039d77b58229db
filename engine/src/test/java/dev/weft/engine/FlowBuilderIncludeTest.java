package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FlowBuilder#include}: a flow built in code around flows declared elsewhere. */
class FlowBuilderIncludeTest {

  private static final TypeToken<List<String>> STRINGS = new TypeToken<List<String>>() {};

  /** Flow "words": input text, task words, task count. */
  static final class Words {
    final FlowBuilder builder = Flow.builder("words");
    final Key<String> text = builder.input("text", String.class);
    final Key<List<String>> words =
        builder.task("words", STRINGS, t -> List.of(t.trim().split("\\s+")), text);
    final Key<Integer> count =
        builder.task("count", TypeToken.of(Integer.class), List::size, words);
    final Flow flow = builder.build();
  }

  @Test
  void tasksDeclaredHereReadKeysOfTheIncludedFlowAndSatisfyItsInputs() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline").include(words.flow);
    Key<Integer> copies = pipeline.input("copies", Integer.class);
    // Satisfies the included flow's input "text".
    Key<String> text = pipeline.task("text", TypeToken.of(String.class),
        n -> "la ".repeat(n), copies);
    Key<String> summary = pipeline.task("summary", TypeToken.of(String.class),
        (count, list) -> count + " words, first " + list.get(0), words.count, words.words);
    Flow flow = pipeline.build();

    assertThat(flow.name()).isEqualTo("pipeline");
    assertThat(flow.inputs()).containsExactly(copies);
    try (Weft weft = Weft.builder().build()) {
      RunResult result = weft.run(flow, Inputs.of(copies, 3), summary);
      assertThat(result.get(summary)).isEqualTo("3 words, first la");
      assertThat(result.tasks().stream().map(TaskOutcome::name).toList())
          .containsExactly("text", "words", "count", "summary").inOrder();
      // The included flow's input key names the task bound to it.
      assertThat(weft.compute(flow, words.text, Inputs.of(copies, 1))).isEqualTo("la ");
      assertThat(weft.compute(flow, text, Inputs.of(copies, 1))).isEqualTo("la ");
    }
  }

  @Test
  void anIncludedInputNoTaskSatisfiesStaysAnInputSharedWithOneOfTheSameName() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline").include(words.flow);
    Key<String> text = pipeline.input("text", String.class);
    Key<Integer> length =
        pipeline.task("length", TypeToken.of(Integer.class), String::length, text);
    Flow flow = pipeline.build();

    assertThat(flow.inputs()).hasSize(1);
    try (Weft weft = Weft.builder().build()) {
      RunResult result = weft.run(flow, Inputs.of(words.text, "a bc"));
      assertThat(result.get(length)).isEqualTo(4);
      assertThat(result.get(words.count)).isEqualTo(2);
    }
  }

  @Test
  void fanOutOverAKeyOfTheIncludedFlow() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline").include(words.flow);
    Key<List<String>> upper =
        pipeline.each("upper", TypeToken.of(String.class), String::toUpperCase, words.words);
    Flow flow = pipeline.build();

    try (Weft weft = Weft.builder().build()) {
      assertThat(weft.compute(flow, upper, Inputs.of(words.text, "x yz")))
          .containsExactly("X", "YZ").inOrder();
    }
  }

  @Test
  void aTaskNamedLikeAnIncludedTaskFailsAtItsDeclaration() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline").include(words.flow);

    GraphException e = assertThrows(GraphException.class,
        () -> pipeline.task("count", TypeToken.of(Integer.class), () -> 1));
    assertThat(e).hasMessageThat().startsWith(
        "task 'count' is declared by flow 'pipeline' and by flow 'words';");
  }

  @Test
  void includingAFlowWithATaskOfADeclaredNameFailsAtTheInclude() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline");
    pipeline.task("words", STRINGS, () -> List.of("x"));

    GraphException e = assertThrows(GraphException.class, () -> pipeline.include(words.flow));
    assertThat(e).hasMessageThat().startsWith(
        "task 'words' is declared by flow 'pipeline' and by flow 'words';");
  }

  @Test
  void twoIncludedFlowsWithATaskOfOneNameFailAtTheSecondInclude() {
    Words words = new Words();
    FlowBuilder other = Flow.builder("other");
    other.task("count", TypeToken.of(Integer.class), () -> 0);
    Flow otherFlow = other.build();
    FlowBuilder pipeline = Flow.builder("pipeline").include(words.flow);

    GraphException e = assertThrows(GraphException.class, () -> pipeline.include(otherFlow));
    assertThat(e).hasMessageThat().startsWith(
        "task 'count' is declared by flow 'words' and by flow 'other';");
  }

  @Test
  void theSameFlowIncludedTwiceIsIncludedOnce() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline")
        .include(words.flow).include(Flow.compose(words.flow));
    Flow flow = pipeline.build();

    assertThat(flow.tasks()).hasSize(2);
  }

  @Test
  void twoDifferentFlowsOfOneNameCannotBeIncluded() {
    FlowBuilder pipeline = Flow.builder("pipeline").include(new Words().flow);
    Flow other = new Words().flow;

    GraphException e = assertThrows(GraphException.class, () -> pipeline.include(other));
    assertThat(e).hasMessageThat().startsWith(
        "flow 'pipeline' includes two different flows named 'words'");
  }

  @Test
  void aKeyOfAnIncludedFlowWithTheWrongTypeIsRefusedWithBothTypes() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline").include(words.flow);
    Key<String> wrong = Key.of("words", "count", TypeToken.of(String.class));
    Key<String> missing = Key.of("words", "nothing", TypeToken.of(String.class));

    GraphException e = assertThrows(GraphException.class,
        () -> pipeline.task("copy", TypeToken.of(String.class), s -> s, wrong));
    assertThat(e).hasMessageThat().isEqualTo("task 'copy' depends on key 'count' of the included"
        + " flow 'words', as java.lang.String, but it is java.lang.Integer; use the key that"
        + " flow's generated class or builder gave");
    GraphException none = assertThrows(GraphException.class,
        () -> pipeline.task("copy", TypeToken.of(String.class), s -> s, missing));
    assertThat(none).hasMessageThat().contains("which has no task or input of that name");
  }

  @Test
  void aBuilderThatOnlyIncludesIsDrawnWithOneCluster() {
    Flow flow = Flow.builder("pipeline").include(new Words().flow).build();

    assertThat(flow.toDot().split("subgraph", -1)).hasLength(2);
    assertThat(flow.toMermaid().split("subgraph", -1)).hasLength(2);
  }

  @Test
  void keysOfAFlowNotIncludedAreRefused() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline");

    GraphException e = assertThrows(GraphException.class,
        () -> pipeline.task("twice", TypeToken.of(Integer.class), n -> 2 * n, words.count));
    assertThat(e).hasMessageThat().contains(
        "which belongs to flow 'words', not to 'pipeline' nor to a flow it included");
  }

  @Test
  void aFlowOfTheBuildersOwnNameCannotBeIncluded() {
    Words words = new Words();
    FlowBuilder clash = Flow.builder("words");

    GraphException e = assertThrows(GraphException.class, () -> clash.include(words.flow));
    assertThat(e).hasMessageThat().contains("cannot include flow 'words'");
  }

  @Test
  void aBindingOfTheWrongTypeFailsAtBuild() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline").include(words.flow);
    pipeline.task("text", TypeToken.of(Integer.class), () -> 42);

    GraphException e = assertThrows(GraphException.class, pipeline::build);
    assertThat(e).hasMessageThat().contains("input 'text' of flow 'words' is bound to task"
        + " 'text' of flow 'pipeline', but the task's type java.lang.Integer is not a"
        + " java.lang.String");
  }

  @Test
  void aBindingThatClosesACycleFailsAtBuildWithThePath() {
    Words words = new Words();
    FlowBuilder pipeline = Flow.builder("pipeline").include(words.flow);
    pipeline.task("text", TypeToken.of(String.class), n -> "x".repeat(n), words.count);

    GraphException e = assertThrows(GraphException.class, pipeline::build);
    assertThat(e).hasMessageThat().contains("has a cycle: words (flow words) -> count (flow"
        + " words) -> text (flow pipeline) -> words (flow words)");
  }

  @Test
  void includeAfterBuildAndForeignFlowsAreRefused() {
    Words words = new Words();
    FlowBuilder built = Flow.builder("pipeline");
    built.build();
    assertThrows(IllegalStateException.class, () -> built.include(words.flow));
    assertThrows(NullPointerException.class, () -> Flow.builder("p").include(null));
  }
}
