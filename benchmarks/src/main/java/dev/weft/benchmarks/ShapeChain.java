package dev.weft.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * A linear chain of {@link #nodes} no-op tasks, node {@code i} reading node {@code i - 1}
 * (Taskflow's {@code linear_chain}): no two nodes can run at once, so this is hand-off latency
 * and per-node bookkeeping, and the three sizes show how a run's fixed cost amortises. Weft,
 * {@code CompletableFuture} and sequential calls as in {@link ShapeBenchmark}; the secondary score
 * {@code ·nodes} is ns per node.
 */
public class ShapeChain extends ShapeBenchmark {
  /** Nodes in the chain. */
  @Param({"1000", "10000", "100000"})
  public int nodes;

  @Override
  Dag dag() {
    return Dag.chain(nodes);
  }
}
