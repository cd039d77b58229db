package dev.weft.engine;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.Csr;
import dev.weft.engine.internal.FlowGraph;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What is checked before any task of a run starts, so that a mistake in the call costs no
 * computation: the targets belong to the flow and are tasks, and every input the targets need is
 * given, with a value of the input's type. Also computes what the run needs: the targets'
 * upstream closure.
 */
final class RunChecks {
  private RunChecks() {}

  /** The targets' node numbers; every task of the flow when none is given. */
  static BitSet targets(FlowGraph graph, Key<?>[] targets) {
    BitSet nodes = new BitSet(graph.nodeCount());
    if (targets.length == 0) {
      nodes.set(graph.inputCount(), graph.nodeCount());
      return nodes;
    }
    for (Key<?> target : targets) {
      if (target == null) {
        throw new NullPointerException("a target of a run of flow '" + graph.name() + "' is null");
      }
      int node = graph.indexOf(target);
      if (node < 0) {
        throw new GraphException(notInFlow(graph, target, "target"));
      }
      if (node < graph.inputCount()) {
        throw new GraphException("target '" + target.name() + "' is an input of flow '"
            + graph.name() + "', not a task; a run's targets are tasks whose values it computes");
      }
      nodes.set(node);
    }
    return nodes;
  }

  /** Why {@code key} names no node of {@code graph}, for a message about a {@code role}. */
  static String notInFlow(FlowGraph graph, Key<?> key, String role) {
    if (!graph.joins(key.flow())) {
      return role + " '" + key.name() + "' belongs to flow '" + key.flow() + "', not to flow '"
          + graph.name() + "'; use the keys of the flow you run (or compose the flows)";
    }
    int sameName = graph.indexOf(key.name());
    if (sameName >= 0) {
      return role + " '" + key.name() + "' has type " + key.type() + ", but flow '" + graph.name()
          + "' declares it as " + graph.key(sameName).type() + "; use the flow's own key";
    }
    List<String> tasks = graph.tasks().stream().limit(10).map(Key::name).toList();
    return "flow '" + graph.name() + "' has no task '" + key.name() + "'; its tasks are "
        + String.join(", ", tasks) + (graph.tasks().size() > 10 ? ", …" : "");
  }

  /** The upstream closure of {@code targets}: every node they need, themselves included. */
  static BitSet needed(FlowGraph graph, BitSet targets) {
    BitSet needed = new BitSet(graph.nodeCount());
    Csr dependencies = graph.dependencies();
    IntStack stack = new IntStack();
    for (int t = targets.nextSetBit(0); t >= 0; t = targets.nextSetBit(t + 1)) {
      needed.set(t);
      stack.push(t);
    }
    while (!stack.isEmpty()) {
      int node = stack.pop();
      for (int p = dependencies.from(node); p < dependencies.to(node); p++) {
        int dependency = dependencies.target(p);
        if (!needed.get(dependency)) {
          needed.set(dependency);
          stack.push(dependency);
        }
      }
    }
    return needed;
  }

  /** Checks that every needed input has a value of its type. */
  static void inputs(FlowGraph graph, BitSet needed, Inputs inputs) {
    for (int input = needed.nextSetBit(0); input >= 0 && input < graph.inputCount();
        input = needed.nextSetBit(input + 1)) {
      Key<?> key = graph.key(input);
      Optional<Object> value = inputs.value(key.name());
      if (value.isEmpty()) {
        throw new GraphException("input '" + key.name() + "' of flow '" + key.flow()
            + "' has no value; add it with Inputs.of(key, value) or .and(key, value). The run's"
            + " inputs are " + new TreeSet<>(inputs.names()) + ".");
      }
      Class<?> expected = TypeToken.of(key.type().getType()).getRawType();
      if (!expected.isInstance(value.get())) {
        throw new GraphException("input '" + key.name() + "' of flow '" + key.flow()
            + "' must be a " + key.type() + ", but its value is a "
            + value.get().getClass().getName() + " (" + Durations.abbreviate(value.get().toString())
            + ")");
      }
    }
  }
}
