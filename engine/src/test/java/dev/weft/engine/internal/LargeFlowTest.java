package dev.weft.engine.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.GraphException;
import dev.weft.engine.Key;
import org.junit.jupiter.api.Test;

/**
 * Flows that are one long chain, the shape that breaks anything recursive: a recursive sort,
 * cycle search or export needs a stack frame per node and throws {@link StackOverflowError} long
 * before 200,000. These tests prove the graph code iterates; how fast it goes is for the JMH suite.
 */
class LargeFlowTest {

  private static final String FLOW = "chain";
  private static final TypeToken<Integer> INTEGER = TypeToken.of(Integer.class);
  private static final TaskBody BODY = args -> 0;

  @Test
  void build_millionNodeChain_ordersWithoutStackOverflow() {
    int nodes = 1_000_000;
    Key<?>[] keys = keys(nodes);

    FlowGraph flow = chain(keys);

    assertThat(flow.tasks()).hasSize(nodes - 1);
    assertThat(flow.tasks().get(0)).isEqualTo(keys[1]);
    assertThat(flow.tasks().get(nodes - 2)).isEqualTo(keys[nodes - 1]);
    assertThat(flow.graph().successors(keys[nodes / 2])).containsExactly(keys[nodes / 2 + 1]);
  }

  @Test
  void build_millionNodeCycle_reportsWholePath_withoutStackOverflow() {
    int nodes = 1_000_000;
    Key<?>[] keys = keys(nodes);
    FlowGraph.Builder builder = FlowGraph.builder(FLOW, null);
    for (int i = 0; i < nodes; i++) {
      // t0 depends on the last task, closing the chain into one cycle of a million tasks.
      Key<?> previous = keys[(i + nodes - 1) % nodes];
      builder.task(TaskSpec.builder(keys[i], BODY).dependsOn(previous).build());
    }

    GraphException e = assertThrows(GraphException.class, builder::build);

    assertThat(e).hasMessageThat().startsWith("flow 'chain' has a cycle: t0 -> t1 -> t2 -> ");
    assertThat(e).hasMessageThat().contains(" -> t999999 -> t0; ");
  }

  @Test
  void export_longChain_withoutStackOverflow() {
    // 200,000 rather than a million nodes: the three exports of a million-node chain are about
    // 330 MB of text and took 4 to 12 seconds on a loaded 2-core machine, while 200,000 stack
    // frames already overflow any recursive exporter just the same.
    Key<?>[] keys = keys(200_000);

    FlowGraph flow = chain(keys);

    assertThat(flow.toDot()).endsWith("  \"t199998\" -> \"t199999\";\n}\n");
    assertThat(flow.toMermaid()).endsWith("  t199998 --> t199999\n");
    assertThat(flow.toJson()).endsWith("      \"name\": \"t199999\",\n"
        + "      \"type\": \"java.lang.Integer\",\n"
        + "      \"dependsOn\": [\n"
        + "        \"t199998\"\n"
        + "      ],\n"
        + "      \"cache\": true,\n"
        + "      \"retries\": 0,\n"
        + "      \"limits\": [],\n"
        + "      \"async\": false\n"
        + "    }\n"
        + "  ]\n"
        + "}\n");
  }

  /** Input {@code t0}, then tasks {@code t1..tn-1} each reading the one before. */
  private static FlowGraph chain(Key<?>[] keys) {
    FlowGraph.Builder builder = FlowGraph.builder(FLOW, null).input(keys[0], true);
    // Declared last-first, so that the topological sort has to reverse the whole chain.
    for (int i = keys.length - 1; i > 0; i--) {
      builder.task(TaskSpec.builder(keys[i], BODY).dependsOn(keys[i - 1]).build());
    }
    return builder.build();
  }

  private static Key<?>[] keys(int nodes) {
    Key<?>[] keys = new Key<?>[nodes];
    for (int i = 0; i < nodes; i++) {
      keys[i] = Key.of(FLOW, "t" + i, INTEGER);
    }
    return keys;
  }
}
