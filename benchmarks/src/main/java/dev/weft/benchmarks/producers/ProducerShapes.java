package dev.weft.benchmarks.producers;

import dev.weft.benchmarks.Dag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graphs that Dagger Producers runs, by name: each is a {@link Dag} of about 200 nodes, the
 * size of a hand-written producer module, and {@link ProducerGraphGenerator} writes one producer
 * module and one production component for each. The benchmark builds its Weft, {@code
 * CompletableFuture} and sequential graphs from the same {@link Dag}.
 */
public final class ProducerShapes {
  private static final Map<String, Dag> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put("chain", Dag.chain(200));
    SHAPES.put("wide", Dag.wide(200));
    SHAPES.put("tree", Dag.tree(7));
    SHAPES.put("wavefront", Dag.wavefront(14, 14));
    SHAPES.put("random", Dag.layered(10, 20, 42));
  }

  private ProducerShapes() {}

  /** The shapes' names, in the order the generator writes them. */
  public static List<String> names() {
    return List.copyOf(SHAPES.keySet());
  }

  /** The graph called {@code shape}. */
  public static Dag dag(String shape) {
    Dag dag = SHAPES.get(shape);
    if (dag == null) {
      throw new IllegalArgumentException(
          "no producer graph called '" + shape + "'; the shapes are " + names());
    }
    return dag;
  }
}
