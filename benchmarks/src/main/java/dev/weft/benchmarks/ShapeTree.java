package dev.weft.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * A binary reduction tree (Taskflow's {@code binary_tree}, Task Bench's {@code tree}): {@code
 * 2^depth} no-op leaves, then every level summing pairs of the level below up to one root;
 * {@code 2^(depth+1) - 1} nodes, 2,047 at depth 10, 32,767 at 14 and 262,143 at 17. Wide at the
 * bottom and ever narrower, so it measures both the launch of many roots and the joins of two
 * inputs. Weft, {@code CompletableFuture} and sequential calls as in {@link ShapeBenchmark}; the
 * secondary score {@code ·nodes} is ns per node.
 */
public class ShapeTree extends ShapeBenchmark {
  /** Edges from the root to a leaf. */
  @Param({"10", "14", "17"})
  public int depth;

  @Override
  Dag dag() {
    return Dag.tree(depth);
  }
}
