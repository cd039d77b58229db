package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys, types and the shape of flows built with {@link FlowBuilder}. */
class FlowBuilderTest {

  private static final TypeToken<List<String>> STRINGS = new TypeToken<List<String>>() {};

  private final FlowBuilder builder = Flow.builder("words");

  @Test
  void input_returnsKeyOfThisFlow_withExactType() {
    Key<Path> corpus = builder.input("corpus", Path.class);
    Key<List<String>> stop = builder.input("stop", STRINGS);

    assertThat(corpus.flow()).isEqualTo("words");
    assertThat(corpus.name()).isEqualTo("corpus");
    assertThat(corpus.type()).isEqualTo(TypeToken.of(Path.class));
    assertThat(stop.type()).isEqualTo(STRINGS);
    assertThat(builder.build().inputs()).containsExactly(corpus, stop).inOrder();
  }

  @Test
  void input_primitiveClass_becomesWrapperType() {
    Key<Integer> top = builder.input("top", int.class);

    assertThat(top.type()).isEqualTo(TypeToken.of(Integer.class));
  }

  @Test
  void task_withoutType_hasKeyOfTypeObject() {
    Key<String> text = builder.input("text", String.class);

    Key<Integer> length = builder.task("length", String::length, text);

    assertThat(length.flow()).isEqualTo("words");
    assertThat(length.name()).isEqualTo("length");
    assertThat(length.type()).isEqualTo(TypeToken.of(Object.class));
  }

  @Test
  void task_withType_hasKeyOfThatType_primitivesWrapped() {
    Key<String> text = builder.input("text", String.class);

    Key<List<String>> words =
        builder.task("words", STRINGS, line -> Arrays.asList(line.split(" ")), text);
    Key<Integer> count = builder.task("count", TypeToken.of(int.class), List::size, words);

    assertThat(words.type()).isEqualTo(STRINGS);
    assertThat(count.type()).isEqualTo(TypeToken.of(Integer.class));
  }

  @Test
  void build_keepsReturnedKeyInstances_asNodesAndDependencies() {
    Key<String> text = builder.input("text", String.class);
    Key<Integer> length = builder.task("length", String::length, text);

    FlowGraph flow = (FlowGraph) builder.build();

    TaskSpec<?> spec = flow.task("length").orElseThrow();
    assertThat(spec.key()).isSameInstanceAs(length);
    assertThat(spec.dependencies().get(0)).isSameInstanceAs(text);
    assertThat(flow.inputs().iterator().next()).isSameInstanceAs(text);
    assertThat(flow.tasks().get(0)).isSameInstanceAs(length);
  }

  @Test
  void build_namesFlowAsGiven_withoutOwnerClass() {
    builder.task("hello", () -> "hello");

    FlowGraph flow = (FlowGraph) builder.build();

    assertThat(flow.name()).isEqualTo("words");
    assertThat(flow.owner()).isEmpty();
  }

  @Test
  void build_ordersTasksAsDeclared_withTheirDependencies() {
    Key<String> text = builder.input("text", String.class);
    Key<Integer> length = builder.task("length", String::length, text);
    Key<Integer> twice = builder.task("twice", n -> 2 * n, length);
    Key<String> upper = builder.task("upper", String::toUpperCase, text);
    Key<String> report = builder.task("report", (n, s) -> s + n, twice, upper);

    FlowGraph flow = (FlowGraph) builder.build();

    assertThat(flow.tasks()).containsExactly(length, twice, upper, report).inOrder();
    assertThat(flow.graph().predecessors(report)).containsExactly(twice, upper);
    assertThat(flow.graph().successors(text)).containsExactly(length, upper);
  }

  @Test
  void task_sameKeyForTwoArguments_dependsOnItOnce_andPassesItTwice() throws Exception {
    Key<Integer> x = builder.input("x", Integer.class);
    Key<Integer> square = builder.task("square", (a, b) -> a * b, x, x);
    Flow flow = builder.build();

    TaskSpec<?> spec = ((FlowGraph) flow).task("square").orElseThrow();

    assertThat(spec.dependencies()).containsExactly(x);
    assertThat(new FakeTaskArgs().with(x, 7).call(flow, square)).isEqualTo(49);
  }

  @Test
  void task_usesTheDefaultsOfTaskAnnotation() {
    builder.task("hello", () -> "hello");

    TaskSpec<?> spec = ((FlowGraph) builder.build()).task("hello").orElseThrow();

    assertThat(spec.cache()).isTrue();
    assertThat(spec.version()).isEmpty();
    assertThat(spec.retries()).isEqualTo(0);
    assertThat(spec.timeout()).isEmpty();
    assertThat(spec.limits()).isEmpty();
    assertThat(spec.async()).isFalse();
    assertThat(spec.each()).isEmpty();
    assertThat(spec.methodName()).isEmpty();
  }

  @Test
  void build_calledAgain_returnsTheSameFlow() {
    builder.input("text", String.class);

    Flow first = builder.build();

    assertThat(builder.build()).isSameInstanceAs(first);
  }

  @Test
  void builders_ofDifferentNames_makeUnequalKeys() {
    Key<String> here = builder.input("text", String.class);
    Key<String> there = Flow.builder("other").input("text", String.class);

    assertThat(here).isNotEqualTo(there);
  }
}
