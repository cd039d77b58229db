package dev.weft.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * A random layered graph with a fixed seed (Taskflow's {@code graph_traversal}, Task Bench's
 * {@code random_nearest}): {@link #layers} layers of {@link #width} no-op nodes, each node after
 * the first layer reading one to three distinct random nodes of the layer before ({@link
 * Dag#layered}, seed {@value #SEED}); the exits are the nodes nothing reads. 10,000 nodes and
 * about 20,000 edges at the default size. Weft, {@code CompletableFuture} and sequential calls as
 * in {@link ShapeBenchmark}; the secondary score {@code ·nodes} is ns per node.
 */
public class ShapeRandomDag extends ShapeBenchmark {
  /** The seed of the graph's random edges: the same graph in every run. */
  static final long SEED = 42;

  /** Layers of nodes. */
  @Param({"100"})
  public int layers;

  /** Nodes per layer. */
  @Param({"100"})
  public int width;

  @Override
  Dag dag() {
    return Dag.layered(layers, width, SEED);
  }
}
