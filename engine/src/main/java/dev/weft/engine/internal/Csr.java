package dev.weft.engine.internal;

/**
 * An immutable adjacency list in compressed-sparse-row form: the neighbours of node {@code i} are
 * {@code target(from(i))} up to (excluding) {@code target(to(i))}, in the order they were given.
 *
 * <p>Flows reach a million nodes, and the engine keeps per-node bookkeeping under a kilobyte. A
 * Guava {@code ImmutableGraph} of a million-node chain costs about 680 bytes a node and seconds
 * to build; two of these arrays cost four bytes a node plus four an edge. {@link KeyGraph}
 * presents them as a Guava {@code Graph} where a graph API is wanted; the scheduler walks them
 * directly.
 */
public final class Csr {

  private final int[] start;
  private final int[] targets;

  /**
   * Takes ownership of the arrays: {@code start} has one entry per node plus a final one equal
   * to {@code targets.length}, and never decreases.
   */
  Csr(int[] start, int[] targets) {
    this.start = start;
    this.targets = targets;
  }

  public int nodeCount() {
    return start.length - 1;
  }

  public int edgeCount() {
    return targets.length;
  }

  /** Returns the position of node {@code node}'s first neighbour. */
  public int from(int node) {
    return start[node];
  }

  /** Returns the position just after node {@code node}'s last neighbour. */
  public int to(int node) {
    return start[node + 1];
  }

  public int degree(int node) {
    return start[node + 1] - start[node];
  }

  public int target(int position) {
    return targets[position];
  }

  /**
   * Returns the reverse adjacency: node {@code j} lists {@code i} for every edge {@code i -> j},
   * in increasing order of {@code i}. A counting sort, so linear in nodes and edges.
   */
  Csr transpose() {
    int nodes = nodeCount();
    int[] reverseStart = new int[nodes + 1];
    for (int target : targets) {
      reverseStart[target + 1]++;
    }
    for (int i = 0; i < nodes; i++) {
      reverseStart[i + 1] += reverseStart[i];
    }
    int[] next = reverseStart.clone();
    int[] reverseTargets = new int[targets.length];
    for (int i = 0; i < nodes; i++) {
      for (int p = start[i]; p < start[i + 1]; p++) {
        reverseTargets[next[targets[p]]++] = i;
      }
    }
    return new Csr(reverseStart, reverseTargets);
  }
}
