package dev.weft.processor.rules;

import dev.weft.processor.graph.TaskGraph;

/**
 * One rule a class's task graph must satisfy. Each rule reports its own violations, each at the
 * element at fault, and leaves everything else to the other rules.
 */
public interface GraphRule {

  /** Reports every violation of this rule in {@code graph}. */
  void check(TaskGraph graph);
}
