package dev.weft.engine;

import static java.util.Objects.requireNonNull;

import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.FlowPart;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** What {@link Flow}'s static methods and the engine do with flows as a whole. */
final class Flows {

  private Flows() {}

  /** See {@link Flow#compose(Flow...)}. */
  static Flow compose(Flow... flows) {
    requireNonNull(flows, "flows to compose must not be null");
    if (flows.length == 0) {
      throw new IllegalArgumentException("Flow.compose needs at least one flow to compose");
    }
    List<FlowPart> parts = new ArrayList<>();
    StringJoiner name = new StringJoiner(" + ");
    for (int i = 0; i < flows.length; i++) {
      FlowGraph graph = graph(flows[i], "flow " + (i + 1) + " passed to Flow.compose");
      name.add(graph.name());
      parts.addAll(graph.parts());
    }
    return FlowGraph.compose(name.toString(), parts);
  }

  /**
   * Returns {@code flow} as the engine's graph.
   *
   * @param role what the flow is, for the messages: {@code "flow 2 passed to Flow.compose"}
   * @throws NullPointerException if {@code flow} is null
   * @throws IllegalArgumentException if the flow was not made by Weft
   */
  static FlowGraph graph(Flow flow, String role) {
    requireNonNull(flow, () -> role + " must not be null");
    if (!(flow instanceof FlowGraph graph)) {
      throw new IllegalArgumentException(role + " is a " + flow.getClass().getName()
          + ", not a flow made by Weft; flows come from generated …Flow.of(...) methods,"
          + " Flow.builder(...) and Flow.compose(...)");
    }
    return graph;
  }
}
