package dev.weft.engine.internal;

import dev.weft.engine.GraphException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntFunction;

/**
 * Orders a flow's tasks so that each comes after its dependencies, or reports a cycle as a path.
 *
 * <p>Written here because Guava's graph package has no topological sort, and its
 * {@code Graphs.hasCycle} says whether there is a cycle but not where. Kahn's algorithm, iterative
 * because flows reach a million nodes and a recursive depth-first search would overflow the stack
 * on a long chain. Ready tasks wait in a priority queue by declaration index, so among tasks
 * that could go in either order the one declared first goes first, the same on every run.
 */
final class TopologicalSort {

  private TopologicalSort() {}

  /**
   * Returns the indices of the tasks in topological order.
   *
   * @param dependencies for each node, the nodes it depends on; nodes below {@code firstTask}
   *     are inputs, which depend on nothing and are left out of the order
   * @param nameOf the name of a node, for the cycle message
   * @throws GraphException if the tasks have a cycle, with the cycle as a path
   */
  static int[] order(String flow, Csr dependencies, int firstTask, IntFunction<String> nameOf) {
    int nodes = dependencies.nodeCount();
    Csr dependents = dependencies.transpose();
    int[] waitingFor = new int[nodes];
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int node = firstTask; node < nodes; node++) {
      for (int p = dependencies.from(node); p < dependencies.to(node); p++) {
        if (dependencies.target(p) >= firstTask) {
          waitingFor[node]++;
        }
      }
      if (waitingFor[node] == 0) {
        ready.add(node);
      }
    }
    int[] order = new int[nodes - firstTask];
    int placed = 0;
    while (!ready.isEmpty()) {
      int node = ready.poll();
      order[placed++] = node;
      for (int p = dependents.from(node); p < dependents.to(node); p++) {
        if (--waitingFor[dependents.target(p)] == 0) {
          ready.add(dependents.target(p));
        }
      }
    }
    if (placed < order.length) {
      throw new GraphException("flow '" + flow + "' has a cycle: "
          + cyclePath(dependencies, firstTask, waitingFor, nameOf)
          + "; a task cannot depend on its own value, directly or through other tasks:"
          + " remove one of these dependencies");
    }
    return order;
  }

  /**
   * Finds one cycle among the tasks Kahn's algorithm could not place. Each of them still waits
   * for an unplaced dependency, so walking from one to such a dependency, and on, must revisit a
   * task; the walk from that task back to itself is a cycle. Written in data-flow direction
   * ({@code a -> b}: b depends on a) and started at the task declared first, so the message is
   * stable.
   */
  private static String cyclePath(
      Csr dependencies, int firstTask, int[] waitingFor, IntFunction<String> nameOf) {
    int[] step = new int[dependencies.nodeCount()];
    Arrays.fill(step, -1);
    List<Integer> walk = new ArrayList<>();
    int node = firstTask;
    while (waitingFor[node] == 0) {
      node++;
    }
    while (step[node] < 0) {
      step[node] = walk.size();
      walk.add(node);
      node = firstUnplacedDependency(dependencies, firstTask, waitingFor, node);
    }
    // The walk follows "depends on"; reversed, it is the direction data flows.
    List<Integer> cycle = new ArrayList<>(walk.subList(step[node], walk.size()));
    Collections.reverse(cycle);
    int first = cycle.indexOf(Collections.min(cycle));
    StringBuilder path = new StringBuilder();
    for (int i = 0; i <= cycle.size(); i++) {
      int member = cycle.get((first + i) % cycle.size());
      path.append(i == 0 ? "" : " -> ").append(nameOf.apply(member));
    }
    return path.toString();
  }

  private static int firstUnplacedDependency(
      Csr dependencies, int firstTask, int[] waitingFor, int node) {
    for (int p = dependencies.from(node); p < dependencies.to(node); p++) {
      int dependency = dependencies.target(p);
      if (dependency >= firstTask && waitingFor[dependency] > 0) {
        return dependency;
      }
    }
    throw new AssertionError("unplaced node " + node + " waits for no unplaced task");
  }
}
