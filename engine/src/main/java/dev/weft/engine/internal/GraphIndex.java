package dev.weft.engine.internal;

import com.google.common.collect.ImmutableList;
import dev.weft.engine.Key;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A validated flow's nodes, numbered so that the numbers alone give a valid order: inputs first
 * in declaration order, then tasks in topological order. Edges are kept both ways as {@link Csr}
 * arrays over those numbers, which is what a scheduler walking a million nodes wants, and what
 * {@link KeyGraph} and the exporters read.
 */
final class GraphIndex {

  private final ImmutableList<Key<?>> nodes;
  private final ImmutableList<TaskSpec<?>> tasks;
  private final int inputCount;
  // A HashMap rather than an ImmutableMap: it is the one built while checking names, renumbered
  // in place, which spares a second million-entry map. Never written after construction.
  private final Map<String, Integer> indexByName;
  // Keys that name a node without being its key, in a composed flow: an input of one flow bound
  // to another flow's task of that name, or an input that two flows declare with related types.
  // Empty for a flow declared on its own.
  private final Map<Key<?>, Integer> aliases;
  private final Csr dependencies;
  private final Csr dependents;

  private GraphIndex(ImmutableList<Key<?>> nodes, ImmutableList<TaskSpec<?>> tasks,
      int inputCount, Map<String, Integer> indexByName, Map<Key<?>, Integer> aliases,
      Csr dependencies) {
    this.nodes = nodes;
    this.tasks = tasks;
    this.inputCount = inputCount;
    this.indexByName = indexByName;
    this.aliases = aliases;
    this.dependencies = dependencies;
    this.dependents = dependencies.transpose();
  }

  /**
   * Checks and numbers a flow's declarations.
   *
   * @throws dev.weft.engine.GraphException if the declarations do not form a valid flow
   */
  static GraphIndex create(String flow, List<Key<?>> inputs, List<TaskSpec<?>> declared) {
    GraphChecks.Resolved resolved = GraphChecks.resolve(flow, inputs, declared);
    int firstTask = inputs.size();
    IntFunction<String> nameOf = node -> node < firstTask
        ? inputs.get(node).name() : declared.get(node - firstTask).name();
    return number(flow, inputs, declared, resolved, new HashMap<>(), nameOf);
  }

  /**
   * Numbers the nodes of a flow whose names and dependencies were resolved, ordering its tasks;
   * {@code aliases} and {@code resolved.indexByName()} hold declaration indices and are renumbered
   * in place.
   *
   * @throws dev.weft.engine.GraphException if the tasks have a cycle
   */
  static GraphIndex number(String flow, List<Key<?>> inputs, List<TaskSpec<?>> declared,
      GraphChecks.Resolved resolved, HashMap<Key<?>, Integer> aliases,
      IntFunction<String> nameOf) {
    int firstTask = inputs.size();
    int[] order = TopologicalSort.order(flow, resolved.dependencies(), firstTask, nameOf);

    int nodeCount = firstTask + order.length;
    int[] renumbered = new int[nodeCount];
    ImmutableList.Builder<Key<?>> nodes = ImmutableList.builderWithExpectedSize(nodeCount);
    ImmutableList.Builder<TaskSpec<?>> tasks = ImmutableList.builderWithExpectedSize(order.length);
    for (int i = 0; i < firstTask; i++) {
      renumbered[i] = i;
      nodes.add(inputs.get(i));
    }
    for (int p = 0; p < order.length; p++) {
      renumbered[order[p]] = firstTask + p;
      TaskSpec<?> task = declared.get(order[p] - firstTask);
      nodes.add(task.key());
      tasks.add(task);
    }

    Csr old = resolved.dependencies();
    int[] start = new int[nodeCount + 1];
    int[] targets = new int[old.edgeCount()];
    int edge = 0;
    for (int node = 0; node < nodeCount; node++) {
      start[node] = edge;
      if (node >= firstTask) {
        int before = order[node - firstTask];
        for (int p = old.from(before); p < old.to(before); p++) {
          targets[edge++] = renumbered[old.target(p)];
        }
      }
    }
    start[nodeCount] = edge;
    HashMap<String, Integer> indexByName = resolved.indexByName();
    indexByName.replaceAll((name, before) -> renumbered[before]);
    aliases.replaceAll((key, before) -> renumbered[before]);
    return new GraphIndex(nodes.build(), tasks.build(), firstTask,
        Collections.unmodifiableMap(indexByName),
        aliases.isEmpty() ? Map.of() : Collections.unmodifiableMap(aliases),
        new Csr(start, targets));
  }

  /** All nodes by number: inputs in declaration order, then tasks in topological order. */
  ImmutableList<Key<?>> nodes() {
    return nodes;
  }

  /** The tasks in topological order; task {@code i} is node {@code inputCount() + i}. */
  ImmutableList<TaskSpec<?>> tasks() {
    return tasks;
  }

  int inputCount() {
    return inputCount;
  }

  /** For each node, the nodes it depends on, in the order of its task's dependencies. */
  Csr dependencies() {
    return dependencies;
  }

  /** For each node, the nodes that depend on it, in topological order. */
  Csr dependents() {
    return dependents;
  }

  /** Returns the number of the node called {@code name}, or -1 if there is none. */
  int indexOf(String name) {
    Integer index = indexByName.get(name);
    return index == null ? -1 : index;
  }

  /**
   * Returns the number of the node whose key is {@code key}, or that {@code key} stands for in a
   * composed flow (an input bound to a task of its name); -1 if it names no node.
   */
  int indexOf(Key<?> key) {
    int index = indexOf(key.name());
    if (index >= 0 && nodes.get(index).equals(key)) {
      return index;
    }
    Integer alias = aliases.isEmpty() ? null : aliases.get(key);
    return alias == null ? -1 : alias;
  }
}
