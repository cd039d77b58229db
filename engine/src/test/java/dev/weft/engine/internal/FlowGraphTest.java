package dev.weft.engine.internal;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.internal.TestFlows.builder;
import static dev.weft.engine.internal.TestFlows.key;
import static dev.weft.engine.internal.TestFlows.task;
import static dev.weft.engine.internal.WordStatsFixture.CORPUS;
import static dev.weft.engine.internal.WordStatsFixture.COUNTS;
import static dev.weft.engine.internal.WordStatsFixture.FILES;
import static dev.weft.engine.internal.WordStatsFixture.REPORT;
import static dev.weft.engine.internal.WordStatsFixture.TOP;
import static dev.weft.engine.internal.WordStatsFixture.TOTAL;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.graph.EndpointPair;
import com.google.common.graph.Graph;
import com.google.common.graph.Graphs;
import dev.weft.engine.Flow;
import dev.weft.engine.Key;
import org.junit.jupiter.api.Test;

/** The shape a built flow reports: its order, its lookups and its Guava graph view. */
class FlowGraphTest {

  private final FlowGraph wordStats = WordStatsFixture.flow();

  @Test
  void tasks_areInTopologicalOrder_tiesInDeclarationOrder() {
    // "late" is declared first but must wait for "c". Whenever several tasks are ready, the one
    // declared first goes first: "late" (ready after "c") still goes before "a", declared after.
    Flow flow = builder()
        .input(key("in"), true)
        .task(task("late", key("c")))
        .task(task("b", key("in")))
        .task(task("c", key("b")))
        .task(task("a"))
        .build();

    assertThat(flow.tasks())
        .containsExactly(key("b"), key("c"), key("late"), key("a"))
        .inOrder();
  }

  @Test
  void tasks_keepDeclarationOrder_whenAlreadyTopological() {
    assertThat(wordStats.tasks()).containsExactly(FILES, COUNTS, TOTAL, REPORT).inOrder();
    assertThat(wordStats.taskSpecs().stream().map(TaskSpec::name))
        .containsExactly("files", "counts", "total", "report")
        .inOrder();
  }

  @Test
  void inputs_areInDeclarationOrder() {
    assertThat(wordStats.inputs()).containsExactly(CORPUS, TOP).inOrder();
  }

  @Test
  void lookups_findInputsAndTasksByName() {
    assertThat(wordStats.name()).isEqualTo("com.example.words.WordStats");
    assertThat(wordStats.owner()).hasValue(WordStatsFixture.WordStats.class);
    assertThat(wordStats.input("top")).hasValue(TOP);
    assertThat(wordStats.input("files")).isEmpty();
    assertThat(wordStats.task("counts").map(TaskSpec::key)).hasValue(COUNTS);
    assertThat(wordStats.task("top")).isEmpty();
    assertThat(wordStats.task("nothing")).isEmpty();
  }

  @Test
  void inputKeyed_reflectsDeclaration() {
    FlowGraph flow = builder().input(key("client"), false).input(key("query"), true).build();

    assertThat(flow.inputKeyed("client")).isFalse();
    assertThat(flow.inputKeyed("query")).isTrue();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> flow.inputKeyed("missing"));
    assertThat(e).hasMessageThat().isEqualTo("flow 'f' has no input 'missing'");
  }

  @Test
  void owner_isEmpty_forFlowWithoutDeclaringClass() {
    assertThat(builder().build().owner()).isEmpty();
  }

  @Test
  void graph_edgesRunFromDependencyToDependent() {
    Graph<Key<?>> graph = wordStats.graph();

    assertThat(graph.nodes()).containsExactly(CORPUS, TOP, FILES, COUNTS, TOTAL, REPORT).inOrder();
    assertThat(graph.predecessors(REPORT)).containsExactly(TOTAL, TOP).inOrder();
    assertThat(graph.successors(FILES)).containsExactly(COUNTS);
    assertThat(graph.successors(REPORT)).isEmpty();
    assertThat(graph.adjacentNodes(COUNTS)).containsExactly(FILES, TOTAL);
    assertThat(graph.hasEdgeConnecting(TOTAL, REPORT)).isTrue();
    assertThat(graph.hasEdgeConnecting(REPORT, TOTAL)).isFalse();
    assertThat(graph.edges()).hasSize(5);
    assertThat(graph.edges()).contains(EndpointPair.ordered(TOP, REPORT));
  }

  @Test
  void graph_worksWithGuavaAlgorithms() {
    Graph<Key<?>> graph = wordStats.graph();

    assertThat(Graphs.hasCycle(graph)).isFalse();
    assertThat(Graphs.reachableNodes(graph, FILES)).containsExactly(FILES, COUNTS, TOTAL, REPORT);
  }

  @Test
  void graph_rejectsNodeOfAnotherFlow() {
    Key<?> foreign = key("files");

    assertThat(wordStats.graph().nodes().contains(foreign)).isFalse();
    assertThrows(IllegalArgumentException.class, () -> wordStats.graph().successors(foreign));
  }

  @Test
  void toString_namesFlowAndCounts() {
    assertThat(wordStats.toString())
        .isEqualTo("FlowGraph{com.example.words.WordStats: 2 inputs, 4 tasks}");
  }
}
