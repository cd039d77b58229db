package dev.weft.engine;

import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.internal.Csr;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** Reads a run's arrays back as {@link TaskOutcome}s and failure paths, for results and events. */
final class Outcomes {
  /** Why a task executed in a run of a Weft built with {@code caching(false)}. */
  static final String CACHING_OFF = "caching off";
  /** The reason of a task whose value came from a cache. */
  static final String UNCHANGED = "unchanged";

  private Outcomes() {}

  static TaskOutcome of(Run run, int node) {
    int state = run.state.get(node);
    Status status = Run.status(state);
    if (status == Status.EXECUTED && run.cache != null) {
      byte tier = run.cache.tier(node);
      status = tier == RunCache.MEMORY ? Status.MEMORY_HIT
          : tier == RunCache.DISK ? Status.DISK_HIT : Status.EXECUTED;
    }
    TaskFailedException failure = state == Run.FAILED ? run.failures[node] : null;
    return new TaskOutcome(
        run.name(node),
        status,
        reason(run, node, state),
        Duration.ofNanos(run.durationNanos[node]),
        run.attempts.get(node),
        failure == null ? null : failure.getCause());
  }

  private static String reason(Run run, int node, int state) {
    switch (state) {
      case Run.EXECUTED:
        if (run.cache == null) {
          return CACHING_OFF;
        }
        if (run.cache.tier(node) != RunCache.EXECUTED) {
          return UNCHANGED;
        }
        FanOut fanOut = run.fanOut(node);
        int cached = fanOut == null ? 0 : fanOut.cached.get();
        return run.cache.reason(node) + (cached == 0 ? ""
            : "; " + cached + " of " + fanOut.size() + " elements cached");
      case Run.FAILED:
        FanOut failedFanOut = run.fanOut(node);
        String elements = failedFanOut == null ? "" : failedFanOut.failedText();
        return (elements.isEmpty() ? "" : "on " + elements + ": ")
            + Durations.describe(run.failures[node].getCause());
      case Run.SKIPPED:
        return "upstream '" + run.failures[node].task() + "' failed";
      default:
        RuntimeException cause = run.stopCause();
        if (cause instanceof TaskFailedException failed) {
          return "run stopped: task '" + failed.task() + "' failed";
        }
        return cause instanceof CancellationException ? "run cancelled" : "not run";
    }
  }

  private static boolean isSink(Run run, int node, Csr dependents) {
    for (int p = dependents.from(node); p < dependents.to(node); p++) {
      if (run.needed.get(dependents.target(p))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The names from {@code failed} to the nearest requested target downstream of it, both
   * included: breadth-first over the needed dependents, so the path is a shortest one. When the
   * run requested every task, the path leads to the nearest task nothing depends on.
   */
  static List<String> pathToTarget(Run run, int failed) {
    Csr dependents = run.graph.dependents();
    Map<Integer, Integer> cameFrom = new HashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(failed);
    cameFrom.put(failed, -1);
    while (!queue.isEmpty()) {
      int node = queue.poll();
      if (run.allTasks ? isSink(run, node, dependents) : run.targets.get(node)) {
        List<String> path = new ArrayList<>();
        for (int n = node; n >= 0; n = cameFrom.get(n)) {
          path.add(run.name(n));
        }
        Collections.reverse(path);
        return path;
      }
      for (int p = dependents.from(node); p < dependents.to(node); p++) {
        int next = dependents.target(p);
        if (run.needed.get(next) && cameFrom.putIfAbsent(next, node) == null) {
          queue.add(next);
        }
      }
    }
    return List.of(run.name(failed));
  }
}
