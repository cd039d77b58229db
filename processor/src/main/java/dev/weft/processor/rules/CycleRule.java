package dev.weft.processor.rules;

import com.google.common.collect.Lists;
import com.google.common.graph.Graphs;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tasks may not depend on each other in a loop. Each cycle is printed as the path of tasks it
 * runs through, every arrow pointing from a task to one that reads it
 * ({@code files -> counts -> total -> files}), and reported at the parameter that closes it in
 * the first-declared task on the cycle.
 */
final class CycleRule implements GraphRule {
  private final ErrorReporter reporter;

  CycleRule(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void check(TaskGraph graph) {
    if (!Graphs.hasCycle(graph.graph())) {
      return;
    }
    Set<String> reported = new HashSet<>();
    for (TaskMethod task : graph.tasks().values()) {
      if (reported.contains(task.name())) {
        continue;
      }
      Optional<List<String>> cycle = shortestCycleThrough(graph, task.name());
      if (cycle.isPresent()) {
        reported.addAll(cycle.get());
        report(graph, task, cycle.get());
      }
    }
  }

  /** The shortest path from {@code start} back to itself, start included at both ends. */
  private static Optional<List<String>> shortestCycleThrough(TaskGraph graph, String start) {
    Map<String, String> reachedFrom = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String node = queue.poll();
      for (String next : graph.graph().successors(node)) {
        if (next.equals(start)) {
          List<String> path = Lists.newArrayList(start);
          for (String n = node; !n.equals(start); n = reachedFrom.get(n)) {
            path.add(n);
          }
          path.add(start);
          // Built backwards from the closing edge; reverse all but the repeated start.
          return Optional.of(Lists.reverse(path));
        }
        if (reachedFrom.putIfAbsent(next, node) == null) {
          queue.add(next);
        }
      }
    }
    return Optional.empty();
  }

  private void report(TaskGraph graph, TaskMethod start, List<String> cycle) {
    String closing = cycle.get(cycle.size() - 2);
    TaskParameter reader =
        start.parameters().stream()
            .filter(p -> p.source().equals(closing) && p.kind() != TaskParameter.Kind.INPUT)
            .findFirst()
            .orElseThrow();
    Location location =
        reader.annotation().isPresent()
            ? Location.of(reader.element(), reader.annotation().get(), "value")
            : Location.of(reader.element());
    if (cycle.size() == 2) {
      reporter.error(
          Diagnostic.CYCLE,
          location,
          "task '%s' of %s reads its own value: %s. A task cannot read itself; read another task,"
              + " or an input with @Input.",
          start.name(),
          graph.source().simpleName(),
          String.join(" -> ", cycle));
      return;
    }
    reporter.error(
        Diagnostic.CYCLE,
        location,
        "tasks of %s depend on each other in a cycle: %s (each task reads the one before it)."
            + " A task can only read tasks that do not read it back; remove one of these"
            + " dependencies.",
        graph.source().simpleName(),
        String.join(" -> ", cycle));
  }
}
