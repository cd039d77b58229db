package dev.weft.benchmarks;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A task graph's shape, independent of who runs it: nodes {@code 0 … size() - 1} in topological
 * order, each with the nodes it reads. The shapes are those of Taskflow's and Task Bench's
 * suites. Every runner — {@link DagFlow} (Weft), {@link DagFutures} ({@code CompletableFuture}),
 * {@link #evaluate} (sequential calls) and the generated Dagger producer modules — gives node
 * {@code i} the value {@code body.apply(sum of the values it reads)}, and the graph's result is
 * the sum of its <em>exits</em>, the nodes nothing reads. So the result is the same whoever runs
 * it, which each benchmark checks before it measures.
 */
public final class Dag {
  private final String name;
  private final int[][] deps;
  private final int[] exits;

  private Dag(String name, int[][] deps) {
    this.name = name;
    this.deps = deps;
    boolean[] read = new boolean[deps.length];
    for (int[] d : deps) {
      for (int dep : d) {
        read[dep] = true;
      }
    }
    this.exits = IntStream.range(0, deps.length).filter(i -> !read[i]).toArray();
  }

  /** A chain: node {@code i} reads node {@code i - 1}. One exit, no parallelism. */
  public static Dag chain(int nodes) {
    int[][] deps = new int[nodes][];
    deps[0] = new int[0];
    for (int i = 1; i < nodes; i++) {
      deps[i] = new int[] {i - 1};
    }
    return new Dag("chain-" + nodes, deps);
  }

  /**
   * Fan-out/fan-in: node 0 is the source and nodes {@code 1 … width} each read it. The fan-in is
   * the sum of those {@code width} exits, taken by whoever runs the graph once all are done.
   */
  public static Dag wide(int width) {
    int[][] deps = new int[width + 1][];
    deps[0] = new int[0];
    for (int i = 1; i <= width; i++) {
      deps[i] = new int[] {0};
    }
    return new Dag("wide-" + width, deps);
  }

  /**
   * A binary reduction tree of the given depth (edges from the root to a leaf): {@code 2^depth}
   * leaves that read nothing, then each level's nodes reading two nodes of the level below, up to
   * the root, the one exit: {@code 2^(depth+1) - 1} nodes in all.
   */
  public static Dag tree(int depth) {
    int leaves = 1 << depth;
    int[][] deps = new int[2 * leaves - 1][];
    int next = 0;
    for (; next < leaves; next++) {
      deps[next] = new int[0];
    }
    for (int levelStart = 0, width = leaves; width > 1; width /= 2) {
      for (int k = 0; k < width / 2; k++) {
        deps[next++] = new int[] {levelStart + 2 * k, levelStart + 2 * k + 1};
      }
      levelStart += width;
    }
    return new Dag("tree-" + depth, deps);
  }

  /**
   * A wavefront over a grid, row by row: node {@code (i, j)} reads {@code (i - 1, j)} and
   * {@code (i, j - 1)} where they exist. The one exit is the last corner.
   */
  public static Dag wavefront(int rows, int cols) {
    int[][] deps = new int[rows * cols][];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int[] d = new int[(i > 0 ? 1 : 0) + (j > 0 ? 1 : 0)];
        int k = 0;
        if (i > 0) {
          d[k++] = (i - 1) * cols + j;
        }
        if (j > 0) {
          d[k] = i * cols + j - 1;
        }
        deps[i * cols + j] = d;
      }
    }
    return new Dag("wavefront-" + rows + "x" + cols, deps);
  }

  /**
   * A random layered graph: {@code layers} layers of {@code width} nodes; the first layer reads
   * nothing, and each node of a later layer reads one to three distinct nodes of the layer before,
   * drawn with {@link Random} from {@code seed}, so the same arguments give the same graph. Exits
   * are the last layer and every node that no node of the next layer drew.
   */
  public static Dag layered(int layers, int width, long seed) {
    Random random = new Random(seed);
    int[][] deps = new int[layers * width][];
    for (int i = 0; i < width; i++) {
      deps[i] = new int[0];
    }
    for (int layer = 1; layer < layers; layer++) {
      int previous = (layer - 1) * width;
      for (int i = 0; i < width; i++) {
        int[] d = random.ints(previous, previous + width).distinct()
            .limit(1 + random.nextInt(Math.min(3, width))).toArray();
        Arrays.sort(d);
        deps[layer * width + i] = d;
      }
    }
    return new Dag("layered-" + layers + "x" + width + "-seed" + seed, deps);
  }

  /** A name saying the shape and its size, such as {@code tree-10}. */
  public String name() {
    return name;
  }

  /** The number of nodes. */
  public int size() {
    return deps.length;
  }

  /** The nodes that node {@code node} reads, in increasing order; do not modify. */
  public int[] deps(int node) {
    return deps[node];
  }

  /** The nodes nothing reads, in increasing order: the graph's result sums their values. */
  public int[] exits() {
    return exits.clone();
  }

  /** The greatest number of nodes any node reads. */
  public int maxDeps() {
    return Arrays.stream(deps).mapToInt(d -> d.length).max().orElse(0);
  }

  /** The number of edges. */
  public int edges() {
    return Arrays.stream(deps).mapToInt(d -> d.length).sum();
  }

  /**
   * The sequential baseline: calls {@code body} for each node in order on this thread, with no
   * scheduler, and returns the graph's result (the sum of the exits' values).
   */
  public int evaluate(Body body) {
    int[] values = new int[deps.length];
    for (int i = 0; i < deps.length; i++) {
      int sum = 0;
      for (int dep : deps[i]) {
        sum += values[dep];
      }
      values[i] = body.apply(sum);
    }
    int result = 0;
    for (int exit : exits) {
      result += values[exit];
    }
    return result;
  }

  @Override
  public String toString() {
    return name + " (" + size() + " nodes, " + edges() + " edges)";
  }
}
