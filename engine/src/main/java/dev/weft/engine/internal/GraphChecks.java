package dev.weft.engine.internal;

import dev.weft.engine.GraphException;
import dev.weft.engine.Key;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * The checks of {@link FlowGraph.Builder#build()} that need no graph traversal: every key belongs
 * to the flow, names are unique, every dependency is declared with the same type, and fan-out
 * sources are collections. Cycles are {@link TopologicalSort}'s job.
 *
 * <p>The processor already guarantees all of this for generated flows; the checks are here for
 * flows built in code, whose mistakes would otherwise surface as wrong values mid-run.
 */
final class GraphChecks {

  /** What the checks found out on the way, in declaration order: inputs first, then tasks. */
  record Resolved(HashMap<String, Integer> indexByName, Csr dependencies) {}

  private GraphChecks() {}

  static Resolved resolve(String flow, List<Key<?>> inputs, List<TaskSpec<?>> tasks) {
    int nodes = inputs.size() + tasks.size();
    HashMap<String, Integer> indexByName = new HashMap<>(nodes * 4 / 3 + 1);
    for (int i = 0; i < inputs.size(); i++) {
      declare(flow, "input", inputs.get(i), i, indexByName, inputs);
    }
    int edges = 0;
    for (int t = 0; t < tasks.size(); t++) {
      declare(flow, "task", tasks.get(t).key(), inputs.size() + t, indexByName, inputs);
      edges += tasks.get(t).dependencies().size();
    }
    int[] start = new int[nodes + 1];
    int[] targets = new int[edges];
    int edge = 0;
    for (int node = 0; node < nodes; node++) {
      start[node] = edge;
      if (node >= inputs.size()) {
        TaskSpec<?> task = tasks.get(node - inputs.size());
        for (Key<?> dependency : task.dependencies()) {
          targets[edge++] = dependencyIndex(flow, task, dependency, indexByName, inputs, tasks);
        }
        task.each().ifPresent(source -> checkCollection(task, source));
      }
    }
    start[nodes] = edge;
    return new Resolved(indexByName, new Csr(start, targets));
  }

  private static void declare(String flow, String kind, Key<?> key, int index,
      HashMap<String, Integer> indexByName, List<Key<?>> inputs) {
    if (!key.flow().equals(flow)) {
      throw new GraphException(kind + " '" + key.name() + "' has a key of flow '" + key.flow()
          + "', not of flow '" + flow + "'; use the key made for this flow");
    }
    Integer earlier = indexByName.putIfAbsent(key.name(), index);
    if (earlier != null) {
      String earlierKind = earlier < inputs.size() ? "input" : "task";
      throw new GraphException("flow '" + flow + "' declares '" + key.name() + "' twice (as "
          + earlierKind + " and as " + kind
          + "); inputs and tasks of one flow need distinct names");
    }
  }

  private static int dependencyIndex(String flow, TaskSpec<?> task, Key<?> dependency,
      HashMap<String, Integer> indexByName, List<Key<?>> inputs, List<TaskSpec<?>> tasks) {
    if (!dependency.flow().equals(flow)) {
      throw new GraphException("task '" + task.name() + "' depends on '" + dependency.name()
          + "' of flow '" + dependency.flow() + "', not of flow '" + flow
          + "'; a task can depend only on tasks and inputs of its own flow");
    }
    Integer index = indexByName.get(dependency.name());
    if (index == null) {
      throw new GraphException("task '" + task.name() + "' depends on '" + dependency.name()
          + "', which is neither an input nor a task of flow '" + flow
          + "'; declare it in the flow or fix the name");
    }
    Key<?> declared = index < inputs.size()
        ? inputs.get(index) : tasks.get(index - inputs.size()).key();
    if (!declared.type().equals(dependency.type())) {
      throw new GraphException("task '" + task.name() + "' depends on '" + dependency.name()
          + "' as " + dependency.type() + ", but '" + dependency.name() + "' is "
          + declared.type() + "; use the flow's key for '" + dependency.name() + "'");
    }
    return index;
  }

  private static void checkCollection(TaskSpec<?> task, Key<?> source) {
    Class<?> type = source.type().getRawType();
    // Object: a code-built task declared without its type; its value is checked when it fans out.
    if (type != Object.class && !Collection.class.isAssignableFrom(type)) {
      throw new GraphException("task '" + task.name() + "' fans out over '" + source.name()
          + "', whose type " + source.type() + " is not a Collection; fan out only over a"
          + " task or input whose value is a Collection");
    }
  }
}
