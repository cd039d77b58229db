package dev.weft.engine.internal;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.internal.TestFlows.builder;
import static dev.weft.engine.internal.TestFlows.key;
import static dev.weft.engine.internal.TestFlows.task;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.GraphException;
import dev.weft.engine.Key;
import org.junit.jupiter.api.Test;

/** The checks of {@link FlowGraph.Builder#build()}, one test per rule, on exact messages. */
class FlowGraphValidationTest {

  @Test
  void build_rejectsNameUsedByInputAndTask() {
    FlowGraph.Builder flow = builder().input(key("a"), true).task(task("a"));

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().isEqualTo("flow 'f' declares 'a' twice (as input and as task);"
        + " inputs and tasks of one flow need distinct names");
  }

  @Test
  void build_rejectsTwoTasksOfOneName() {
    FlowGraph.Builder flow = builder().task(task("a")).task(task("a"));

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().isEqualTo("flow 'f' declares 'a' twice (as task and as task);"
        + " inputs and tasks of one flow need distinct names");
  }

  @Test
  void build_rejectsUnknownDependency() {
    FlowGraph.Builder flow = builder().task(task("total", key("cnts")));

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().isEqualTo("task 'total' depends on 'cnts', which is neither an"
        + " input nor a task of flow 'f'; declare it in the flow or fix the name");
  }

  @Test
  void build_rejectsCycle_withPath() {
    FlowGraph.Builder flow = builder()
        .task(task("a", key("c")))
        .task(task("b", key("a")))
        .task(task("c", key("b")));

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().isEqualTo("flow 'f' has a cycle: a -> b -> c -> a; a task"
        + " cannot depend on its own value, directly or through other tasks: remove one of these"
        + " dependencies");
  }

  @Test
  void build_reportsOnlyTheCycle_notTasksDownstreamOfIt() {
    // "d" is stuck behind the cycle but is not on it; the path must leave it out.
    FlowGraph.Builder flow = builder()
        .input(key("in"), true)
        .task(task("d", key("c")))
        .task(task("ok", key("in")))
        .task(task("b", key("c"), key("ok")))
        .task(task("c", key("b")));

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().startsWith("flow 'f' has a cycle: b -> c -> b;");
  }

  @Test
  void build_rejectsSelfDependency_asCycle() {
    FlowGraph.Builder flow = builder().task(task("a", key("a")));

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().startsWith("flow 'f' has a cycle: a -> a;");
  }

  @Test
  void build_rejectsInputKeyOfAnotherFlow() {
    Key<String> foreign = Key.of("g", "corpus", TypeToken.of(String.class));
    FlowGraph.Builder flow = builder().input(foreign, true);

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().isEqualTo("input 'corpus' has a key of flow 'g', not of flow"
        + " 'f'; use the key made for this flow");
  }

  @Test
  void build_rejectsDependencyOnKeyOfAnotherFlow() {
    Key<String> foreign = Key.of("g", "a", TypeToken.of(String.class));
    FlowGraph.Builder flow = builder().task(task("a")).task(task("b", foreign));

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().isEqualTo("task 'b' depends on 'a' of flow 'g', not of flow"
        + " 'f'; a task can depend only on tasks and inputs of its own flow");
  }

  @Test
  void build_rejectsDependencyWithAnotherType() {
    Key<Integer> wrongType = Key.of(TestFlows.FLOW, "a", TypeToken.of(Integer.class));
    FlowGraph.Builder flow = builder().task(task("a")).task(task("b", wrongType));

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().isEqualTo("task 'b' depends on 'a' as java.lang.Integer, but"
        + " 'a' is java.lang.String; use the flow's key for 'a'");
  }

  @Test
  void build_rejectsEachOverNonCollection() {
    Key<java.util.List<String>> counts =
        Key.of(TestFlows.FLOW, "counts", new TypeToken<java.util.List<String>>() {});
    FlowGraph.Builder flow = builder()
        .input(key("text"), true)
        .task(TaskSpec.builder(counts, args -> "")
            .dependsOn(key("text"))
            .each(key("text"))
            .build());

    GraphException e = assertThrows(GraphException.class, flow::build);

    assertThat(e).hasMessageThat().isEqualTo("task 'counts' fans out over 'text', whose type"
        + " java.lang.String is not a Collection; fan out only over a task or input whose value"
        + " is a Collection");
  }

  @Test
  void builder_rejectsEmptyFlowName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FlowGraph.builder("", null));

    assertThat(e).hasMessageThat().isEqualTo("name of a flow must not be empty");
  }
}
